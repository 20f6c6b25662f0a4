package dev.safeguard.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A signed tree head: the Merkle root over the first {@code treeSize} events, when it was signed, and the Ed25519
 * signature over {@link #message()}.
 */
public record TreeHead(long treeSize, byte[] rootHash, long signedAt, byte[] signature) {

    static final byte[] TAG = "safeguard-audit-sth-v1".getBytes(StandardCharsets.US_ASCII);

    /**
     * The signed bytes. IMPORTANT: never change: tag ‖ tree size (8 bytes, big-endian) ‖ signed-at epoch millis
     * (8 bytes) ‖ root hash (32 bytes).
     */
    public byte[] message() {
        return message(treeSize, signedAt, rootHash);
    }

    static byte[] message(long treeSize, long signedAt, byte[] rootHash) {
        return ByteBuffer.allocate(TAG.length + 16 + rootHash.length).put(TAG).putLong(treeSize).putLong(signedAt)
                .put(rootHash).array();
    }
}
