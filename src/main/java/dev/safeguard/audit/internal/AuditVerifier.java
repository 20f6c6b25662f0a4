package dev.safeguard.audit.internal;

import dev.safeguard.audit.AuditVerification;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    /** {@code verifyChunk}: events per unit of work; workers read and rehash chunks while the caller folds. */
    private final dev.safeguard.audit.AuditSettings settings;

    public AuditVerifier(AuditStore store, TreeHeads heads, Clock clock, dev.safeguard.audit.AuditSettings settings) {
        this.settings = settings;
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

    private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** The leaf hashes recomputed for events {@code [from, from + leaves.size())}, and the first problem found. */
    private record Chunk(List<byte[]> leaves, Long badSeq, String reason) {
    }

    /** Reads events {@code [from, to]}, checks that none is missing and that each matches its stored leaf hash. */
    private Chunk check(long from, long to) {
        List<byte[]> leaves = new ArrayList<>((int) (to - from + 1));
        Object[] bad = new Object[2];
        store.eachRecomputedLeaf(from, to, (seq, stored, recomputed) -> {
            if (bad[0] != null) {
                return;
            }
            long expected = from + leaves.size();
            if (seq != expected) {
                bad[0] = expected;
                bad[1] = "event " + expected + " is missing (the next event present is " + seq + ")";
                return;
            }
            if (!Arrays.equals(recomputed, stored)) {
                bad[0] = seq;
                bad[1] = "event " + seq + " was altered: its content does not match its leaf hash";
                return;
            }
            leaves.add(recomputed);
        });
        long expected = from + leaves.size();
        if (bad[0] == null && expected <= to) {
            bad[0] = expected;
            bad[1] = "event " + expected + " is missing (the next event present is "
                    + store.nextSeq(expected).map(String::valueOf).orElse("none") + ")";
        }
        return new Chunk(leaves, (Long) bad[0], (String) bad[1]);
    }

    /** Adds a chunk's leaves to the tree in order, checking every signed tree head at its size. */
    private void fold(Chunk chunk, Pass pass, Map<Long, List<TreeHead>> bySize) {
        for (byte[] leaf : chunk.leaves()) {
            pass.frontier.add(leaf);
            pass.expected++;
            List<TreeHead> atSize = bySize.get(pass.frontier.size());
            if (atSize != null) {
                byte[] root = pass.frontier.root();
                TreeHead verified = null;
                for (TreeHead head : atSize) {
                    pass.headsChecked++;
                    boolean copyOfVerified = verified != null && Arrays.equals(verified.rootHash(), head.rootHash())
                            && verified.signedAt() == head.signedAt()
                            && Arrays.equals(verified.signature(), head.signature());
                    if (!copyOfVerified && !heads.signatureValid(head)) {
                        pass.fail(pass.lastGoodHead + 1, "the signed tree head at size " + head.treeSize()
                                + " has an invalid signature (forged or replaced)");
                    } else if (!Arrays.equals(root, head.rootHash())) {
                        pass.fail(pass.lastGoodHead + 1, "the events up to " + head.treeSize() + " do not match the "
                                + "signed tree head of that size: an event after " + pass.lastGoodHead
                                + " was rewritten");
                    } else {
                        // The checkpoint file's copy of a database head is the same signed message: check it once.
                        verified = head;
                    }
                }
                if (pass.badSeq != null) {
                    return;
                }
                pass.lastGoodHead = pass.frontier.size();
            }
        }
        if (chunk.badSeq() != null) {
            pass.fail(chunk.badSeq(), chunk.reason());
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

        long max = store.maxSeq();
        ExecutorService workers = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "audit-verifier");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
            long nextFrom = 1;
            while (pass.badSeq == null && (nextFrom <= max || !inFlight.isEmpty())) {
                while (nextFrom <= max && inFlight.size() < 2 * THREADS) {
                    long from = nextFrom;
                    long to = Math.min(max, from + settings.verifyChunk() - 1);
                    inFlight.add(workers.submit(() -> check(from, to)));
                    nextFrom = to + 1;
                }
                fold(inFlight.poll().get(), pass, bySize);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while verifying the audit trail", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Audit verification failed to run", e.getCause());
        } finally {
            workers.shutdownNow();
        }
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
