package dev.safeguard.crypto.internal;

import com.google.crypto.tink.Aead;
import dev.safeguard.crypto.MasterKeySettings;
import dev.safeguard.crypto.spi.MasterKey;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The {@code pkcs11} master key: an AES-256 key that lives on an HSM token (tested with SoftHSM2) and never leaves
 * it; the JDK's SunPKCS11 provider runs AES-GCM on the token. Data keys are not wrapped with the token's key-wrap
 * mechanisms (SoftHSM's are not reachable through SunPKCS11): the keysets above the master key are encrypted with
 * AES-GCM on the token instead. Ciphertext layout: 12-byte random nonce ‖ GCM ciphertext and 16-byte tag.
 */
@Component
@ConditionalOnProperty(prefix = "safeguard.master-key", name = "provider", havingValue = "pkcs11")
@EnableConfigurationProperties(MasterKeySettings.class)
class Pkcs11MasterKey implements MasterKey {

    private static final Logger log = LoggerFactory.getLogger(Pkcs11MasterKey.class);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final Provider provider;
    private final SecretKey key;
    private final String location;
    private final SecureRandom random = new SecureRandom();

    Pkcs11MasterKey(MasterKeySettings settings) throws GeneralSecurityException, java.io.IOException {
        String config = "--name = safeguard-" + settings.pkcs11Slot() + "\n"
                + "library = " + settings.pkcs11Library().toAbsolutePath() + "\n"
                + "slot = " + settings.pkcs11Slot() + "\n"
                + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n  CKA_TOKEN = true\n  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n}\n";
        this.provider = Security.getProvider("SunPKCS11").configure(config);
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, settings.pkcs11Pin().toCharArray());
        String label = settings.pkcs11KeyLabel();
        SecretKey existing = (SecretKey) store.getKey(label, null);
        if (existing == null) {
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            SecretKey generated = generator.generateKey();
            store.setKeyEntry(label, generated, null, null);
            existing = (SecretKey) store.getKey(label, null);
            log.atInfo().addKeyValue("slot", settings.pkcs11Slot()).addKeyValue("label", label)
                    .log("Generated the master key on the PKCS#11 token");
        }
        this.key = existing;
        this.location = "pkcs11 slot " + settings.pkcs11Slot() + " key " + label;
    }

    @Override
    public String provider() {
        return "pkcs11";
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Aead aead() {
        return new Aead() {
            @Override
            public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
                byte[] nonce = new byte[NONCE];
                random.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(associatedData);
                byte[] sealed = cipher.doFinal(plaintext);
                return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
            }

            @Override
            public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
                if (ciphertext.length < NONCE + TAG_BITS / 8) {
                    throw new GeneralSecurityException("ciphertext too short");
                }
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
                cipher.init(Cipher.DECRYPT_MODE, key,
                        new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(ciphertext, 0, NONCE)));
                cipher.updateAAD(associatedData);
                return cipher.doFinal(ciphertext, NONCE, ciphertext.length - NONCE);
            }
        };
    }
}
