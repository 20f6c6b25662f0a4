package dev.safeguard.identity.internal;

import dev.safeguard.identity.Role;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queries behind {@link dev.safeguard.identity.Entitlements} and the narrow changes of
 * {@link dev.safeguard.identity.EntitlementChanges}, on {@code user_roles} and {@code service_clients}. Each change
 * is conditional on the state it was decided on, so a concurrent change is never silently overwritten.
 */
@Repository
public class EntitlementStore {

    /** A role held by an active user, and since when. */
    public record RoleGrantRow(String userId, String role, long grantedAt) {
    }

    private final JdbcClient jdbc;

    EntitlementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every role of every active user, ordered by user and role. */
    public List<RoleGrantRow> activeRoleGrants() {
        return jdbc.sql("SELECT r.user_id, r.role, r.granted_at FROM user_roles r JOIN users u ON u.id = r.user_id "
                        + "WHERE u.status = 'ACTIVE' ORDER BY r.user_id, r.role")
                .query((rs, n) -> new RoleGrantRow(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Removes the role; false when the user did not hold it. */
    public boolean removeRole(String userId, Role role, long now) {
        boolean removed = jdbc.sql("DELETE FROM user_roles WHERE user_id = ? AND role = ?").params(userId, role.id())
                .update() == 1;
        if (removed) {
            jdbc.sql("UPDATE users SET updated_at = ? WHERE id = ?").params(now, userId).update();
        }
        return removed;
    }

    public void grantRole(String userId, Role role, long now, String grantedBy) {
        jdbc.sql("INSERT INTO user_roles (user_id, role, granted_at, granted_by) VALUES (?, ?, ?, ?)")
                .params(userId, role.id(), now, grantedBy).update();
    }

    /**
     * Narrows a usable client's expiry and scopes; false when it is no longer usable or its scopes or expiry changed
     * since they were read.
     */
    public boolean restrictClient(String clientId, String fromScopes, long fromExpiresAt, String toScopes,
                                  long toExpiresAt, long now) {
        return jdbc.sql("UPDATE service_clients SET scopes = ?, expires_at = ? WHERE id = ? AND revoked_at IS NULL "
                        + "AND expires_at > ? AND scopes = ? AND expires_at = ?")
                .params(toScopes, toExpiresAt, clientId, now, fromScopes, fromExpiresAt).update() == 1;
    }
}
