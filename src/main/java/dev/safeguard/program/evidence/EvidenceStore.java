package dev.safeguard.program.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_evidence} and {@code program_evidence_controls} tables. Rows are only inserted; the database
 * refuses updates and deletes. Supersession is derived when read (newer evidence of the same series, or of the same
 * collector, for the same control), so nothing is ever rewritten.
 */
@Repository
public class EvidenceStore {

    private static final String META = "seq, id, kind, collector_type, collector, series, collected_at, observed_from, "
            + "observed_to, result, details, expires_at, retain_until, media_type, file_name, content_size, "
            + "content_sha256, signature";

    private final JdbcClient jdbc;

    EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(EvidenceRow r) {
        jdbc.sql("INSERT INTO program_evidence (id, kind, collector_type, collector, series, collected_at, "
                        + "observed_from, observed_to, result, details, expires_at, retain_until, media_type, file_name, "
                        + "content_size, content_sha256, content, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?)")
                .params(r.id(), r.kind(), r.collectorType(), r.collector(), r.series(), r.collectedAt(),
                        r.observedFrom(),
                        r.observedTo(), r.result(), r.details(), r.expiresAt(), r.retainUntil(), r.mediaType(),
                        r.fileName(), r.contentSize(), r.contentSha256(), r.content(), r.signature())
                .update();
        for (String control : r.controls()) {
            jdbc.sql("INSERT INTO program_evidence_controls (evidence_id, control_id) VALUES (?, ?)")
                    .params(r.id(), control).update();
        }
    }

    /** The evidence with its sealed content. */
    public Optional<EvidenceRow> find(String id) {
        return jdbc.sql("SELECT " + META + ", content FROM program_evidence WHERE id = ?").param(id)
                .query((rs, n) -> row(rs, true)).optional().map(r -> r.withControls(controlsOf(r.id())));
    }

    /** Evidence without content, newest first, optionally only what supports one control. */
    public List<EvidenceRow> list(String controlId, int limit) {
        List<EvidenceRow> rows = controlId == null
                ? jdbc.sql("SELECT " + META + " FROM program_evidence ORDER BY seq DESC LIMIT ?").param(limit)
                        .query((rs, n) -> row(rs, false)).list()
                : jdbc.sql("SELECT " + META + " FROM program_evidence WHERE id IN (SELECT evidence_id FROM "
                        + "program_evidence_controls WHERE control_id = ?) ORDER BY seq DESC LIMIT ?")
                        .params(controlId, limit).query((rs, n) -> row(rs, false)).list();
        return rows.stream().map(r -> r.withControls(controlsOf(r.id()))).toList();
    }

    public List<String> controlsOf(String evidenceId) {
        return jdbc.sql("SELECT control_id FROM program_evidence_controls WHERE evidence_id = ? ORDER BY control_id")
                .param(evidenceId).query(String.class).list();
    }

    /**
     * The controls of this evidence for which newer evidence has taken its place: newer evidence of the same series
     * (whoever recorded it), or, for evidence of no series, newer evidence of no series from the same collector.
     */
    public List<String> supersededFor(String evidenceId) {
        return jdbc.sql("SELECT c.control_id FROM program_evidence_controls c JOIN program_evidence e ON e.id = "
                + "c.evidence_id WHERE c.evidence_id = ? AND EXISTS (SELECT 1 FROM program_evidence_controls c2 JOIN "
                + "program_evidence e2 ON e2.id = c2.evidence_id WHERE c2.control_id = c.control_id AND e2.seq > e.seq "
                + "AND (e2.series = e.series OR (e.series IS NULL AND e2.series IS NULL AND e2.collector = e.collector "
                + "AND e2.collector_type = e.collector_type))) ORDER BY c.control_id")
                .param(evidenceId).query(String.class).list();
    }

    /** Whether the evidence exists and supports the control. */
    public boolean covers(String evidenceId, String controlId) {
        return jdbc.sql("SELECT COUNT(*) FROM program_evidence_controls WHERE evidence_id = ? AND control_id = ?")
                .params(evidenceId, controlId).query(Long.class).single() > 0;
    }

    private static EvidenceRow row(ResultSet rs, boolean withContent) throws SQLException {
        return new EvidenceRow(rs.getLong("seq"), rs.getString("id"), List.of(), rs.getString("kind"),
                rs.getString("collector_type"), rs.getString("collector"), rs.getString("series"),
                rs.getLong("collected_at"),
                rs.getLong("observed_from"), rs.getLong("observed_to"), rs.getString("result"),
                rs.getString("details"), rs.getLong("expires_at"), rs.getLong("retain_until"),
                rs.getString("media_type"), rs.getString("file_name"), rs.getLong("content_size"),
                rs.getString("content_sha256"), withContent ? rs.getBytes("content") : null,
                rs.getBytes("signature"));
    }
}
