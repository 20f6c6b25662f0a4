package dev.safeguard.identity.internal;

/**
 * A row of {@code service_clients}. Only the SHA-256 of the key's secret part is stored; {@code patients} is the
 * space-separated patient allow-list, or {@code null}.
 */
public record ServiceClientRow(String id, String name, String ownerUserId, String scopes, String secretHash,
                               long createdAt, String createdBy, long expiresAt, Long lastUsedAt, Long revokedAt,
                               String patients) {

    public boolean usableAt(long now) {
        return revokedAt == null && expiresAt > now;
    }

    @Override
    public String toString() {
        return "ServiceClientRow[id=" + id + ", name=" + name + "]";
    }
}
