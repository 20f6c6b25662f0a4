package dev.safeguard.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6962 hashing, proofs and their RFC 9162 verification, against the Certificate Transparency test vector. */
class MerkleTests {

    /** The eight inputs of the reference test vector of the Certificate Transparency implementations. */
    private static final String[] INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(Merkle.leafHash(i < INPUTS.length ? HexFormat.of().parseHex(INPUTS[i])
                    : ("leaf-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void rootMatchesTheCertificateTransparencyTestVector() {
        assertThat(HexFormat.of().formatHex(Merkle.root(leaves(8), 0, 8)))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        assertThat(HexFormat.of().formatHex(Merkle.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void frontierRootEqualsTheRecursiveRootAtEverySize() {
        List<byte[]> leaves = leaves(200);
        Merkle.Frontier frontier = new Merkle.Frontier();
        for (int n = 1; n <= leaves.size(); n++) {
            frontier.add(leaves.get(n - 1));
            assertThat(frontier.root()).as("size %d", n).isEqualTo(Merkle.root(leaves, 0, n));
        }
    }

    @Test
    void everyInclusionProofVerifiesAndATamperedOneDoesNot() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leaves(n);
            byte[] root = Merkle.root(leaves, 0, n);
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = Merkle.inclusionProof(leaves, i);
                assertThat(Merkle.verifyInclusion(i, n, leaves.get(i), proof, root)).as("%d of %d", i, n).isTrue();
                int other = (i + 1) % n;
                if (other != i) {
                    assertThat(Merkle.verifyInclusion(i, n, leaves.get(other), proof, root)).isFalse();
                }
            }
        }
    }

    @Test
    void levelsGiveTheSameRootAndProofsAsTheRecursiveDefinition() {
        for (int n = 1; n <= 70; n++) {
            List<byte[]> leaves = leaves(n);
            Merkle.Levels levels = new Merkle.Levels(leaves);
            assertThat(levels.root()).as("root of %d", n).isEqualTo(Merkle.root(leaves, 0, n));
            for (int i = 0; i < n; i++) {
                assertThat(levels.inclusionProof(i)).as("proof %d of %d", i, n)
                        .containsExactlyElementsOf(Merkle.inclusionProof(leaves, i));
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndAForkDoesNot() {
        List<byte[]> leaves = leaves(40);
        for (int second = 1; second <= 40; second++) {
            byte[] secondRoot = Merkle.root(leaves, 0, second);
            for (int first = 1; first <= second; first++) {
                List<byte[]> proof = Merkle.consistencyProof(leaves.subList(0, second), first);
                byte[] firstRoot = Merkle.root(leaves, 0, first);
                assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d -> %d", first, second).isTrue();
                if (first < second) {
                    byte[] forged = Merkle.nodeHash(firstRoot, firstRoot);
                    assertThat(Merkle.verifyConsistency(first, second, forged, secondRoot, proof)).isFalse();
                }
            }
        }
    }
}
