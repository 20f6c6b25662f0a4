package dev.safeguard.audit.internal.alerts;

import dev.safeguard.audit.Alerts.Alert;
import dev.safeguard.audit.Alerts.Severity;
import dev.safeguard.audit.Alerts.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code alerts} table. Rows are inserted by the alerts executor and only ever change state forward:
 * {@code OPEN → ACKNOWLEDGED → RESOLVED} or {@code OPEN → RESOLVED}; the guard is in the UPDATE itself, so two
 * concurrent changes cannot both win.
 */
@Repository
public class AlertStore {

    private static final String COLUMNS = "id, rule, severity, subject, summary, first_seq, created_at, state, "
            + "state_changed_by, state_changed_at, acknowledged_by, acknowledged_at, resolved_by, resolved_at";

    private final JdbcClient jdbc;

    public AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new open alert and returns its id. */
    public long insert(AlertDraft draft, long now) {
        return jdbc.sql("INSERT INTO alerts (rule, severity, subject, summary, first_seq, created_at, state, "
                        + "state_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(draft.rule(), draft.severity().name(), draft.subject(), draft.summary(), draft.firstSeq(),
                        now, State.OPEN.name(), now)
                .query(Long.class).single();
    }

    public Optional<Alert> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerts WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    public List<Alert> list(State state, String rule, String subject, int page, int size) {
        Where where = where(state, rule, subject);
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("SELECT " + COLUMNS + " FROM alerts" + where.sql() + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> row(rs)).list();
    }

    public long count(State state, String rule, String subject) {
        Where where = where(state, rule, subject);
        return jdbc.sql("SELECT COUNT(*) FROM alerts" + where.sql()).params(where.params()).query(Long.class).single();
    }

    /** Moves the alert to {@code to} if its current state allows it; false if it does not (or does not exist). */
    public boolean transition(long id, State to, String by, long at) {
        String sql = switch (to) {
            case ACKNOWLEDGED -> "UPDATE alerts SET state = 'ACKNOWLEDGED', state_changed_by = ?, "
                    + "state_changed_at = ?, "
                    + "acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND state = 'OPEN'";
            case RESOLVED -> "UPDATE alerts SET state = 'RESOLVED', state_changed_by = ?, state_changed_at = ?, "
                    + "resolved_by = ?, resolved_at = ? WHERE id = ? AND state IN ('OPEN', 'ACKNOWLEDGED')";
            case OPEN -> throw new IllegalArgumentException("An alert cannot be reopened");
        };
        return jdbc.sql(sql).params(by, at, by, at, id).update() == 1;
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(State state, String rule, String subject) {
        List<String> terms = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (state != null) {
            terms.add("state = ?");
            params.add(state.name());
        }
        if (rule != null) {
            terms.add("rule = ?");
            params.add(rule);
        }
        if (subject != null) {
            terms.add("subject = ?");
            params.add(subject);
        }
        return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params);
    }

    private static Alert row(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong(1), rs.getString(2), Severity.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), nullableLong(rs, 6), Instant.ofEpochMilli(rs.getLong(7)),
                State.valueOf(rs.getString(8)), rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)),
                rs.getString(11), instant(rs, 12), rs.getString(13), instant(rs, 14));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Long millis = nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
