package dev.safeguard.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads an {@code audit_events} row selected with all columns, for verification tools and tests. */
public final class AuditStoreRows {

    private AuditStoreRows() {
    }

    public static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("seq"), rs.getString("event_id"), rs.getLong("recorded_at"),
                rs.getString("type"), rs.getString("subtype"), rs.getString("action"), rs.getString("outcome"),
                integer(rs, "status"), rs.getString("agent_user"), rs.getString("agent_client"),
                rs.getString("agent_roles"), rs.getString("agent_session"), rs.getString("agent_address"),
                rs.getString("agent_user_agent"), rs.getString("purpose"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("entity_version"), rs.getString("patient_pseudonym"),
                rs.getString("query_pseudonym"), integer(rs, "result_count"), rs.getString("request_id"),
                rs.getString("node_id"), rs.getString("reason"), rs.getBytes("leaf_hash"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
