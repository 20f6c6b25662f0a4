package dev.safeguard.program.inventory;

import dev.safeguard.program.DataFlow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code program_data_flows} table, read with the names of both assets. */
@Repository
public class DataFlowStore {

    private static final String SELECT = "SELECT f.id, f.source_asset_id, s.name AS source_name, f.target_asset_id, "
            + "t.name AS target_name, f.data, f.protocol, f.encrypted, f.ephi, f.created_at, f.created_by, "
            + "f.updated_at, f.updated_by FROM program_data_flows f JOIN program_assets s ON s.id = f.source_asset_id "
            + "JOIN program_assets t ON t.id = f.target_asset_id ";

    private final JdbcClient jdbc;

    DataFlowStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(DataFlow f) {
        jdbc.sql("INSERT INTO program_data_flows (id, source_asset_id, target_asset_id, data, protocol, encrypted, ephi, "
                        + "created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.id(), f.sourceAssetId(), f.targetAssetId(), f.data(), f.protocol(),
                        AssetStore.bit(f.encrypted()), AssetStore.bit(f.ephi()), f.createdAt().toEpochMilli(),
                        f.createdBy(), f.updatedAt().toEpochMilli(), f.updatedBy())
                .update();
    }

    public void update(DataFlow f) {
        jdbc.sql("UPDATE program_data_flows SET source_asset_id = ?, target_asset_id = ?, data = ?, protocol = ?, "
                        + "encrypted = ?, ephi = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(f.sourceAssetId(), f.targetAssetId(), f.data(), f.protocol(), AssetStore.bit(f.encrypted()),
                        AssetStore.bit(f.ephi()), f.updatedAt().toEpochMilli(), f.updatedBy(), f.id())
                .update();
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM program_data_flows WHERE id = ?").param(id).update() == 1;
    }

    public Optional<DataFlow> find(String id) {
        return jdbc.sql(SELECT + "WHERE f.id = ?").param(id).query((rs, n) -> flow(rs)).optional();
    }

    public List<DataFlow> list() {
        return jdbc.sql(SELECT + "ORDER BY s.name, t.name, f.id").query((rs, n) -> flow(rs)).list();
    }

    private static DataFlow flow(ResultSet rs) throws SQLException {
        return new DataFlow(rs.getString("id"), rs.getString("source_asset_id"), rs.getString("source_name"),
                rs.getString("target_asset_id"), rs.getString("target_name"), rs.getString("data"),
                rs.getString("protocol"), rs.getInt("encrypted") == 1, rs.getInt("ephi") == 1,
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getString("updated_by"));
    }
}
