package dev.safeguard.access.internal;

import dev.safeguard.access.internal.AccessStore.AssignmentRow;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queries of access reviews on {@code care_team_assignments}: what is in force, and an earlier end. */
@Repository
public class AssignmentReviewStore {

    private final JdbcClient jdbc;

    AssignmentReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every assignment in force at {@code now}, ordered by user, patient and id. */
    public List<AssignmentRow> inForce(long now) {
        return jdbc.sql("SELECT id, user_id, patient_id, starts_at, ends_at, created_at, created_by, ended_at, ended_by "
                        + "FROM care_team_assignments WHERE ended_at IS NULL AND starts_at <= ? "
                        + "AND (ends_at IS NULL OR ends_at > ?) ORDER BY user_id, patient_id, id")
                .params(now, now)
                .query((rs, n) -> new AssignmentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        nullable(rs.getLong(5), rs.wasNull()), rs.getLong(6), rs.getString(7), null, null)).list();
    }

    /** Brings the end of an assignment in force forward; false when it ended meanwhile or would not end earlier. */
    public boolean shorten(String id, long endsAt, long now) {
        return jdbc.sql("UPDATE care_team_assignments SET ends_at = ? WHERE id = ? AND ended_at IS NULL "
                        + "AND (ends_at IS NULL OR ends_at > ?) AND (ends_at IS NULL OR ends_at > ?)")
                .params(endsAt, id, now, endsAt).update() == 1;
    }

    private static Long nullable(long value, boolean wasNull) {
        return wasNull ? null : value;
    }
}
