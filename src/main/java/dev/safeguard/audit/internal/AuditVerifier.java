package dev.safeguard.audit.internal;

import dev.safeguard.audit.AuditVerification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Recomputes the audit trail and finds the first thing wrong with it: a missing sequence number (row deleted), a
 * row whose content no longer matches its leaf hash (changed, swapped), a Merkle root that differs from a signed tree
 * head (rows and hashes rewritten together), a head whose signature fails (forged or replaced), heads that cover more
 * events than exist (tail truncated), or a head in the checkpoint file that the database lost.
 */
@Component
public class AuditVerifier {

    private final AuditStore store;
    private final TreeHeads heads;
    private final Clock clock;

    public AuditVerifier(AuditStore store, TreeHeads heads, Clock clock) {
        this.store = store;
        this.heads = heads;
        this.clock = clock;
    }

    private static final class Pass {
        long expected = 1;
        long lastGoodHead;
        int headsChecked;
        Long badSeq;
        String reason;
        final Merkle.Frontier frontier = new Merkle.Frontier();

        void fail(long seq, String why) {
            if (badSeq == null) {
                badSeq = seq;
                reason = why;
            }
        }
    }

    /** Verifies and records the result. */
    public AuditVerification verify() {
        List<TreeHead> dbHeads = store.treeHeads();
        List<TreeHead> fileHeads;
        Pass pass = new Pass();
        try {
            fileHeads = heads.fromFile();
        } catch (RuntimeException e) {
            fileHeads = List.of();
            pass.fail(1, "the checkpoint file is unreadable: " + e.getMessage());
        }
        Map<Long, List<TreeHead>> bySize = new TreeMap<>();
        dbHeads.forEach(h -> bySize.computeIfAbsent(h.treeSize(), k -> new ArrayList<>()).add(h));
        fileHeads.forEach(h -> bySize.computeIfAbsent(h.treeSize(), k -> new ArrayList<>()).add(h));

        store.forEach(row -> {
            if (pass.badSeq != null) {
                return;
            }
            if (row.seq() != pass.expected) {
                pass.fail(pass.expected, row.seq() > pass.expected
                        ? "event " + pass.expected + " is missing (the next event present is " + row.seq() + ")"
                        : "event " + row.seq() + " is out of order");
                return;
            }
            byte[] recomputed = Merkle.leafHash(CanonicalEncoding.encode(row));
            if (!Arrays.equals(recomputed, row.leafHash())) {
                pass.fail(row.seq(), "event " + row.seq() + " was altered: its content does not match its leaf hash");
                return;
            }
            pass.frontier.add(recomputed);
            pass.expected++;
            List<TreeHead> atSize = bySize.get(pass.frontier.size());
            if (atSize != null) {
                byte[] root = pass.frontier.root();
                for (TreeHead head : atSize) {
                    pass.headsChecked++;
                    if (!heads.signatureValid(head)) {
                        pass.fail(pass.lastGoodHead + 1, "the signed tree head at size " + head.treeSize()
                                + " has an invalid signature (forged or replaced)");
                    } else if (!Arrays.equals(root, head.rootHash())) {
                        pass.fail(pass.lastGoodHead + 1, "the events up to " + head.treeSize() + " do not match the "
                                + "signed tree head of that size: an event after " + pass.lastGoodHead
                                + " was rewritten");
                    }
                }
                if (pass.badSeq == null) {
                    pass.lastGoodHead = pass.frontier.size();
                }
            }
        });
        long size = pass.frontier.size();
        if (pass.badSeq == null) {
            long maxHead = bySize.isEmpty() ? 0 : ((TreeMap<Long, List<TreeHead>>) bySize).lastKey();
            if (maxHead > size) {
                pass.fail(size + 1, "the trail ends at event " + size + " but a signed tree head covers " + maxHead
                        + " events: the tail was deleted");
            }
        }
        if (pass.badSeq == null) {
            for (TreeHead fileHead : fileHeads) {
                boolean inDb = dbHeads.stream().anyMatch(h -> h.treeSize() == fileHead.treeSize()
                        && Arrays.equals(h.rootHash(), fileHead.rootHash()));
                if (!inDb) {
                    pass.fail(fileHead.treeSize(), "the checkpoint file has a signed tree head at size "
                            + fileHead.treeSize() + " that the database does not");
                    break;
                }
            }
        }
        long now = clock.millis();
        store.insertVerification(now, size, pass.badSeq == null, pass.badSeq, pass.reason);
        return new AuditVerification(pass.badSeq == null, size, pass.headsChecked, pass.badSeq, pass.reason,
                java.time.Instant.ofEpochMilli(now));
    }
}
