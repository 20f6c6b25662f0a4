package dev.safeguard.program.contingency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code program_criticality} table; an update succeeds only on the version it names (compare-and-set). */
@Repository
public class CriticalityStore {

    /** A stored entry; times in epoch milliseconds. */
    public record Row(String id, String assetId, int tier, long rtoMinutes, long rpoMinutes,
                      List<String> dependencies, String notes, boolean seeded, int version, long createdAt,
                      String createdBy, long updatedAt, String updatedBy) {
    }

    private static final String COLUMNS = "id, asset_id, tier, rto_minutes, rpo_minutes, dependencies, notes, seeded, "
            + "version, created_at, created_by, updated_at, updated_by";

    private final JdbcClient jdbc;

    CriticalityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_criticality (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.assetId(), r.tier(), r.rtoMinutes(), r.rpoMinutes(),
                        String.join(",", r.dependencies()), r.notes(), r.seeded() ? 1 : 0, r.version(),
                        r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy()).update();
    }

    /** Replaces the entry if it is still at {@code baseVersion}; false when someone changed it first. */
    public boolean update(Row r, int baseVersion) {
        return jdbc.sql("UPDATE program_criticality SET tier = ?, rto_minutes = ?, rpo_minutes = ?, dependencies = ?, "
                        + "notes = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")
                .params(r.tier(), r.rtoMinutes(), r.rpoMinutes(), String.join(",", r.dependencies()), r.notes(),
                        r.version(), r.updatedAt(), r.updatedBy(), r.id(), baseVersion).update() == 1;
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_criticality WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    public Optional<Row> findByAsset(String assetId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_criticality WHERE asset_id = ?").param(assetId)
                .query((rs, n) -> row(rs)).optional();
    }

    /** Every entry, most critical first. */
    public List<Row> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_criticality ORDER BY tier, rto_minutes, id")
                .query((rs, n) -> row(rs)).list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        String deps = rs.getString("dependencies");
        return new Row(rs.getString("id"), rs.getString("asset_id"), rs.getInt("tier"), rs.getLong("rto_minutes"),
                rs.getLong("rpo_minutes"), deps == null || deps.isBlank() ? List.of()
                : Arrays.stream(deps.split(",")).toList(), rs.getString("notes"), rs.getInt("seeded") == 1,
                rs.getInt("version"), rs.getLong("created_at"), rs.getString("created_by"), rs.getLong("updated_at"),
                rs.getString("updated_by"));
    }
}
