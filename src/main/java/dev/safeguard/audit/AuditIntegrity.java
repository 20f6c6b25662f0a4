package dev.safeguard.audit;

import dev.safeguard.audit.internal.AuditStore;
import dev.safeguard.audit.internal.AuditVerifier;
import dev.safeguard.audit.internal.Merkle;
import dev.safeguard.audit.internal.TreeHead;
import dev.safeguard.crypto.AuditKeys;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Tamper evidence of the audit trail, for auditors and for offline checks: whole-trail verification (also daily, its
 * result stored as evidence), the latest signed tree head, the public verification key, and RFC 6962 inclusion and
 * consistency proofs. Hashes and signatures are base64; the signed message of a head is
 * {@code "safeguard-audit-sth-v1" ‖ treeSize (u64 BE) ‖ signedAt millis (u64 BE) ‖ rootHash}.
 */
@Service
public class AuditIntegrity {

    private final AuditVerifier verifier;
    private final AuditStore store;
    private final AuditKeys keys;
    private final Alerts alerts;

    AuditIntegrity(AuditVerifier verifier, AuditStore store, AuditKeys keys, Alerts alerts) {
        this.verifier = verifier;
        this.store = store;
        this.keys = keys;
        this.alerts = alerts;
    }

    public record SignedTreeHead(long treeSize, String rootHash, Instant signedAt, String signature) {
    }

    public record InclusionProof(long seq, long leafIndex, long treeSize, String leafHash, List<String> path,
                                 SignedTreeHead treeHead) {
    }

    public record ConsistencyProof(long firstSize, long secondSize, List<String> proof, SignedTreeHead first,
                                   SignedTreeHead second) {
    }

    /** The latest completed whole-trail verification: when it ran and whether it passed. */
    public java.util.Optional<AuditVerification> lastVerification() {
        return store.latestVerification();
    }

    /** Recomputes and checks everything; the result is stored, and a failure raises a critical alert. */
    public AuditVerification verify() {
        AuditVerification result = verifier.verify();
        if (!result.ok()) {
            alerts.raise(Alerts.AUDIT_VERIFICATION_FAILURE, Alerts.Severity.CRITICAL, "audit-trail",
                    "Audit verification failed at event " + result.firstBadSeq() + ": " + result.reason());
        }
        return result;
    }

    @Scheduled(cron = "${safeguard.audit.verify-cron:0 17 3 * * *}")
    void verifyDaily() {
        verify();
    }

    public SignedTreeHead latestTreeHead() {
        return store.latestTreeHead().map(AuditIntegrity::view).orElseThrow(() -> new ProblemException(
                ProblemKind.NOT_FOUND, "No tree head has been signed yet"));
    }

    public String publicKeyset() {
        return keys.publicKeysetJson();
    }

    /** Proof that event {@code seq} is leaf {@code seq - 1} of the signed tree of {@code treeSize} (default latest). */
    public InclusionProof inclusion(long seq, Long treeSize) {
        TreeHead head = head(treeSize);
        if (seq < 1 || seq > head.treeSize()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Event " + seq + " is not in the tree of size "
                    + head.treeSize());
        }
        List<byte[]> leaves = store.leafHashes(head.treeSize());
        int index = (int) (seq - 1);
        return new InclusionProof(seq, index, head.treeSize(), b64(leaves.get(index)),
                new Merkle.Levels(leaves).inclusionProof(index).stream().map(AuditIntegrity::b64).toList(),
                view(head));
    }

    /** Proof that the signed tree of {@code first} events is a prefix of the signed tree of {@code second}. */
    public ConsistencyProof consistency(long first, long second) {
        if (first < 1 || first > second) {
            throw new ProblemException(ProblemKind.VALIDATION, "Need 1 <= first <= second");
        }
        TreeHead a = head(first);
        TreeHead b = head(second);
        List<byte[]> leaves = store.leafHashes(second);
        return new ConsistencyProof(first, second,
                Merkle.consistencyProof(leaves, (int) first).stream().map(AuditIntegrity::b64).toList(), view(a),
                view(b));
    }

    private TreeHead head(Long size) {
        if (size == null) {
            return store.latestTreeHead().orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                    "No tree head has been signed yet"));
        }
        return store.treeHeads().stream().filter(h -> h.treeSize() == size).findFirst().orElseThrow(() ->
                new ProblemException(ProblemKind.NOT_FOUND, "No signed tree head of size " + size
                        + "; ask for the latest one without a size"));
    }

    static SignedTreeHead view(TreeHead head) {
        return new SignedTreeHead(head.treeSize(), b64(head.rootHash()), Instant.ofEpochMilli(head.signedAt()),
                b64(head.signature()));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
