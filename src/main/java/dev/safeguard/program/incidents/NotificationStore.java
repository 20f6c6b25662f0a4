package dev.safeguard.program.incidents;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code program_incident_notifications} (insert-only records of breach notifications sent) and
 * {@code program_incident_deadline_alerts} (which reminders and overdue alerts were raised, so each is raised once).
 */
@Repository
public class NotificationStore {

    public record Row(String id, String incidentId, String recipient, String state, long sentAt, String method,
                      Long individuals, String notes, long recordedAt, String recordedBy) {
    }

    private static final String COLUMNS = "id, incident_id, recipient, state, sent_at, method, individuals, notes, "
            + "recorded_at, recorded_by";

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_incident_notifications (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.incidentId(), r.recipient(), r.state(), r.sentAt(), r.method(), r.individuals(),
                        r.notes(), r.recordedAt(), r.recordedBy())
                .update();
    }

    /** The incident's notifications in the order they were sent. */
    public List<Row> of(String incidentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_incident_notifications WHERE incident_id = ? ORDER BY "
                        + "sent_at, recorded_at, id")
                .param(incidentId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), IncidentStore.nullableLong(rs, "individuals"),
                        rs.getString(8), rs.getLong(9), rs.getString(10)))
                .list();
    }

    /** Marks an alert as raised for a deadline and due date; false when it was raised before. */
    public boolean markAlerted(String incidentId, String deadlineKey, String dueOn, String kind, long at) {
        return jdbc.sql("INSERT INTO program_incident_deadline_alerts (incident_id, deadline_key, due_on, kind, "
                        + "raised_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(incidentId, deadlineKey, dueOn, kind, at).update() == 1;
    }
}
