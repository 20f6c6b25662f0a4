package dev.safeguard.program.risk;

import dev.safeguard.program.Risk;
import dev.safeguard.program.RiskLevel;
import dev.safeguard.program.Treatment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code program_risks} table. Rows are never deleted; closing sets the status. */
@Repository
public class RiskStore {

    private static final String COLUMNS = "id, title, threat_id, threat, vulnerability, asset_ids, controls, "
            + "likelihood, impact, level, treatment, treatment_plan, treatment_owner_id, treatment_due, approver_id, "
            + "residual_likelihood, residual_impact, residual_level, status, created_at, created_by, updated_at, "
            + "updated_by";

    private final JdbcClient jdbc;

    RiskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Risk r) {
        jdbc.sql("INSERT INTO program_risks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.title(), r.threatId(), r.threat(), r.vulnerability(), String.join(" ", r.assetIds()),
                        String.join(" ", r.controls()), r.likelihood().id(), r.impact().id(), r.level().id(),
                        t(r).type(), t(r).plan(), t(r).ownerId(), date(t(r).dueDate()), t(r).approverId(),
                        id(t(r).residualLikelihood()), id(t(r).residualImpact()), id(t(r).residualLevel()),
                        r.status(), r.createdAt().toEpochMilli(), r.createdBy(), r.updatedAt().toEpochMilli(),
                        r.updatedBy())
                .update();
    }

    public void update(Risk r) {
        jdbc.sql("UPDATE program_risks SET title = ?, threat_id = ?, threat = ?, vulnerability = ?, asset_ids = ?, "
                        + "controls = ?, likelihood = ?, impact = ?, level = ?, treatment = ?, treatment_plan = ?, "
                        + "treatment_owner_id = ?, treatment_due = ?, approver_id = ?, residual_likelihood = ?, "
                        + "residual_impact = ?, residual_level = ?, status = ?, updated_at = ?, updated_by = ? "
                        + "WHERE id = ?")
                .params(r.title(), r.threatId(), r.threat(), r.vulnerability(), String.join(" ", r.assetIds()),
                        String.join(" ", r.controls()), r.likelihood().id(), r.impact().id(), r.level().id(),
                        t(r).type(), t(r).plan(), t(r).ownerId(), date(t(r).dueDate()), t(r).approverId(),
                        id(t(r).residualLikelihood()), id(t(r).residualImpact()), id(t(r).residualLevel()),
                        r.status(), r.updatedAt().toEpochMilli(), r.updatedBy(), r.id())
                .update();
    }

    public Optional<Risk> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_risks WHERE id = ?").param(id)
                .query((rs, n) -> risk(rs)).optional();
    }

    /** Every risk: open ones first, then by level (highest first) and title. */
    public List<Risk> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_risks ORDER BY status DESC, CASE level "
                        + "WHEN 'very-high' THEN 0 WHEN 'high' THEN 1 WHEN 'moderate' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, "
                        + "title, id")
                .query((rs, n) -> risk(rs)).list();
    }

    private static final Treatment NONE = new Treatment(null, null, null, null, null, null, null, null);

    private static Treatment t(Risk r) {
        return r.treatment() == null ? NONE : r.treatment();
    }

    private static String id(RiskLevel level) {
        return level == null ? null : level.id();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static Risk risk(ResultSet rs) throws SQLException {
        String type = rs.getString("treatment");
        Treatment treatment = type == null ? null : new Treatment(type, rs.getString("treatment_plan"),
                rs.getString("treatment_owner_id"), rs.getString("treatment_due") == null ? null
                : LocalDate.parse(rs.getString("treatment_due")), rs.getString("approver_id"),
                level(rs, "residual_likelihood"), level(rs, "residual_impact"), level(rs, "residual_level"));
        return new Risk(rs.getString("id"), rs.getString("title"), rs.getString("threat_id"), rs.getString("threat"),
                rs.getString("vulnerability"), words(rs.getString("asset_ids")), words(rs.getString("controls")),
                level(rs, "likelihood"), level(rs, "impact"), level(rs, "level"), treatment, rs.getString("status"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getString("updated_by"));
    }

    private static RiskLevel level(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : RiskLevel.parse(value, column);
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split(" "));
    }
}
