package dev.safeguard.records;

import dev.safeguard.records.internal.ResourceVault;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Verification of every stored resource version (45 CFR 164.312(c)(2)): {@code java -jar safeguard.jar records
 * verify} and the FHIR operation {@code POST /fhir/$verify} (security officers).
 */
@Service
public class RecordIntegrity {

    /** One version that failed, and why. Resource ids only: no content. */
    public record Failure(String resourceType, String id, int version, String reason) {
    }

    public record Result(long versionsChecked, long shreddedVersions, List<Failure> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private final ResourceVault vault;

    RecordIntegrity(ResourceVault vault) {
        this.vault = vault;
    }

    /**
     * A sample of stored versions, checked for encryption at rest: each must not hold FHIR JSON in clear and must
     * decrypt (and pass its MAC) under its patient's key.
     *
     * @param sampled     versions looked at
     * @param encrypted   of those, how many passed
     * @param failures    the others (ids only)
     */
    public record EncryptionSample(int sampled, int encrypted, List<Failure> failures) {
    }

    public EncryptionSample sampleEncryption(int size) {
        ResourceVault.Sample s = vault.sampleEncryption(size);
        return new EncryptionSample(s.sampled(), s.sampled() - s.problems().size(), s.problems().stream()
                .map(p -> new Failure(p.type(), p.id(), p.version(), p.reason())).toList());
    }

    public Result verify() {
        ResourceVault.Verification v = vault.verifyAll();
        return new Result(v.versions(), v.shredded(), v.problems().stream()
                .map(p -> new Failure(p.type(), p.id(), p.version(), p.reason())).toList());
    }
}
