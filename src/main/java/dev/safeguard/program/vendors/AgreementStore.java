package dev.safeguard.program.vendors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_baas} table. An agreement is inserted when requested; execution and termination each set their
 * columns exactly once ({@link #execute} and {@link #terminate} refuse a second time). Rows are never deleted.
 */
@Repository
public class AgreementStore {

    /** A stored agreement; times in epoch milliseconds, {@code null} when not (yet) set. */
    public record Row(String id, String vendorId, String renewsId, String reference, String notes, long requestedAt,
                      long createdAt, String createdBy, Long executedAt, Long effectiveAt, Long expiresAt,
                      String evidenceId, Long executionRecordedAt, String executionRecordedBy, Long terminatedAt,
                      String terminationReason, Long terminationRecordedAt, String terminationRecordedBy) {
    }

    private static final String COLUMNS = "id, vendor_id, renews_id, reference, notes, requested_at, created_at, "
            + "created_by, executed_at, effective_at, expires_at, evidence_id, execution_recorded_at, "
            + "execution_recorded_by, terminated_at, termination_reason, termination_recorded_at, "
            + "termination_recorded_by";

    private final JdbcClient jdbc;

    AgreementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_baas (id, vendor_id, renews_id, reference, notes, requested_at, created_at, "
                        + "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.vendorId(), r.renewsId(), r.reference(), r.notes(), r.requestedAt(), r.createdAt(),
                        r.createdBy())
                .update();
    }

    /** Records the execution; false when the agreement was executed or terminated already. */
    public boolean execute(String id, long executedAt, long effectiveAt, Long expiresAt, String evidenceId,
                           long recordedAt, String recordedBy) {
        return jdbc.sql("UPDATE program_baas SET executed_at = ?, effective_at = ?, expires_at = ?, evidence_id = ?, "
                        + "execution_recorded_at = ?, execution_recorded_by = ? WHERE id = ? AND executed_at IS NULL "
                        + "AND terminated_at IS NULL")
                .params(executedAt, effectiveAt, expiresAt, evidenceId, recordedAt, recordedBy, id).update() == 1;
    }

    /** Records the termination; false when it was terminated already. */
    public boolean terminate(String id, long terminatedAt, String reason, long recordedAt, String recordedBy) {
        return jdbc.sql("UPDATE program_baas SET terminated_at = ?, termination_reason = ?, "
                        + "termination_recorded_at = ?, termination_recorded_by = ? WHERE id = ? "
                        + "AND terminated_at IS NULL")
                .params(terminatedAt, reason, recordedAt, recordedBy, id).update() == 1;
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_baas WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** A vendor's agreements, newest request first. */
    public List<Row> ofVendor(String vendorId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_baas WHERE vendor_id = ? ORDER BY requested_at DESC, "
                + "created_at DESC").param(vendorId).query((rs, n) -> row(rs)).list();
    }

    /** Every agreement, newest request first. */
    public List<Row> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_baas ORDER BY requested_at DESC, created_at DESC")
                .query((rs, n) -> row(rs)).list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("vendor_id"), rs.getString("renews_id"),
                rs.getString("reference"), rs.getString("notes"), rs.getLong("requested_at"),
                rs.getLong("created_at"), rs.getString("created_by"), nullable(rs, "executed_at"),
                nullable(rs, "effective_at"), nullable(rs, "expires_at"), rs.getString("evidence_id"),
                nullable(rs, "execution_recorded_at"), rs.getString("execution_recorded_by"),
                nullable(rs, "terminated_at"), rs.getString("termination_reason"),
                nullable(rs, "termination_recorded_at"), rs.getString("termination_recorded_by"));
    }

    private static Long nullable(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
