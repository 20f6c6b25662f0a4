package dev.safeguard.program.controls;

import dev.safeguard.program.ControlVersion;
import dev.safeguard.program.Decision;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_control_versions} and {@code program_decision_versions} tables. Rows are only ever inserted; the
 * database refuses updates and deletes. Two writers racing for the same next version collide on the primary key.
 */
@Repository
public class ControlStore {

    private static final String CONTROL = "control_id, version, status, not_applicable_reason, owner_id, "
            + "implementation, evidence_ids, next_review_on, recorded_at, recorded_by";
    private static final String DECISION = "control_id, version, decision, rationale, alternative, approver_id, "
            + "decided_on, recorded_at, recorded_by";

    private final JdbcClient jdbc;

    ControlStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a version; false when that version exists already (someone else recorded it first). */
    public boolean insert(ControlVersion v) {
        return jdbc.sql("INSERT INTO program_control_versions (" + CONTROL + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (control_id, version) DO NOTHING")
                .params(v.controlId(), v.version(), v.status(), v.notApplicableReason(), v.ownerId(),
                        v.implementation(), String.join(" ", v.evidenceIds()),
                        v.nextReviewOn() == null ? null : v.nextReviewOn().toString(), v.recordedAt().toEpochMilli(),
                        v.recordedBy())
                .update() == 1;
    }

    public boolean insert(Decision d) {
        return jdbc.sql("INSERT INTO program_decision_versions (" + DECISION + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (control_id, version) DO NOTHING")
                .params(d.controlId(), d.version(), d.decision(), d.rationale(), d.alternative(), d.approverId(),
                        d.decidedOn().toString(), d.recordedAt().toEpochMilli(), d.recordedBy())
                .update() == 1;
    }

    public Optional<ControlVersion> latest(String controlId) {
        return jdbc.sql("SELECT " + CONTROL + " FROM program_control_versions WHERE control_id = ? "
                + "ORDER BY version DESC LIMIT 1").param(controlId).query((rs, n) -> control(rs)).optional();
    }

    public Optional<Decision> latestDecision(String controlId) {
        return jdbc.sql("SELECT " + DECISION + " FROM program_decision_versions WHERE control_id = ? "
                + "ORDER BY version DESC LIMIT 1").param(controlId).query((rs, n) -> decision(rs)).optional();
    }

    /** Every version of a control, newest first. */
    public List<ControlVersion> versions(String controlId) {
        return jdbc.sql("SELECT " + CONTROL + " FROM program_control_versions WHERE control_id = ? "
                + "ORDER BY version DESC").param(controlId).query((rs, n) -> control(rs)).list();
    }

    public List<Decision> decisions(String controlId) {
        return jdbc.sql("SELECT " + DECISION + " FROM program_decision_versions WHERE control_id = ? "
                + "ORDER BY version DESC").param(controlId).query((rs, n) -> decision(rs)).list();
    }

    /** The latest version of every control that has one, by control id. */
    public Map<String, ControlVersion> latestOfAll() {
        Map<String, ControlVersion> latest = new HashMap<>();
        jdbc.sql("SELECT " + CONTROL + " FROM program_control_versions v WHERE version = (SELECT MAX(version) FROM "
                + "program_control_versions w WHERE w.control_id = v.control_id)").query((rs, n) -> control(rs)).list()
                .forEach(v -> latest.put(v.controlId(), v));
        return latest;
    }

    public Map<String, Decision> latestDecisionOfAll() {
        Map<String, Decision> latest = new HashMap<>();
        jdbc.sql("SELECT " + DECISION + " FROM program_decision_versions v WHERE version = (SELECT MAX(version) FROM "
                + "program_decision_versions w WHERE w.control_id = v.control_id)").query((rs, n) -> decision(rs))
                .list().forEach(d -> latest.put(d.controlId(), d));
        return latest;
    }

    private static ControlVersion control(ResultSet rs) throws SQLException {
        String evidence = rs.getString("evidence_ids");
        String review = rs.getString("next_review_on");
        return new ControlVersion(rs.getString("control_id"), rs.getInt("version"), rs.getString("status"),
                rs.getString("not_applicable_reason"), rs.getString("owner_id"), rs.getString("implementation"),
                evidence == null || evidence.isBlank() ? List.of() : Arrays.asList(evidence.split(" ")),
                review == null ? null : LocalDate.parse(review), Instant.ofEpochMilli(rs.getLong("recorded_at")),
                rs.getString("recorded_by"));
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        return new Decision(rs.getString("control_id"), rs.getInt("version"), rs.getString("decision"),
                rs.getString("rationale"), rs.getString("alternative"), rs.getString("approver_id"),
                LocalDate.parse(rs.getString("decided_on")), Instant.ofEpochMilli(rs.getLong("recorded_at")),
                rs.getString("recorded_by"));
    }
}
