package dev.safeguard.access.internal;

import dev.safeguard.access.HeldAccess;
import dev.safeguard.access.HeldAccess.Entitlement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queries behind {@link HeldAccess}; ids and times only, never the patient. */
@Repository
public class HeldAccessStore {

    private final JdbcClient jdbc;

    HeldAccessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entitlement> assignmentsInForce(String userId, long now) {
        return jdbc.sql("SELECT id, starts_at, ends_at, ended_at FROM care_team_assignments WHERE user_id = ? "
                        + "AND ended_at IS NULL AND (ends_at IS NULL OR ends_at > ?) ORDER BY starts_at, id")
                .params(userId, now).query((rs, n) -> row(HeldAccess.CARE_TEAM_ASSIGNMENT, rs)).list();
    }

    public List<Entitlement> grantsInForce(String userId, long now) {
        return jdbc.sql("SELECT id, granted_at, expires_at, ended_at FROM break_glass_grants WHERE user_id = ? "
                        + "AND ended_at IS NULL AND expires_at > ? ORDER BY granted_at, id")
                .params(userId, now).query((rs, n) -> row(HeldAccess.BREAK_GLASS_GRANT, rs)).list();
    }

    public List<Entitlement> endedSince(String userId, long since) {
        List<Entitlement> ended = new ArrayList<>(jdbc.sql("SELECT id, starts_at, ends_at, ended_at FROM "
                        + "care_team_assignments WHERE user_id = ? AND ended_at >= ?")
                .params(userId, since).query((rs, n) -> row(HeldAccess.CARE_TEAM_ASSIGNMENT, rs)).list());
        ended.addAll(jdbc.sql("SELECT id, granted_at, expires_at, ended_at FROM break_glass_grants WHERE user_id = ? "
                        + "AND ended_at >= ?")
                .params(userId, since).query((rs, n) -> row(HeldAccess.BREAK_GLASS_GRANT, rs)).list());
        ended.sort(Comparator.comparing(Entitlement::endedAt).thenComparing(Entitlement::id));
        return List.copyOf(ended);
    }

    private static Entitlement row(String kind, ResultSet rs) throws SQLException {
        long until = rs.getLong(3);
        Instant untilAt = rs.wasNull() ? null : Instant.ofEpochMilli(until);
        long ended = rs.getLong(4);
        Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        return new Entitlement(kind, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), untilAt, endedAt);
    }
}
