package dev.safeguard.crypto.internal;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import dev.safeguard.crypto.AuditKeys;
import dev.safeguard.crypto.KeySettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/** {@link AuditKeys} over two local Tink keysets, {@code audit-signing.json} and {@code audit-prf.json}. */
@Component
class LocalAuditKeys implements AuditKeys {

    private final PublicKeySign signer;
    private final PublicKeyVerify verifier;
    private final String publicKeyset;
    private final PrfSet prf;

    LocalAuditKeys(KeySettings settings) throws GeneralSecurityException {
        SignatureConfig.register();
        PrfConfig.register();
        KeysetHandle signing = LocalKeysets.loadOrCreate(settings.keysDir().resolve("audit-signing.json"),
                PredefinedSignatureParameters.ED25519);
        this.signer = signing.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
        KeysetHandle publicHandle = signing.getPublicKeysetHandle();
        this.verifier = publicHandle.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
        this.publicKeyset = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(publicHandle);
        this.prf = LocalKeysets.loadOrCreate(settings.keysDir().resolve("audit-prf.json"),
                PredefinedPrfParameters.HMAC_SHA256_PRF).getPrimitive(RegistryConfiguration.get(), PrfSet.class);
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            return signer.sign(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing failed", e);
        }
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        try {
            verifier.verify(signature, message);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String publicKeysetJson() {
        return publicKeyset;
    }

    @Override
    public String pseudonym(String purpose, String value) {
        try {
            byte[] input = (purpose + "\u0000" + value).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(prf.computePrimary(input, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Pseudonymization failed", e);
        }
    }
}
