package dev.safeguard.audit.internal;

import dev.safeguard.audit.AuditActivity;
import dev.safeguard.audit.Alerts;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only aggregate SQL over {@code audit_events} and {@code alerts} for a half-open time window. */
@Component
public class AuditAggregates {

    private final JdbcClient jdbc;

    AuditAggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Event counts grouped by type, subtype, outcome, status, agent and purpose of use; at most {@code limit}. */
    public List<AuditActivity.Group> groups(long fromMillis, long toMillis, int limit) {
        return jdbc.sql("SELECT type, subtype, outcome, status, agent_user, agent_client, purpose, COUNT(*) "
                        + "FROM audit_events WHERE recorded_at >= ? AND recorded_at < ? "
                        + "GROUP BY type, subtype, outcome, status, agent_user, agent_client, purpose "
                        + "ORDER BY COUNT(*) DESC LIMIT ?")
                .params(fromMillis, toMillis, limit)
                .query((rs, n) -> {
                    int status = rs.getInt(4);
                    Integer boxed = rs.wasNull() ? null : status;
                    return new AuditActivity.Group(rs.getString(1), rs.getString(2), rs.getString(3), boxed,
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8));
                }).list();
    }

    /** Alerts raised in the window, counted by rule and severity. */
    public List<AuditActivity.AlertCount> alerts(long fromMillis, long toMillis) {
        return jdbc.sql("SELECT rule, severity, COUNT(*) FROM alerts WHERE created_at >= ? AND created_at < ? "
                        + "GROUP BY rule, severity ORDER BY rule, severity")
                .params(fromMillis, toMillis)
                .query((rs, n) -> new AuditActivity.AlertCount(rs.getString(1),
                        Alerts.Severity.valueOf(rs.getString(2)), rs.getLong(3))).list();
    }
}
