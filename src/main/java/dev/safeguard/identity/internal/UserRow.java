package dev.safeguard.identity.internal;

import dev.safeguard.identity.Role;
import java.util.Set;

/** A row of {@code users} with its roles. Secret columns stay sealed or hashed here. */
public record UserRow(String id, String username, String displayName, String passwordHash, String status,
                      byte[] totpSecret, byte[] totpPendingSecret, Long totpEnrolledAt, long totpLastStep,
                      int failedAttempts, Long lastFailedAt, Long passwordLockedAt, long createdAt, Long terminatedAt,
                      Set<Role> roles) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";
    public static final String TERMINATED = "TERMINATED";

    public UserRow withRoles(Set<Role> newRoles) {
        return new UserRow(id, username, displayName, passwordHash, status, totpSecret, totpPendingSecret,
                totpEnrolledAt, totpLastStep, failedAttempts, lastFailedAt, passwordLockedAt, createdAt, terminatedAt,
                Set.copyOf(newRoles));
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public boolean mfaEnrolled() {
        return totpSecret != null && totpEnrolledAt != null;
    }

    public boolean locked() {
        return passwordLockedAt != null;
    }

    @Override
    public String toString() {
        return "UserRow[id=" + id + ", username=" + username + ", status=" + status + "]";
    }
}
