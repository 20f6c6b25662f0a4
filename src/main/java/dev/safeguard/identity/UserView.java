package dev.safeguard.identity;

import java.time.Instant;
import java.util.List;

/** A workforce user as administrators see them; no secret, no hash. */
public record UserView(String id, String username, String displayName, String status, List<String> roles,
                       boolean mfaEnrolled, boolean passwordLocked, int failedAttempts, boolean securityOfficial,
                       Instant createdAt, Instant terminatedAt) {
}
