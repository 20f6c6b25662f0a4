package dev.safeguard.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.safeguard.crypto.KeySettings;
import dev.safeguard.crypto.SecretSealer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@link SecretSealer} over a Tink AES-256-GCM keyset kept in {@code keysDir/application-secrets.json}, created with
 * mode 0600 on first start. Start-up fails if the file is readable by group or others.
 */
@Component
@EnableConfigurationProperties(KeySettings.class)
class LocalKeysetSealer implements SecretSealer {

    static final String FILE = "application-secrets.json";

    private final Aead aead;

    LocalKeysetSealer(KeySettings settings) throws GeneralSecurityException {
        AeadConfig.register();
        this.aead = LocalKeysets.loadOrCreate(settings.keysDir().resolve(FILE), PredefinedAeadParameters.AES256_GCM).getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    @Override
    public byte[] seal(byte[] plaintext, String purpose) {
        try {
            return aead.encrypt(plaintext, purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed", e);
        }
    }

    @Override
    public byte[] open(byte[] sealed, String purpose) {
        try {
            return aead.decrypt(sealed, purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new SecretUnavailable("A sealed secret failed authentication (tampered, moved, or its key is gone)",
                    e);
        }
    }
}
