package dev.safeguard.crypto;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which master-key provider protects the key hierarchy ({@code SAFEGUARD_MASTER_KEY_PROVIDER}).
 *
 * @param provider        {@code local} (default: a keyset file in {@code SAFEGUARD_KEYS_DIR}) or {@code pkcs11}
 * @param pkcs11Library   the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
 * @param pkcs11Slot      the token's slot id (as printed by the HSM's tools)
 * @param pkcs11Pin       the user PIN (from the environment or a secret store, never a file in the repository)
 * @param pkcs11KeyLabel  the AES-256 key's label on the token (default {@code safeguard-master}); generated on the
 *                        token, non-extractable, on first start
 */
@ConfigurationProperties("safeguard.master-key")
public record MasterKeySettings(String provider, Path pkcs11Library, Long pkcs11Slot, String pkcs11Pin,
                                String pkcs11KeyLabel) {

    public MasterKeySettings {
        provider = provider == null || provider.isBlank() ? "local" : provider;
        if (!provider.equals("local") && !provider.equals("pkcs11")) {
            throw new IllegalArgumentException("safeguard.master-key.provider must be local or pkcs11, not " + provider);
        }
        pkcs11KeyLabel = pkcs11KeyLabel == null || pkcs11KeyLabel.isBlank() ? "safeguard-master" : pkcs11KeyLabel;
        if (provider.equals("pkcs11") && (pkcs11Library == null || pkcs11Slot == null || pkcs11Pin == null)) {
            throw new IllegalArgumentException("The pkcs11 master-key provider needs safeguard.master-key.pkcs11-"
                    + "library, pkcs11-slot and pkcs11-pin");
        }
    }

    @Override
    public String toString() {
        return "MasterKeySettings[provider=" + provider + ", pkcs11Library=" + pkcs11Library + ", pkcs11Slot="
                + pkcs11Slot + ", pkcs11KeyLabel=" + pkcs11KeyLabel + ", pkcs11Pin=" + (pkcs11Pin == null ? null
                : "(redacted)") + "]";
    }
}
