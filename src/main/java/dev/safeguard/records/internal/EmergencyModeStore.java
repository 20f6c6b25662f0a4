package dev.safeguard.records.internal;

import dev.safeguard.records.EmergencyModeSwitch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code records_emergency_mode} table: every switch, append-only (triggers refuse changes). The latest row is the
 * state; {@code previous_seq} is unique, so of two switches made from the same state only one is stored.
 */
@Repository
public class EmergencyModeStore {

    private static final String COLUMNS = "seq, active, switched_at, switched_by, reason";

    private final JdbcClient jdbc;

    EmergencyModeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest switch, if the mode was ever switched. One indexed row: cheap enough for every write request. */
    public Optional<EmergencyModeSwitch> latest() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM records_emergency_mode ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> row(rs)).optional();
    }

    /** The switches, newest first, at most {@code limit}. */
    public List<EmergencyModeSwitch> history(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM records_emergency_mode ORDER BY seq DESC LIMIT ?").param(limit)
                .query((rs, n) -> row(rs)).list();
    }

    /** Records a switch made from the state {@code previousSeq}; returns its sequence number. */
    public long insert(long previousSeq, boolean active, long at, String by, String reason) {
        jdbc.sql("INSERT INTO records_emergency_mode (previous_seq, active, switched_at, switched_by, reason) "
                + "VALUES (?, ?, ?, ?, ?)").params(previousSeq, active ? 1 : 0, at, by, reason).update();
        return jdbc.sql("SELECT seq FROM records_emergency_mode WHERE previous_seq = ?").param(previousSeq)
                .query(Long.class).single();
    }

    private static EmergencyModeSwitch row(ResultSet rs) throws SQLException {
        return new EmergencyModeSwitch(rs.getLong("seq"), rs.getInt("active") == 1,
                Instant.ofEpochMilli(rs.getLong("switched_at")), rs.getString("switched_by"), rs.getString("reason"));
    }
}
