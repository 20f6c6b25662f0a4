package dev.safeguard.program.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code program_incident_assessments}: one breach risk assessment per incident. The draft is saved over itself until
 * it is concluded; a concluded assessment changes only by being reopened ({@link #reopen}), which the timeline records.
 */
@Repository
public class AssessmentStore {

    /** A stored assessment; ratings and codes are {@link dev.safeguard.program.IncidentTerms} ids. */
    public record Row(String incidentId, String natureRating, String natureNotes, String recipientRating,
                      String recipientNotes, String acquiredRating, String acquiredNotes, String mitigationRating,
                      String mitigationNotes, String safeHarbor, String safeHarborNotes, String exceptionCode,
                      String exceptionNotes, String conclusion, String conclusionNotes, String concludedBy,
                      Long concludedAt, String updatedBy, long updatedAt) {
    }

    private static final String COLUMNS = "incident_id, nature_rating, nature_notes, recipient_rating, "
            + "recipient_notes, acquired_rating, acquired_notes, mitigation_rating, mitigation_notes, safe_harbor, "
            + "safe_harbor_notes, exception_code, exception_notes, conclusion, conclusion_notes, concluded_by, "
            + "concluded_at, updated_by, updated_at";

    private final JdbcClient jdbc;

    AssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(String incidentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_incident_assessments WHERE incident_id = ?")
                .param(incidentId).query((rs, n) -> row(rs)).optional();
    }

    /** Saves the draft (the conclusion columns untouched); false when the assessment is concluded. */
    public boolean saveDraft(Row r) {
        return jdbc.sql("INSERT INTO program_incident_assessments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?) ON CONFLICT (incident_id) DO UPDATE SET "
                        + "nature_rating = excluded.nature_rating, nature_notes = excluded.nature_notes, "
                        + "recipient_rating = excluded.recipient_rating, recipient_notes = excluded.recipient_notes, "
                        + "acquired_rating = excluded.acquired_rating, acquired_notes = excluded.acquired_notes, "
                        + "mitigation_rating = excluded.mitigation_rating, mitigation_notes = "
                        + "excluded.mitigation_notes, safe_harbor = excluded.safe_harbor, safe_harbor_notes = "
                        + "excluded.safe_harbor_notes, exception_code = excluded.exception_code, exception_notes = "
                        + "excluded.exception_notes, updated_by = excluded.updated_by, updated_at = "
                        + "excluded.updated_at WHERE program_incident_assessments.conclusion IS NULL")
                .params(r.incidentId(), r.natureRating(), r.natureNotes(), r.recipientRating(), r.recipientNotes(),
                        r.acquiredRating(), r.acquiredNotes(), r.mitigationRating(), r.mitigationNotes(),
                        r.safeHarbor(), r.safeHarborNotes(), r.exceptionCode(), r.exceptionNotes(), r.updatedBy(),
                        r.updatedAt())
                .update() == 1;
    }

    /** Records the conclusion once; false when it is concluded already. */
    public boolean conclude(String incidentId, String conclusion, String notes, String by, long at) {
        return jdbc.sql("UPDATE program_incident_assessments SET conclusion = ?, conclusion_notes = ?, concluded_by "
                        + "= ?, concluded_at = ?, updated_by = ?, updated_at = ? WHERE incident_id = ? AND conclusion "
                        + "IS NULL")
                .params(conclusion, notes, by, at, by, at, incidentId).update() == 1;
    }

    /** Clears the conclusion so the draft can change again; false when it was not concluded. */
    public boolean reopen(String incidentId, String by, long at) {
        return jdbc.sql("UPDATE program_incident_assessments SET conclusion = NULL, conclusion_notes = NULL, "
                        + "concluded_by = NULL, concluded_at = NULL, updated_by = ?, updated_at = ? WHERE incident_id "
                        + "= ? AND conclusion IS NOT NULL")
                .params(by, at, incidentId).update() == 1;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16), IncidentStore.nullableLong(rs, "concluded_at"), rs.getString(18), rs.getLong(19));
    }
}
