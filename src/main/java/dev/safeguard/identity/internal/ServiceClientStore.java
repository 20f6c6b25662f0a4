package dev.safeguard.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code service_clients} table. */
@Repository
public class ServiceClientStore {

    private static final String COLUMNS = "id, name, owner_user_id, scopes, secret_hash, created_at, created_by, "
            + "expires_at, last_used_at, revoked_at, patients";

    private final JdbcClient jdbc;

    public ServiceClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ServiceClientRow row) {
        jdbc.sql("INSERT INTO service_clients (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)")
                .params(row.id(), row.name(), row.ownerUserId(), row.scopes(), row.secretHash(), row.createdAt(),
                        row.createdBy(), row.expiresAt(), row.patients())
                .update();
    }

    public Optional<ServiceClientRow> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_clients WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    public List<ServiceClientRow> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_clients ORDER BY created_at DESC")
                .query((rs, n) -> row(rs)).list();
    }

    public List<String> activeIdsOwnedBy(String userId) {
        return jdbc.sql("SELECT id FROM service_clients WHERE owner_user_id = ? AND revoked_at IS NULL")
                .param(userId).query(String.class).list();
    }

    /** Revokes the key; true when this call revoked it. */
    public boolean revoke(String id, long now, String by) {
        return jdbc.sql("UPDATE service_clients SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(now, by, id).update() == 1;
    }

    public void markUsed(String id, long now) {
        jdbc.sql("UPDATE service_clients SET last_used_at = ? WHERE id = ?").params(now, id).update();
    }

    private static ServiceClientRow row(ResultSet rs) throws SQLException {
        return new ServiceClientRow(rs.getString("id"), rs.getString("name"), rs.getString("owner_user_id"),
                rs.getString("scopes"), rs.getString("secret_hash"), rs.getLong("created_at"),
                rs.getString("created_by"), rs.getLong("expires_at"), UserStore.nullableLong(rs, "last_used_at"),
                UserStore.nullableLong(rs, "revoked_at"), rs.getString("patients"));
    }
}
