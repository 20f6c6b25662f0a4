package dev.safeguard.program.evidence;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import dev.safeguard.crypto.SecretSealer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs evidence with an Ed25519 key (Google Tink) made on first start and stored in {@code program_signing_keys},
 * sealed by the crypto module's {@link SecretSealer} with the keyset's name as purpose: the private key never rests in
 * clear, and a sealed keyset copied under another name does not open. Several nodes starting at once agree on one
 * keyset (the first insert wins). Verification uses the public half of that same sealed keyset, never the exported
 * public copy, so replacing the exported copy cannot make forged evidence verify.
 */
@Component
public class EvidenceSigner {

    static final String NAME = "evidence-signing";

    private final JdbcClient jdbc;
    private final SecretSealer sealer;
    private final Clock clock;
    private volatile Keys keys;

    private record Keys(PublicKeySign signer, PublicKeyVerify verifier, String publicKeyset) {
    }

    EvidenceSigner(JdbcClient jdbc, SecretSealer sealer, Clock clock) throws GeneralSecurityException {
        SignatureConfig.register();
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** Makes the key on first start rather than with the first evidence. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        keys();
    }

    public byte[] sign(byte[] message) {
        try {
            return keys().signer().sign(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Evidence signing failed", e);
        }
    }

    public boolean verify(byte[] message, byte[] signature) {
        try {
            keys().verifier().verify(signature, message);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public keyset (Tink JSON, no secret material), for verifying exported evidence offline. */
    public String publicKeysetJson() {
        return keys().publicKeyset();
    }

    private Keys keys() {
        Keys loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                loaded = keys;
            }
        }
        return loaded;
    }

    private Keys load() {
        try {
            byte[] sealed = stored();
            if (sealed == null) {
                KeysetHandle fresh = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
                byte[] raw = TinkProtoKeysetFormat.serializeKeyset(fresh, InsecureSecretKeyAccess.get());
                jdbc.sql("INSERT INTO program_signing_keys (name, keyset, public_keyset, created_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (name) DO NOTHING").params(NAME, sealer.seal(raw, purpose()),
                        TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(fresh.getPublicKeysetHandle()),
                        clock.millis()).update();
                sealed = stored();
            }
            KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(sealer.open(sealed, purpose()),
                    InsecureSecretKeyAccess.get());
            KeysetHandle publicHandle = handle.getPublicKeysetHandle();
            return new Keys(handle.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class),
                    publicHandle.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class),
                    TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(publicHandle));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the evidence signing key", e);
        }
    }

    private byte[] stored() {
        return jdbc.sql("SELECT keyset FROM program_signing_keys WHERE name = ?").param(NAME)
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
    }

    private static String purpose() {
        return "program-signing-key:" + NAME;
    }
}
