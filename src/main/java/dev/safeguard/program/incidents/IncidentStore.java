package dev.safeguard.program.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code program_incidents}, {@code program_incident_timeline} and {@code program_incident_links}. Incidents are
 * never deleted; an incident row changes only by compare-and-set on its version ({@link #update}); timeline entries
 * are insert-only.
 */
@Repository
public class IncidentStore {

    /** A stored incident; times in epoch milliseconds; hold dates are ISO dates ({@code yyyy-mm-dd}). */
    public record Row(String id, String reference, String title, String description, String category,
                      String severity, String status, long discoveredAt, Long occurredFrom, Long occurredTo,
                      long reportedAt, String reporterId, String reportedVia, String capacity, String coveredEntity,
                      String resolution, Long closedAt, String closedBy, String holdKind, String holdStatedOn,
                      String holdUntil, String holdAgency, String holdOfficial, long updatedAt, long version) {
    }

    /** One timeline entry; {@code kind} is {@code note}, {@code reporter-note} or {@code change}. */
    public record Entry(String id, String incidentId, long occurredAt, long recordedAt, String authorId, String kind,
                        String text) {
    }

    /** A link to an audit event (by sequence number) or an alert (by id). */
    public record Link(String incidentId, String kind, long ref, String linkedBy, long linkedAt) {
    }

    private static final String COLUMNS = "id, reference, title, description, category, severity, status, "
            + "discovered_at, occurred_from, occurred_to, reported_at, reporter_id, reported_via, capacity, "
            + "covered_entity, resolution, closed_at, closed_by, hold_kind, hold_stated_on, hold_until, hold_agency, "
            + "hold_official, updated_at, version";

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_incidents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.reference(), r.title(), r.description(), r.category(), r.severity(), r.status(),
                        r.discoveredAt(), r.occurredFrom(), r.occurredTo(), r.reportedAt(), r.reporterId(),
                        r.reportedVia(), r.capacity(), r.coveredEntity(), r.resolution(), r.closedAt(), r.closedBy(),
                        r.holdKind(), r.holdStatedOn(), r.holdUntil(), r.holdAgency(), r.holdOfficial(),
                        r.updatedAt(), r.version())
                .update();
    }

    /** Stores {@code r} (with {@code r.version()} = {@code expected + 1}); false when the row moved on meanwhile. */
    public boolean update(Row r, long expected) {
        return jdbc.sql("UPDATE program_incidents SET title = ?, description = ?, category = ?, severity = ?, "
                        + "status = ?, discovered_at = ?, occurred_from = ?, occurred_to = ?, reporter_id = ?, "
                        + "capacity = ?, covered_entity = ?, resolution = ?, closed_at = ?, closed_by = ?, "
                        + "hold_kind = ?, hold_stated_on = ?, hold_until = ?, hold_agency = ?, hold_official = ?, "
                        + "updated_at = ?, version = ? WHERE id = ? AND version = ?")
                .params(r.title(), r.description(), r.category(), r.severity(), r.status(), r.discoveredAt(),
                        r.occurredFrom(), r.occurredTo(), r.reporterId(), r.capacity(), r.coveredEntity(),
                        r.resolution(), r.closedAt(), r.closedBy(), r.holdKind(), r.holdStatedOn(), r.holdUntil(),
                        r.holdAgency(), r.holdOfficial(), r.updatedAt(), r.version(), r.id(), expected)
                .update() == 1;
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_incidents WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** Incidents, newest report first, at most {@code limit}. */
    public List<Row> list(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_incidents ORDER BY reported_at DESC, reference DESC "
                        + "LIMIT ?")
                .param(limit).query((rs, n) -> row(rs)).list();
    }

    /** Incidents one person reported, newest first, at most {@code limit}. */
    public List<Row> reportedBy(String reporterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_incidents WHERE reporter_id = ? AND reported_via = "
                        + "'self-service' ORDER BY reported_at DESC, reference DESC LIMIT ?")
                .params(reporterId, limit).query((rs, n) -> row(rs)).list();
    }

    /** Every incident, oldest report first: the deadline watch looks at closed ones too (the HHS annual log). */
    public List<Row> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_incidents ORDER BY reported_at, reference")
                .query((rs, n) -> row(rs)).list();
    }

    /** How many references start with {@code prefix} (rows are never deleted, so this is the last number used). */
    public long referencesStartingWith(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM program_incidents WHERE reference LIKE ?").param(prefix + "%")
                .query(Long.class).single();
    }

    public void insertEntry(Entry e) {
        // The position orders entries recorded in the same millisecond; unique, so a race fails instead of misordering.
        jdbc.sql("INSERT INTO program_incident_timeline (id, incident_id, occurred_at, recorded_at, author_id, kind, "
                        + "text, position) VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM "
                        + "program_incident_timeline WHERE incident_id = ?))")
                .params(e.id(), e.incidentId(), e.occurredAt(), e.recordedAt(), e.authorId(), e.kind(), e.text(),
                        e.incidentId())
                .update();
    }

    /** The incident's timeline in the order things happened (then as recorded). */
    public List<Entry> entries(String incidentId) {
        return jdbc.sql("SELECT id, incident_id, occurred_at, recorded_at, author_id, kind, text FROM "
                        + "program_incident_timeline WHERE incident_id = ? ORDER BY occurred_at, recorded_at, position")
                .param(incidentId)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    /** Adds a link; false when it exists already. */
    public boolean insertLink(Link l) {
        return jdbc.sql("INSERT INTO program_incident_links (incident_id, kind, ref, linked_by, linked_at) VALUES "
                        + "(?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(l.incidentId(), l.kind(), l.ref(), l.linkedBy(), l.linkedAt()).update() == 1;
    }

    /** Removes a link; false when there was none. */
    public boolean deleteLink(String incidentId, String kind, long ref) {
        return jdbc.sql("DELETE FROM program_incident_links WHERE incident_id = ? AND kind = ? AND ref = ?")
                .params(incidentId, kind, ref).update() == 1;
    }

    public List<Link> links(String incidentId) {
        return jdbc.sql("SELECT incident_id, kind, ref, linked_by, linked_at FROM program_incident_links WHERE "
                        + "incident_id = ? ORDER BY kind, ref")
                .param(incidentId)
                .query((rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5))).list();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("reference"), rs.getString("title"),
                rs.getString("description"), rs.getString("category"), rs.getString("severity"),
                rs.getString("status"), rs.getLong("discovered_at"), nullableLong(rs, "occurred_from"),
                nullableLong(rs, "occurred_to"), rs.getLong("reported_at"), rs.getString("reporter_id"),
                rs.getString("reported_via"), rs.getString("capacity"), rs.getString("covered_entity"),
                rs.getString("resolution"), nullableLong(rs, "closed_at"), rs.getString("closed_by"),
                rs.getString("hold_kind"), rs.getString("hold_stated_on"), rs.getString("hold_until"),
                rs.getString("hold_agency"), rs.getString("hold_official"), rs.getLong("updated_at"),
                rs.getLong("version"));
    }
}
