package dev.safeguard.program.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_training_modules} and {@code program_training_module_versions} tables. Every content version
 * is kept under its SHA-256, so a completion names exactly the text the member attested to.
 */
@Repository
public class TrainingModuleStore {

    public static final String SHIPPED = "shipped";
    public static final String CUSTOMIZED = "customized";
    public static final String CUSTOM = "custom";

    /** A module; {@code citations} separated by spaces. */
    public record Row(String id, String title, String source, String citations, boolean atHire, boolean annual,
                      boolean active, String statement, String currentVersion, long createdAt, String createdBy,
                      long updatedAt, String updatedBy) {
    }

    public record Version(String moduleId, String version, String content, long createdAt, String createdBy) {
    }

    private static final String COLUMNS = "id, title, source, citations, at_hire, annual, active, statement, "
            + "current_version, created_at, created_by, updated_at, updated_by";

    private final JdbcClient jdbc;

    TrainingModuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the module unless one with its id exists; true when this call inserted it. */
    public boolean insert(Row r) {
        return jdbc.sql("INSERT INTO program_training_modules (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?) ON CONFLICT DO NOTHING")
                .params(r.id(), r.title(), r.source(), r.citations(), flag(r.atHire()), flag(r.annual()),
                        flag(r.active()), r.statement(), r.currentVersion(), r.createdAt(), r.createdBy(),
                        r.updatedAt(), r.updatedBy())
                .update() == 1;
    }

    public void update(Row r) {
        jdbc.sql("UPDATE program_training_modules SET title = ?, source = ?, citations = ?, at_hire = ?, annual = ?, "
                        + "active = ?, statement = ?, current_version = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(r.title(), r.source(), r.citations(), flag(r.atHire()), flag(r.annual()), flag(r.active()),
                        r.statement(), r.currentVersion(), r.updatedAt(), r.updatedBy(), r.id())
                .update();
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_training_modules WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** Every module, shipped ones first, then by title. */
    public List<Row> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_training_modules "
                + "ORDER BY CASE source WHEN 'custom' THEN 1 ELSE 0 END, created_at, title")
                .query((rs, n) -> row(rs)).list();
    }

    /** Stores a content version unless the module has it already (the same text gives the same version). */
    public void insert(Version v) {
        jdbc.sql("INSERT INTO program_training_module_versions (module_id, version, content, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(v.moduleId(), v.version(), v.content(), v.createdAt(), v.createdBy()).update();
    }

    public Optional<Version> version(String moduleId, String version) {
        return jdbc.sql("SELECT module_id, version, content, created_at, created_by "
                        + "FROM program_training_module_versions WHERE module_id = ? AND version = ?")
                .params(moduleId, version)
                .query((rs, n) -> new Version(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)))
                .optional();
    }

    /** The module's versions, newest first, without their content. */
    public List<Version> versions(String moduleId) {
        return jdbc.sql("SELECT module_id, version, created_at, created_by FROM program_training_module_versions "
                        + "WHERE module_id = ? ORDER BY created_at DESC, version")
                .param(moduleId)
                .query((rs, n) -> new Version(rs.getString(1), rs.getString(2), null, rs.getLong(3), rs.getString(4)))
                .list();
    }

    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("title"), rs.getString("source"), rs.getString("citations"),
                rs.getInt("at_hire") == 1, rs.getInt("annual") == 1, rs.getInt("active") == 1,
                rs.getString("statement"), rs.getString("current_version"), rs.getLong("created_at"),
                rs.getString("created_by"), rs.getLong("updated_at"), rs.getString("updated_by"));
    }
}
