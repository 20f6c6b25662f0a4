package dev.safeguard.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguard.crypto.BlindIndex;
import dev.safeguard.crypto.CompartmentKeys;
import dev.safeguard.crypto.CompartmentKeys.Sealed;
import dev.safeguard.crypto.KeyManagement;
import dev.safeguard.crypto.KeyStatus;
import dev.safeguard.crypto.RecordMac;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key hierarchy: envelope encryption bound to its row, per-compartment rotation and crypto-shredding, KEK rotation
 * with a rewrap under live traffic, blind-index tokens and the record MAC.
 */
public abstract class KeyHierarchyIntegrationTests extends ServerTest {

    @Autowired
    CompartmentKeys keys;
    @Autowired
    KeyManagement management;
    @Autowired
    BlindIndex index;
    @Autowired
    RecordMac mac;
    @Autowired
    KekRing keks;
    @Autowired
    IndexAndMacKeys refs;
    @Autowired
    TransactionTemplate tx;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String patient() {
        return "Patient/" + UUID.randomUUID();
    }

    @Test
    void aCiphertextOpensOnlyWithItsCompartmentAndAssociatedDataAndUnaltered() {
        String patient = patient();
        Sealed sealed = keys.seal(patient, bytes("{\"name\":\"synthetic\"}"), bytes("Patient|1|1"));
        assertThat(new String(keys.open(patient, sealed.keyVersion(), sealed.ciphertext(), bytes("Patient|1|1")),
                StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"synthetic\"}");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("synthetic");

        assertThatThrownBy(() -> keys.open(patient, sealed.keyVersion(), sealed.ciphertext(), bytes("Patient|2|1")))
                .isInstanceOf(CompartmentKeys.IntegrityFailure.class);
        String other = patient();
        keys.seal(other, bytes("x"), bytes("y"));
        assertThatThrownBy(() -> keys.open(other, sealed.keyVersion(), sealed.ciphertext(), bytes("Patient|1|1")))
                .isInstanceOf(CompartmentKeys.IntegrityFailure.class);
        byte[] flipped = sealed.ciphertext().clone();
        flipped[flipped.length / 2] ^= 1;
        assertThatThrownBy(() -> keys.open(patient, sealed.keyVersion(), flipped, bytes("Patient|1|1")))
                .isInstanceOf(CompartmentKeys.IntegrityFailure.class);
    }

    @Test
    void compartmentNamesAndKeysAreNeverStoredInClear() throws Exception {
        String patient = "Patient/CANARY-" + UUID.randomUUID();
        keys.seal(patient, bytes("data"), bytes("ad"));
        assertThat(jdbc.sql("SELECT compartment_ref FROM crypto_data_keys").query(String.class).list())
                .noneMatch(ref -> ref.contains("CANARY")).contains(refs.compartmentRef(patient));
        if (storage.dbUrl() == null) {
            java.nio.file.Path db = storage.dataDir().resolve("safeguard.db");
            for (java.nio.file.Path file : List.of(db, java.nio.file.Path.of(db + "-wal"))) {
                if (Files.exists(file)) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("CANARY");
                }
            }
        }
    }

    @Test
    void aRotatedDataKeySealsNewDataWhileOldVersionsStillOpen() {
        String patient = patient();
        Sealed before = keys.seal(patient, bytes("v1"), bytes("ad"));
        int rotated = keys.rotate(patient);
        Sealed after = keys.seal(patient, bytes("v2"), bytes("ad"));
        assertThat(rotated).isEqualTo(before.keyVersion() + 1);
        assertThat(after.keyVersion()).isEqualTo(rotated);
        assertThat(keys.open(patient, before.keyVersion(), before.ciphertext(), bytes("ad"))).isEqualTo(bytes("v1"));
        assertThat(keys.open(patient, after.keyVersion(), after.ciphertext(), bytes("ad"))).isEqualTo(bytes("v2"));
    }

