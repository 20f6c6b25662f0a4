package dev.safeguard.program.workforce;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_workforce_clearances} and {@code program_workforce_sanctions} tables: append-only records about
 * a member; a correction is a new record. A sanction's description is stored sealed by the caller.
 */
@Repository
public class WorkforceRecordStore {

    /** A clearance record; {@code completedOn} ISO-8601 text. */
    public record ClearanceRow(String id, String memberId, String kind, String completedOn, String outcome,
                               String notes, long recordedAt, String recordedBy) {
    }

    /** A sanction; {@code description} sealed, {@code imposedOn} ISO-8601 text. */
    public record SanctionRow(String id, String memberId, String imposedOn, String policy, byte[] description,
                              String sanction, String imposedBy, long recordedAt, String recordedBy) {
    }

    private final JdbcClient jdbc;

    WorkforceRecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ClearanceRow c) {
        jdbc.sql("INSERT INTO program_workforce_clearances (id, member_id, kind, completed_on, outcome, notes, "
                        + "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.memberId(), c.kind(), c.completedOn(), c.outcome(), c.notes(), c.recordedAt(),
                        c.recordedBy())
                .update();
    }

    /** The member's clearance records, most recent first. */
    public List<ClearanceRow> clearances(String memberId) {
        return jdbc.sql("SELECT id, member_id, kind, completed_on, outcome, notes, recorded_at, recorded_by FROM "
                        + "program_workforce_clearances WHERE member_id = ? "
                        + "ORDER BY completed_on DESC, recorded_at DESC")
                .param(memberId)
                .query((rs, n) -> new ClearanceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8)))
                .list();
    }

    /** Members with at least one record of outcome {@code cleared} or {@code cleared-with-conditions}. */
    public List<String> clearedMembers() {
        return jdbc.sql("SELECT DISTINCT member_id FROM program_workforce_clearances WHERE outcome IN ('cleared', "
                + "'cleared-with-conditions')").query(String.class).list();
    }

    public void insert(SanctionRow s) {
        jdbc.sql("INSERT INTO program_workforce_sanctions (id, member_id, imposed_on, policy, description, sanction, "
                        + "imposed_by, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.memberId(), s.imposedOn(), s.policy(), s.description(), s.sanction(), s.imposedBy(),
                        s.recordedAt(), s.recordedBy())
                .update();
    }

    /** The member's sanctions, most recent first. */
    public List<SanctionRow> sanctions(String memberId) {
        return jdbc.sql("SELECT id, member_id, imposed_on, policy, description, sanction, imposed_by, recorded_at, "
                        + "recorded_by FROM program_workforce_sanctions WHERE member_id = ? ORDER BY imposed_on DESC, "
                        + "recorded_at DESC")
                .param(memberId)
                .query((rs, n) -> new SanctionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9)))
                .list();
    }
}
