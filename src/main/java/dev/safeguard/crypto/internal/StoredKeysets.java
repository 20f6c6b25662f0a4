package dev.safeguard.crypto.internal;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import dev.safeguard.crypto.spi.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named Tink keysets in {@code crypto_keysets}, each encrypted under the master key with its name as associated data
 * (a keyset copied under another name fails to decrypt). Created on first use.
 */
@Component
class StoredKeysets {

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final Clock clock;

    StoredKeysets(JdbcClient jdbc, MasterKey master, Clock clock) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
    }

    /** A keyset and the exact stored bytes it came from (for compare-and-set replacement). */
    record Stored(KeysetHandle handle, byte[] raw) {
    }

    Optional<Stored> load(String name) {
        return jdbc.sql("SELECT keyset FROM crypto_keysets WHERE name = ?").param(name)
                .query((rs, n) -> rs.getBytes(1)).optional().map(bytes -> new Stored(decrypt(name, bytes), bytes));
    }

    /** The keyset, created by {@code generate} if it does not exist yet (concurrent creators agree on one). */
    Stored loadOrCreate(String name, KeysetSupplier generate) {
        return load(name).orElseGet(() -> {
            try {
                jdbc.sql("INSERT INTO crypto_keysets (name, keyset, updated_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (name) DO NOTHING").params(name, encrypt(name, generate.get()), clock.millis())
                        .update();
                return load(name).orElseThrow();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot create the keyset " + name, e);
            }
        });
    }

    Stored loadOrCreate(String name, Parameters parameters) {
        return loadOrCreate(name, () -> KeysetHandle.generateNew(parameters));
    }

    interface KeysetSupplier {
        KeysetHandle get() throws GeneralSecurityException;
    }

    /** Replaces the keyset if it still is {@code expected} (compare-and-set); false if someone changed it first. */
    boolean replace(String name, Stored expected, KeysetHandle replacement) {
        return jdbc.sql("UPDATE crypto_keysets SET keyset = ?, updated_at = ? WHERE name = ? AND keyset = ?")
                .params(encrypt(name, replacement), clock.millis(), name, expected.raw()).update() == 1;
    }

    private byte[] encrypt(String name, KeysetHandle handle) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master.aead(), ad(name));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the keyset " + name + " under the master key", e);
        }
    }

    private KeysetHandle decrypt(String name, byte[] bytes) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(bytes, master.aead(), ad(name));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The keyset " + name + " does not decrypt under the master key (wrong "
                    + "master key, or the row was altered)", e);
        }
    }

    private static byte[] ad(String name) {
        return ("safeguard-keyset:" + name).getBytes(StandardCharsets.UTF_8);
    }
}
