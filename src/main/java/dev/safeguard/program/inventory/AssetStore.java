package dev.safeguard.program.inventory;

import dev.safeguard.program.Asset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code program_assets} table. Rows are never deleted; retiring sets the status. */
@Repository
public class AssetStore {

    private static final String COLUMNS = "id, name, kind, ephi, location, owner_id, encryption, central_logging, "
            + "vendor, description, status, system_key, created_at, created_by, updated_at, updated_by";

    private final JdbcClient jdbc;

    AssetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the asset; {@code systemKey} names one of Safeguard's own parts, or is {@code null}. */
    public void insert(Asset a, String systemKey) {
        jdbc.sql("INSERT INTO program_assets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.name(), a.kind(), bit(a.ephi()), a.location(), a.ownerId(), a.encryption(),
                        bit(a.centralLogging()), a.vendor(), a.description(), a.status(), systemKey,
                        a.createdAt().toEpochMilli(), a.createdBy(), a.updatedAt().toEpochMilli(), a.updatedBy())
                .update();
    }

    /** Replaces every editable field (not the id, the system key or the creation facts). */
    public void update(Asset a) {
        jdbc.sql("UPDATE program_assets SET name = ?, kind = ?, ephi = ?, location = ?, owner_id = ?, encryption = ?, "
                        + "central_logging = ?, vendor = ?, description = ?, status = ?, updated_at = ?, updated_by = ? "
                        + "WHERE id = ?")
                .params(a.name(), a.kind(), bit(a.ephi()), a.location(), a.ownerId(), a.encryption(),
                        bit(a.centralLogging()), a.vendor(), a.description(), a.status(), a.updatedAt().toEpochMilli(),
                        a.updatedBy(), a.id())
                .update();
    }

    public Optional<Asset> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_assets WHERE id = ?").param(id)
                .query((rs, n) -> asset(rs)).optional();
    }

    public Optional<Asset> findBySystemKey(String systemKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_assets WHERE system_key = ?").param(systemKey)
                .query((rs, n) -> asset(rs)).optional();
    }

    /** Every asset, active ones first, then by kind and name. */
    public List<Asset> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_assets ORDER BY status, kind, name, id")
                .query((rs, n) -> asset(rs)).list();
    }

    private static Asset asset(ResultSet rs) throws SQLException {
        return new Asset(rs.getString("id"), rs.getString("name"), rs.getString("kind"), rs.getInt("ephi") == 1,
                rs.getString("location"), rs.getString("owner_id"), rs.getString("encryption"),
                rs.getInt("central_logging") == 1, rs.getString("vendor"), rs.getString("description"),
                rs.getString("status"), rs.getString("system_key") != null,
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getString("updated_by"));
    }

    static int bit(boolean value) {
        return value ? 1 : 0;
    }
}
