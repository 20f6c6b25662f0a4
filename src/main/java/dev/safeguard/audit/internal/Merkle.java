package dev.safeguard.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RFC 6962 (Certificate Transparency) Merkle tree over SHA-256: leaf = SHA-256(0x00 ‖ data), node =
 * SHA-256(0x01 ‖ left ‖ right); the tree of n leaves splits at the largest power of two below n. Proof generation
 * follows RFC 6962 §2.1.1–2.1.2 and verification RFC 9162 §2.1.3.2 and §2.1.4.2, so any implementation of those
 * algorithms verifies Safeguard's proofs offline.
 */
public final class Merkle {

    private Merkle() {
    }

    /** One digest per thread, reset before each use: {@code MessageDigest.getInstance} costs more than a hash. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Merkle::newSha256);

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(data);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH over {@code leaves[from, to)}. */
    public static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return emptyRoot();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** Audit path of leaf {@code index} in the tree of the given leaves (RFC 6962 PATH). */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index) {
        List<byte[]> path = new ArrayList<>();
        path(leaves, index, 0, leaves.size(), path);
        return path;
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(leaves, m, from, from + k, out);
            out.add(root(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, out);
            out.add(root(leaves, from, from + k));
        }
    }

    /** Proof that the tree of the first {@code m} leaves is a prefix of the tree of all leaves (RFC 6962 PROOF). */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int m) {
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < leaves.size()) {
            subproof(leaves, m, 0, leaves.size(), true, proof);
        }
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(root(leaves, from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, out);
            out.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, out);
            out.add(root(leaves, from, from + k));
        }
    }

    /** RFC 9162 §2.1.3.2: does {@code path} prove {@code leaf} at {@code index} in the tree with this root? */
    public static boolean verifyInclusion(long index, long treeSize, byte[] leaf, List<byte[]> path, byte[] root) {
        if (index >= treeSize) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2: does {@code proof} show the tree of size {@code first} is a prefix of size {@code second}? */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first > second || first == 0) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** This thread's SHA-256 digest, reset; use it and finish with {@code digest()} before calling back in here. */
    static MessageDigest sha256() {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return sha;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The whole tree held as levels, for many proofs at once (exports): level 0 is the leaves; each next level hashes
     * pairs and promotes a last unpaired node unchanged, which yields exactly the RFC 6962 tree. Proofs cost O(log n).
     */
    public static final class Levels {
        private final List<List<byte[]>> levels = new ArrayList<>();

        public Levels(List<byte[]> leaves) {
            List<byte[]> level = new ArrayList<>(leaves);
            levels.add(level);
            while (level.size() > 1) {
                List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
                for (int i = 0; i < level.size(); i += 2) {
                    next.add(i + 1 < level.size() ? nodeHash(level.get(i), level.get(i + 1)) : level.get(i));
                }
                levels.add(next);
                level = next;
            }
        }

        public byte[] root() {
            List<byte[]> top = levels.get(levels.size() - 1);
            return top.isEmpty() ? emptyRoot() : top.get(0);
        }

        /** The RFC 6962 audit path of leaf {@code index}, bottom-up. */
        public List<byte[]> inclusionProof(int index) {
            List<byte[]> path = new ArrayList<>();
            int i = index;
            for (int l = 0; l < levels.size() - 1; l++) {
                List<byte[]> level = levels.get(l);
                int sibling = i ^ 1;
                if (sibling < level.size()) {
                    path.add(level.get(sibling));
                }
                i >>= 1;
            }
            return path;
        }
    }

    /**
     * The right edge of a growing tree: the roots of its perfect subtrees, largest first. Appending a leaf and
     * computing the current root cost O(log n), so tree heads can be signed at any size without rereading leaves.
     */
    public static final class Frontier {
        private final List<byte[]> roots = new ArrayList<>();
        private final List<Long> sizes = new ArrayList<>();
        private long size;

        public void add(byte[] leafHash) {
            byte[] node = leafHash;
            long nodeSize = 1;
            while (!sizes.isEmpty() && sizes.get(sizes.size() - 1) == nodeSize) {
                node = nodeHash(roots.remove(roots.size() - 1), node);
                sizes.remove(sizes.size() - 1);
                nodeSize *= 2;
            }
            roots.add(node);
            sizes.add(nodeSize);
            size++;
        }

        public long size() {
            return size;
        }

        public byte[] root() {
            if (roots.isEmpty()) {
                return emptyRoot();
            }
            byte[] r = roots.get(roots.size() - 1);
            for (int i = roots.size() - 2; i >= 0; i--) {
                r = nodeHash(roots.get(i), r);
            }
            return r;
        }
    }
}
