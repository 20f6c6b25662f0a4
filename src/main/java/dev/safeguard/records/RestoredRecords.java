package dev.safeguard.records;

import dev.safeguard.records.internal.ResourceVault;
import dev.safeguard.records.internal.RestoredVaults;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;

/**
 * Checks the stored resources of a restored copy of the database (a restore drill, 45 CFR 164.308(a)(7)(ii)(D)): a
 * random sample of versions must be ciphertext that opens (MAC, digest, decryption) under the copy's own key
 * hierarchy, unwrapped with this installation's master key; or every version, as {@code records verify} does.
 */
@Service
public class RestoredRecords {

    private final RestoredVaults vaults;

    RestoredRecords(RestoredVaults vaults) {
        this.vaults = vaults;
    }

    public RecordIntegrity.EncryptionSample sample(DataSource copy, int size) {
        ResourceVault.Sample s = vaults.over(copy).sampleEncryption(size);
        return new RecordIntegrity.EncryptionSample(s.sampled(), s.sampled() - s.problems().size(), s.problems()
                .stream().map(p -> new RecordIntegrity.Failure(p.type(), p.id(), p.version(), p.reason())).toList());
    }

    public RecordIntegrity.Result verifyAll(DataSource copy) {
        ResourceVault.Verification v = vaults.over(copy).verifyAll();
        return new RecordIntegrity.Result(v.versions(), v.shredded(), v.problems().stream()
                .map(p -> new RecordIntegrity.Failure(p.type(), p.id(), p.version(), p.reason())).toList());
    }
}
