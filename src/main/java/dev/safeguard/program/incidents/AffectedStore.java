package dev.safeguard.program.incidents;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code program_incident_affected}: insert-only counts of affected individuals, the newest (highest number) of an
 * incident being the one in force. {@code agents} and {@code byState} are JSON (user and client ids; state codes and
 * counts).
 */
@Repository
public class AffectedStore {

    public record Row(String id, String incidentId, String source, String agents, Long windowFrom, Long windowTo,
                      long total, String byState, Long refusedOnly, Long withoutState, Long unreadable,
                      Long unresolved, String notes, long recordedAt, String recordedBy) {
    }

    private static final String COLUMNS = "id, incident_id, source, agents, window_from, window_to, total, by_state, "
            + "refused_only, without_state, unreadable, unresolved, notes, recorded_at, recorded_by";

    private final JdbcClient jdbc;

    AffectedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        // The number orders counts recorded in the same millisecond: the highest is in force.
        jdbc.sql("INSERT INTO program_incident_affected (" + COLUMNS + ", number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM program_incident_affected WHERE "
                        + "incident_id = ?))")
                .params(r.id(), r.incidentId(), r.source(), r.agents(), r.windowFrom(), r.windowTo(), r.total(),
                        r.byState(), r.refusedOnly(), r.withoutState(), r.unreadable(), r.unresolved(), r.notes(),
                        r.recordedAt(), r.recordedBy(), r.incidentId())
                .update();
    }

    /** The count in force: the newest. */
    public Optional<Row> latest(String incidentId) {
        return history(incidentId).stream().findFirst();
    }

    /** Every count of the incident, newest first. */
    public List<Row> history(String incidentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_incident_affected WHERE incident_id = ? ORDER BY "
                        + "number DESC")
                .param(incidentId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        IncidentStore.nullableLong(rs, "window_from"), IncidentStore.nullableLong(rs, "window_to"),
                        rs.getLong(7), rs.getString(8), IncidentStore.nullableLong(rs, "refused_only"),
                        IncidentStore.nullableLong(rs, "without_state"), IncidentStore.nullableLong(rs, "unreadable"),
                        IncidentStore.nullableLong(rs, "unresolved"), rs.getString(13), rs.getLong(14),
                        rs.getString(15)))
                .list();
    }
}
