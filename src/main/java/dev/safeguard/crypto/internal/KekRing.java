package dev.safeguard.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.safeguard.crypto.KeyStatus;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key-encryption keys: one Tink AES-256-GCM keyset ({@code kek} in {@code crypto_keysets}, encrypted under the
 * master key) holding one key per KEK version, the newest primary. Tink's ciphertexts name the key that made them,
 * so data keys wrapped under any version still in the keyset unwrap while a rewrap moves them to the newest.
 */
@Component
class KekRing {

    static final String KEYSET = "kek";

    private record Loaded(StoredKeysets.Stored stored, Aead aead, int activeVersion) {
    }

    private final StoredKeysets keysets;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile Loaded loaded;

    KekRing(StoredKeysets keysets, JdbcClient jdbc, TransactionTemplate tx, Clock clock)
            throws GeneralSecurityException {
        AeadConfig.register();
        this.keysets = keysets;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        current(); // created here, outside any caller's transaction
    }

    /** The KEK keyset as a primitive: encrypts under the active version, decrypts under any version still held. */
    Aead aead() {
        return current().aead();
    }

    int activeVersion() {
        return current().activeVersion();
    }

    private Loaded current() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    l = load();
                    loaded = l;
                }
            }
        }
        return l;
    }

    private Loaded load() {
        return tx.execute(status -> {
            StoredKeysets.Stored stored = keysets.loadOrCreate(KEYSET, PredefinedAeadParameters.AES256_GCM);
            int primaryId = stored.handle().getPrimary().getId();
            long now = clock.millis();
            jdbc.sql("INSERT INTO crypto_kek_versions (version, key_id, state, created_at, changed_at) "
                    + "SELECT 1, ?, 'active', ?, ? WHERE NOT EXISTS (SELECT 1 FROM crypto_kek_versions)")
                    .params(primaryId, now, now).update();
            Integer active = jdbc.sql("SELECT version FROM crypto_kek_versions WHERE key_id = ?").param(primaryId)
                    .query(Integer.class).single();
            try {
                return new Loaded(stored, stored.handle().getPrimitive(RegistryConfiguration.get(), Aead.class),
                        active);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The KEK keyset cannot be used", e);
            }
        });
    }

    /** Adds a new KEK version and makes it primary; the previous active version becomes retired. */
    synchronized int rotate() {
        Loaded before = current();
        int next = tx.execute(status -> {
            try {
                KeysetHandle rotated = KeysetHandle.newBuilder(before.stored().handle())
                        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                                .withRandomId().makePrimary())
                        .build();
                if (!keysets.replace(KEYSET, before.stored(), rotated)) {
                    throw new IllegalStateException("The KEK keyset changed concurrently; try again");
                }
                long now = clock.millis();
                int version = before.activeVersion() + 1;
                jdbc.sql("UPDATE crypto_kek_versions SET state = 'retired', changed_at = ? WHERE state = 'active'")
                        .param(now).update();
                jdbc.sql("INSERT INTO crypto_kek_versions (version, key_id, state, created_at, changed_at) "
                        + "VALUES (?, ?, 'active', ?, ?)").params(version, rotated.getPrimary().getId(), now, now)
                        .update();
                return version;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot add a KEK version", e);
            }
        });
        forgetWhenCommitted();
        return next;
    }

    /**
     * Drops the cached keyset now and again after the caller's transaction commits: a reader between the two would
     * otherwise cache the keyset as it was before this transaction.
     */
    private void forgetWhenCommitted() {
        loaded = null;
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            loaded = null;
                        }
                    });
        }
    }

    /**
     * Removes every KEK version below {@code minimum} from the keyset, once no data key is wrapped under one of them:
     * from then on nothing wrapped under those versions can be unwrapped.
     *
     * @throws IllegalStateException if a data key still uses such a version (the rewrap has not finished)
     */
    synchronized void destroyBelow(int minimum) {
        Loaded before = current();
        if (minimum > before.activeVersion()) {
            throw new IllegalArgumentException("The minimum version cannot exceed the active version "
                    + before.activeVersion());
        }
        tx.executeWithoutResult(status -> {
            long pending = jdbc.sql("SELECT COUNT(*) FROM crypto_data_keys WHERE kek_version < ?").param(minimum)
                    .query(Long.class).single();
            if (pending > 0) {
                throw new IllegalStateException(pending + " data keys are still wrapped under a KEK version below "
                        + minimum + "; wait for the rewrap to finish");
            }
            List<Integer> doomed = jdbc.sql("SELECT key_id FROM crypto_kek_versions WHERE version < ? AND state <> "
                    + "'destroyed'").param(minimum).query(Integer.class).list();
            if (doomed.isEmpty()) {
                return;
            }
            try {
                KeysetHandle.Builder builder = KeysetHandle.newBuilder(before.stored().handle());
                for (int i = builder.size() - 1; i >= 0; i--) {
                    if (doomed.contains(before.stored().handle().getAt(i).getId())) {
                        builder.deleteAt(i);
                    }
                }
                if (!keysets.replace(KEYSET, before.stored(), builder.build())) {
                    throw new IllegalStateException("The KEK keyset changed concurrently; try again");
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot remove KEK versions", e);
            }
            jdbc.sql("UPDATE crypto_kek_versions SET state = 'destroyed', changed_at = ? WHERE version < ? AND state "
                    + "<> 'destroyed'").params(clock.millis(), minimum).update();
        });
        forgetWhenCommitted();
    }

    List<KeyStatus.KekVersion> versions() {
        return jdbc.sql("SELECT v.version, v.state, v.created_at, (SELECT COUNT(*) FROM crypto_data_keys d WHERE "
                        + "d.kek_version = v.version) FROM crypto_kek_versions v ORDER BY v.version")
                .query((rs, n) -> new KeyStatus.KekVersion(rs.getInt(1), rs.getString(2),
                        java.time.Instant.ofEpochMilli(rs.getLong(3)), rs.getLong(4))).list();
    }
}
