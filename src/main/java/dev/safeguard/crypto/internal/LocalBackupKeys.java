package dev.safeguard.crypto.internal;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import dev.safeguard.crypto.BackupKeys;
import dev.safeguard.crypto.KeySettings;
import dev.safeguard.crypto.spi.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.springframework.stereotype.Component;

/**
 * {@link BackupKeys}: per-backup AES256_GCM_HKDF_1MB streaming keysets wrapped by the {@link MasterKey}, and an
 * Ed25519 manifest signing keyset in {@code backup-signing.json} (mode 0600, created on first start).
 */
@Component
class LocalBackupKeys implements BackupKeys {

    static final String SIGNING_FILE = "backup-signing.json";

    private final MasterKey master;
    private final PublicKeySign signer;
    private final PublicKeyVerify verifier;
    private final String publicKeyset;

    LocalBackupKeys(KeySettings settings, MasterKey master) throws GeneralSecurityException {
        StreamingAeadConfig.register();
        SignatureConfig.register();
        this.master = master;
        KeysetHandle signing = LocalKeysets.loadOrCreate(settings.keysDir().resolve(SIGNING_FILE),
                PredefinedSignatureParameters.ED25519);
        this.signer = signing.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
        KeysetHandle publicHandle = signing.getPublicKeysetHandle();
        this.verifier = publicHandle.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
        this.publicKeyset = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(publicHandle);
    }

    @Override
    public BackupKey newKey(String backupId) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master.aead(), ad(backupId));
            return new BackupKey(handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class), wrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make a backup key under the master key", e);
        }
    }

    @Override
    public StreamingAead open(String backupId, byte[] wrappedKey) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, master.aead(), ad(backupId))
                    .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new BackupKeyUnavailable("The backup's key does not open under this installation's master key ("
                    + master.provider() + "): the backup was made by another installation, its manifest was altered, "
                    + "or the master key is not the one the backup was made with", e);
        }
    }

    @Override
    public byte[] sign(byte[] manifest) {
        try {
            return signer.sign(manifest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing the backup manifest failed", e);
        }
    }

    @Override
    public boolean verify(byte[] manifest, byte[] signature) {
        try {
            verifier.verify(signature, manifest);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String publicKeysetJson() {
        return publicKeyset;
    }

    /** IMPORTANT: never change, or existing backups stop opening. */
    private static byte[] ad(String backupId) {
        return ("safeguard-backup-key:" + backupId).getBytes(StandardCharsets.UTF_8);
    }
}