    @Test
    void aShreddedCompartmentCanNeverBeDecryptedOrWrittenAgain() {
        String patient = patient();
        Sealed sealed = keys.seal(patient, bytes("gone"), bytes("ad"));
        keys.shred(patient);
        assertThat(keys.shredded(patient)).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM crypto_data_keys WHERE compartment_ref = ?")
                .param(refs.compartmentRef(patient)).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> keys.open(patient, sealed.keyVersion(), sealed.ciphertext(), bytes("ad")))
                .isInstanceOf(CompartmentKeys.CompartmentShredded.class);
        assertThatThrownBy(() -> keys.seal(patient, bytes("new"), bytes("ad")))
                .isInstanceOf(CompartmentKeys.CompartmentShredded.class);
        // A fresh process (no cached keys) cannot open it either.
        assertThatThrownBy(() -> freshDataKeys().open(patient, sealed.keyVersion(), sealed.ciphertext(), bytes("ad")))
                .isInstanceOf(CompartmentKeys.CompartmentShredded.class);
    }

    @Test
    void aDataKeyCreatedInARolledBackTransactionIsNeverUsed() {
        String patient = patient();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            keys.seal(patient, bytes("rolled back"), bytes("ad"));
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        Sealed sealed = keys.seal(patient, bytes("kept"), bytes("ad"));
        // Only a key that exists in the database opens it in a fresh process.
        assertThat(freshDataKeys().open(patient, sealed.keyVersion(), sealed.ciphertext(), bytes("ad")))
                .isEqualTo(bytes("kept"));
    }

    @Test
    void kekRotationUnderLiveTrafficLosesNothingAndTheOldVersionCanThenBeDestroyed() throws Exception {
        List<String> patients = new ArrayList<>();
        List<Sealed> sealed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            patients.add(patient());
            sealed.add(keys.seal(patients.get(i), bytes("record " + i), bytes("ad " + i)));
        }
        int before = keks.activeVersion();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Integer>> work = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            int client = c;
            work.add(clients.submit(() -> {
                int done = 0;
                while (!stop.get()) {
                    int i = (client + done) % patients.size();
                    assertThat(keys.open(patients.get(i), sealed.get(i).keyVersion(), sealed.get(i).ciphertext(),
                            bytes("ad " + i))).isEqualTo(bytes("record " + i));
                    String fresh = patient();
                    Sealed s = keys.seal(fresh, bytes("new"), bytes("ad"));
                    assertThat(keys.open(fresh, s.keyVersion(), s.ciphertext(), bytes("ad"))).isEqualTo(bytes("new"));
                    done++;
                }
                return done;
            }));
        }
        int after = management.rotateKek();
        assertThat(after).isEqualTo(before + 1);
        management.rewrap();
        stop.set(true);
        for (Future<Integer> f : work) {
            assertThat(f.get()).isPositive();
        }
        clients.shutdown();
        management.rewrap();
        KeyStatus status = management.status();
        assertThat(status.activeKekVersion()).isEqualTo(after);
        assertThat(status.dataKeysToRewrap()).isZero();
        assertThat(status.dataKeys()).isGreaterThanOrEqualTo(40);

        management.setMinimumKekVersion(after);
        assertThat(management.status().kekVersions()).filteredOn(v -> v.version() < after)
                .allMatch(v -> v.state().equals("destroyed"));
        DataKeys fresh = freshDataKeys();
        for (int i = 0; i < patients.size(); i++) {
            assertThat(fresh.open(patients.get(i), sealed.get(i).keyVersion(), sealed.get(i).ciphertext(),
                    bytes("ad " + i))).isEqualTo(bytes("record " + i));
        }
    }

    @Test
    void destroyingAKekVersionIsRefusedWhileDataKeysStillUseIt() {
        keys.seal(patient(), bytes("x"), bytes("y"));
        int active = keks.activeVersion();
        keks.rotate();
        assertThatThrownBy(() -> management.setMinimumKekVersion(active + 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rewrap");
        management.rewrap();
        management.setMinimumKekVersion(active + 1);
        assertThat(management.status().dataKeysToRewrap()).isZero();
    }

    @Test
    void blindIndexTokensMatchNormalizedValuesOnly() {
        assertThat(index.token("family", "  Núñez-García ")).isEqualTo(index.token("family", "nunez-garcia"))
                .hasSize(32).matches("[0-9a-f]+");
        assertThat(index.token("family", "José  María")).isEqualTo(index.token("family", "JOSE MARIA"));
        assertThat(index.token("family", "Smith")).isNotEqualTo(index.token("given", "Smith"))
                .isNotEqualTo(index.token("family", "Smyth"));
        assertThat(index.normalize("Ａｂｃ\u00A0 Ｄ")).isEqualTo("abc d");
    }

    @Test
    void theRecordMacDetectsAnyChange() {
        byte[] data = bytes("Observation|obs-1|3|Patient/p|1700000000000|digest");
        byte[] tag = mac.mac(data);
        assertThat(mac.verify(tag, data)).isTrue();
        byte[] changed = data.clone();
        changed[0] ^= 1;
        assertThat(mac.verify(tag, changed)).isFalse();
    }

    private DataKeys freshDataKeys() {
        return new DataKeys(jdbc, keks, refs, clock);
    }
}

@OnDatabase(Database.SQLITE)
class SqliteKeyHierarchyIntegrationTests extends KeyHierarchyIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresKeyHierarchyIntegrationTests extends KeyHierarchyIntegrationTests {
}
