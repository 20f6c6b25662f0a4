package dev.safeguard.identity;

import java.time.Instant;
import java.util.List;

/**
 * A service client (an application's API key) without its secret.
 *
 * @param patients the ids of the only patients the client may reach, or empty when it has no allow-list
 */
public record ServiceClientView(String id, String name, String ownerId, List<String> scopes, List<String> patients,
                                Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt,
                                String state) {
}
