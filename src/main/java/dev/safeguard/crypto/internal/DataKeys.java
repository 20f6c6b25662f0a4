package dev.safeguard.crypto.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.safeguard.crypto.CompartmentKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link CompartmentKeys} over {@code crypto_data_keys}: each data key is a Tink AES-256-GCM keyset, wrapped by the
 * KEK keyset with associated data naming its compartment and version. Unwrapped keys are cached (bounded, expiring);
 * a key created inside a caller's transaction is cached only after that transaction commits, so a rollback can never
 * leave a key in memory that the database does not have.
 */
@Component
class DataKeys implements CompartmentKeys {

    private record CacheKey(String ref, int version) {
    }

    private record Current(int version, Aead aead) {
    }

    private final JdbcClient jdbc;
    private final KekRing keks;
    private final IndexAndMacKeys refs;
    private final Clock clock;
    private final Cache<CacheKey, Aead> unwrapped = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<String, Integer> currentVersion = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    DataKeys(JdbcClient jdbc, KekRing keks, IndexAndMacKeys refs, Clock clock) {
        this.jdbc = jdbc;
        this.keks = keks;
        this.refs = refs;
        this.clock = clock;
    }

    @Override
    public Sealed seal(String compartment, byte[] plaintext, byte[] associatedData) {
        String ref = refs.compartmentRef(compartment);
        Current current = current(ref);
        try {
            return new Sealed(current.version(), current.aead().encrypt(plaintext, associatedData));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    @Override
    public byte[] open(String compartment, int keyVersion, byte[] ciphertext, byte[] associatedData) {
        String ref = refs.compartmentRef(compartment);
        Aead aead = aead(ref, keyVersion);
        try {
            return aead.decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IntegrityFailure("A stored ciphertext failed authentication (altered, or moved from another "
                    + "row)", e);
        }
    }

    @Override
    public int rotate(String compartment) {
        String ref = refs.compartmentRef(compartment);
        refuseIfShredded(ref);
        int version = latestVersion(ref).orElse(0) + 1;
        create(ref, version);
        currentVersion.invalidate(ref);
        return version;
    }

    @Override
    public void shred(String compartment) {
        String ref = refs.compartmentRef(compartment);
        jdbc.sql("INSERT INTO crypto_shredded (compartment_ref, shredded_at) VALUES (?, ?) "
                + "ON CONFLICT (compartment_ref) DO NOTHING").params(ref, clock.millis()).update();
        jdbc.sql("DELETE FROM crypto_data_keys WHERE compartment_ref = ?").param(ref).update();
        forget(ref);
        // If the caller's transaction commits later, forget again: a concurrent reader may have cached meanwhile.
        afterCommit(() -> forget(ref));
    }

    @Override
    public boolean shredded(String compartment) {
        return isShredded(refs.compartmentRef(compartment));
    }

    /** Re-wraps one data key under the active KEK version if it is still under {@code from}; false if it moved. */
    boolean rewrap(String ref, int version, int from) {
        byte[] wrapped = jdbc.sql("SELECT wrapped FROM crypto_data_keys WHERE compartment_ref = ? AND version = ? "
                + "AND kek_version = ?").params(ref, version, from).query((rs, n) -> rs.getBytes(1)).optional()
                .orElse(null);
        if (wrapped == null) {
            return false;
        }
        KeysetHandle key = unwrap(ref, version, wrapped);
        int active = keks.activeVersion();
        return jdbc.sql("UPDATE crypto_data_keys SET wrapped = ?, kek_version = ? WHERE compartment_ref = ? AND "
                + "version = ? AND kek_version = ?").params(wrap(ref, version, key), active, ref, version, from)
                .update() == 1;
    }

    private void forget(String ref) {
        currentVersion.invalidate(ref);
        unwrapped.asMap().keySet().removeIf(k -> k.ref().equals(ref));
    }

    private Current current(String ref) {
        Integer version = currentVersion.getIfPresent(ref);
        if (version == null) {
            Optional<Integer> latest = latestVersion(ref);
            if (latest.isEmpty()) {
                refuseIfShredded(ref);
                create(ref, 1);
                latest = latestVersion(ref);
            }
            version = latest.orElseThrow();
            int v = version;
            cacheWhenCommitted(() -> currentVersion.put(ref, v));
        }
        return new Current(version, aead(ref, version));
    }

    private Aead aead(String ref, int version) {
        CacheKey key = new CacheKey(ref, version);
        Aead cached = unwrapped.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        byte[] wrapped = jdbc.sql("SELECT wrapped FROM crypto_data_keys WHERE compartment_ref = ? AND version = ?")
                .params(ref, version).query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
        if (wrapped == null) {
            if (isShredded(ref)) {
                throw new CompartmentShredded();
            }
            throw new IntegrityFailure("No data key version " + version + " exists for this compartment", null);
        }
        try {
            Aead aead = unwrap(ref, version, wrapped).getPrimitive(RegistryConfiguration.get(), Aead.class);
            cacheWhenCommitted(() -> unwrapped.put(key, aead));
            return aead;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A data key cannot be used", e);
        }
    }

    private void create(String ref, int version) {
        try {
            KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            jdbc.sql("INSERT INTO crypto_data_keys (compartment_ref, version, kek_version, wrapped, created_at) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (compartment_ref, version) DO NOTHING")
                    .params(ref, version, keks.activeVersion(), wrap(ref, version, key), clock.millis()).update();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a data key", e);
        }
    }

    private byte[] wrap(String ref, int version, KeysetHandle key) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, keks.aead(), ad(ref, version));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a data key", e);
        }
    }

    private KeysetHandle unwrap(String ref, int version, byte[] wrapped) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keks.aead(), ad(ref, version));
        } catch (GeneralSecurityException e) {
            throw new IntegrityFailure("A data key does not unwrap (its KEK version was destroyed, or the row was "
                    + "altered or moved)", e);
        }
    }

    private Optional<Integer> latestVersion(String ref) {
        int latest = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM crypto_data_keys WHERE compartment_ref = ?")
                .param(ref).query(Integer.class).single();
        return latest == 0 ? Optional.empty() : Optional.of(latest);
    }

    private boolean isShredded(String ref) {
        return jdbc.sql("SELECT COUNT(*) FROM crypto_shredded WHERE compartment_ref = ?").param(ref)
                .query(Long.class).single() > 0;
    }

    private void refuseIfShredded(String ref) {
        if (isShredded(ref)) {
            throw new CompartmentShredded();
        }
    }

    private static byte[] ad(String ref, int version) {
        return ("safeguard-data-key:" + ref + ":" + version).getBytes(StandardCharsets.UTF_8);
    }

    private static void cacheWhenCommitted(Runnable put) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            afterCommit(put);
        } else {
            put.run();
        }
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
