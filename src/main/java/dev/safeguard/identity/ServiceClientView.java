package dev.safeguard.identity;

import java.time.Instant;
import java.util.List;

/** A service client (an application's API key) without its secret. */
public record ServiceClientView(String id, String name, String ownerId, List<String> scopes, Instant createdAt,
                                Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String state) {
}
