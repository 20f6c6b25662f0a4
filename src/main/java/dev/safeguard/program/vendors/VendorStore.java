package dev.safeguard.program.vendors;

import dev.safeguard.program.VendorContact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code program_vendors} table. Services and contacts are stored as JSON arrays; rows are updated in place
 * (the audit trail records each change) and never deleted.
 */
@Repository
public class VendorStore {

    /** A stored vendor; times in epoch milliseconds. */
    public record Row(String id, String name, String parentId, List<String> services, boolean createsEphi,
                      boolean receivesEphi, boolean maintainsEphi, boolean transmitsEphi,
                      List<VendorContact> contacts, String status, String notes, long createdAt, String createdBy,
                      long updatedAt, String updatedBy) {

        public boolean handlesEphi() {
            return createsEphi || receivesEphi || maintainsEphi || transmitsEphi;
        }
    }

    private static final String COLUMNS = "id, name, parent_id, services, creates_ephi, receives_ephi, "
            + "maintains_ephi, transmits_ephi, contacts, status, notes, created_at, created_by, updated_at, updated_by";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<VendorContact>> CONTACTS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    VendorStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_vendors (" + COLUMNS + ", name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?)")
                .params(r.id(), r.name(), r.parentId(), json.writeValueAsString(r.services()), flag(r.createsEphi()),
                        flag(r.receivesEphi()), flag(r.maintainsEphi()), flag(r.transmitsEphi()),
                        json.writeValueAsString(r.contacts()), r.status(), r.notes(), r.createdAt(), r.createdBy(),
                        r.updatedAt(), r.updatedBy(), key(r.name()))
                .update();
    }

    public void update(Row r) {
        jdbc.sql("UPDATE program_vendors SET name = ?, name_key = ?, parent_id = ?, services = ?, creates_ephi = ?, "
                        + "receives_ephi = ?, maintains_ephi = ?, transmits_ephi = ?, contacts = ?, status = ?, "
                        + "notes = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(r.name(), key(r.name()), r.parentId(), json.writeValueAsString(r.services()),
                        flag(r.createsEphi()), flag(r.receivesEphi()), flag(r.maintainsEphi()),
                        flag(r.transmitsEphi()), json.writeValueAsString(r.contacts()), r.status(), r.notes(),
                        r.updatedAt(), r.updatedBy(), r.id())
                .update();
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_vendors WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** The vendor with this name, compared without case, if any. */
    public Optional<String> idByName(String name) {
        return jdbc.sql("SELECT id FROM program_vendors WHERE name_key = ?").param(key(name)).query(String.class)
                .optional();
    }

    /** The parent of a vendor, or empty for a business associate of the organization itself. */
    public Optional<String> parentOf(String id) {
        return jdbc.sql("SELECT parent_id FROM program_vendors WHERE id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(p -> p);
    }

    /** Every vendor, by name. */
    public List<Row> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_vendors ORDER BY name_key").query((rs, n) -> row(rs))
                .list();
    }

    private Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("name"), rs.getString("parent_id"),
                json.readValue(rs.getString("services"), STRINGS), rs.getInt("creates_ephi") == 1,
                rs.getInt("receives_ephi") == 1, rs.getInt("maintains_ephi") == 1, rs.getInt("transmits_ephi") == 1,
                json.readValue(rs.getString("contacts"), CONTACTS), rs.getString("status"), rs.getString("notes"),
                rs.getLong("created_at"), rs.getString("created_by"), rs.getLong("updated_at"),
                rs.getString("updated_by"));
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
