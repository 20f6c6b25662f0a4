package dev.safeguard.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import dev.safeguard.crypto.CompartmentKeys;
import dev.safeguard.crypto.KeyManagement;
import dev.safeguard.crypto.MasterKeySettings;
import dev.safeguard.crypto.spi.MasterKey;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import dev.safeguard.testing.SoftHsm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole key hierarchy under a master key that lives on a real PKCS#11 token (SoftHSM2). */
public abstract class Pkcs11MasterKeyIntegrationTests extends ServerTest {

    @DynamicPropertySource
    static void token(DynamicPropertyRegistry registry) {
        registry.add("safeguard.master-key.provider", () -> "pkcs11");
        registry.add("safeguard.master-key.pkcs11-library", SoftHsm.LIBRARY::toString);
        registry.add("safeguard.master-key.pkcs11-slot", SoftHsm::slot);
        registry.add("safeguard.master-key.pkcs11-pin", () -> SoftHsm.PIN);
        registry.add("safeguard.master-key.pkcs11-key-label", () -> "master-" + System.nanoTime());
    }

    @Autowired
    MasterKey master;
    @Autowired
    MasterKeySettings settings;
    @Autowired
    CompartmentKeys keys;
    @Autowired
    KeyManagement management;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theHierarchySealsAndOpensUnderTheTokensKeyAndNoLocalMasterKeyExists() throws Exception {
        assertThat(master.provider()).isEqualTo("pkcs11");
        assertThat(master.location()).contains("slot " + SoftHsm.slot());
        CompartmentKeys.Sealed sealed = keys.seal("Patient/p11", bytes("on the token"), bytes("ad"));
        assertThat(keys.open("Patient/p11", sealed.keyVersion(), sealed.ciphertext(), bytes("ad")))
                .isEqualTo(bytes("on the token"));
        management.rotateKek();
        management.rewrap();
        assertThat(management.status().dataKeysToRewrap()).isZero();
        assertThat(management.status().masterKeyProvider()).isEqualTo("pkcs11");
        assertThat(Files.exists(keysDir().resolve(LocalMasterKey.FILE))).isFalse();
    }

    @Test
    void theTokensKeyPersistsAndAuthenticates() throws Exception {
        Aead first = master.aead();
        byte[] ciphertext = first.encrypt(bytes("keyset"), bytes("name"));
        // A second provider instance finds the same key on the token by its label.
        Aead second = new Pkcs11MasterKey(settings).aead();
        assertThat(second.decrypt(ciphertext, bytes("name"))).isEqualTo(bytes("keyset"));
        assertThatThrownBy(() -> second.decrypt(ciphertext, bytes("other name")))
                .isInstanceOf(GeneralSecurityException.class);
        byte[] flipped = ciphertext.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThatThrownBy(() -> second.decrypt(flipped, bytes("name"))).isInstanceOf(GeneralSecurityException.class);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("keyset");
    }

    private java.nio.file.Path keysDir() {
        return java.nio.file.Path.of(environment.getProperty("safeguard.keys-dir", "keys"));
    }

    @Autowired
    org.springframework.core.env.Environment environment;
}

@OnDatabase(Database.SQLITE)
class SqlitePkcs11MasterKeyIntegrationTests extends Pkcs11MasterKeyIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresPkcs11MasterKeyIntegrationTests extends Pkcs11MasterKeyIntegrationTests {
}
