package dev.safeguard.records.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code fhir_versions} (insert-only) and {@code fhir_current} (moved by compare-and-set). */
@Repository
public class RecordStore {

    /** The current pointer of a resource. */
    public record Current(String type, String id, int version, boolean deleted, String compartment,
                          long lastUpdated) {
    }

    /** One stored version, exactly as in the table. */
    public record Version(String type, String id, int version, String compartment, int keyVersion, boolean deleted,
                          long lastUpdated, byte[] content, byte[] contentSha256, byte[] mac) {
    }

    private static final String VERSION_COLUMNS = "resource_type, resource_id, version, compartment, key_version, "
            + "deleted, last_updated, content, content_sha256, mac";

    private final JdbcClient jdbc;

    public RecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Current> current(String type, String id) {
        return jdbc.sql("SELECT version, deleted, compartment, last_updated FROM fhir_current WHERE resource_type = ? "
                        + "AND resource_id = ?").params(type, id)
                .query((rs, n) -> new Current(type, id, rs.getInt(1), rs.getInt(2) == 1, rs.getString(3),
                        rs.getLong(4))).optional();
    }

    public Optional<Version> version(String type, String id, int version) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM fhir_versions WHERE resource_type = ? AND resource_id = ? "
                + "AND version = ?").params(type, id, version).query((rs, n) -> row(rs)).optional();
    }

    /** The current, not deleted versions of these resources, in one query; missing or deleted ones are left out. */
    public List<Version> currentVersions(String type, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        List<Object> args = new java.util.ArrayList<>(ids.size() + 1);
        args.add(type);
        args.addAll(ids);
        return jdbc.sql("SELECT " + VERSION_COLUMNS.replaceAll("(\\w+)", "v.$1") + " FROM fhir_current c JOIN "
                        + "fhir_versions v ON v.resource_type = c.resource_type AND v.resource_id = c.resource_id "
                        + "AND v.version = c.version WHERE c.resource_type = ? AND c.deleted = 0 AND c.resource_id IN ("
                        + marks + ")").params(args).query((rs, n) -> row(rs)).list();
    }

    /**
     * Keys ({@code id/version}) of the stored, not deleted versions of a type changed since {@code since} (epoch
     * millis, or {@code null}), newest first, at most {@code limit}, only in the given compartments ({@code null}:
     * all).
     */
    public List<String> typeHistory(String type, Long since, java.util.Set<String> compartments, int limit) {
        StringBuilder sql = new StringBuilder("SELECT resource_id, version FROM fhir_versions WHERE resource_type = ? "
                + "AND deleted = 0");
        List<Object> args = new java.util.ArrayList<>();
        args.add(type);
        if (since != null) {
            sql.append(" AND last_updated >= ?");
            args.add(since);
        }
        if (compartments != null) {
            if (compartments.isEmpty()) {
                return List.of();
            }
            sql.append(" AND compartment IN (").append(String.join(", ",
                    java.util.Collections.nCopies(compartments.size(), "?"))).append(")");
            args.addAll(compartments);
        }
        sql.append(" ORDER BY last_updated DESC, resource_id, version DESC LIMIT ?");
        args.add(limit);
        return jdbc.sql(sql.toString()).params(args).query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2)).list();
    }

    /** A random sample of stored, not deleted versions. */
    public List<Version> sample(int size) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM fhir_versions WHERE deleted = 0 ORDER BY random() LIMIT ?")
                .param(size).query((rs, n) -> row(rs)).list();
    }

    /** Every version of the resource, newest first. */
    public List<Version> history(String type, String id) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM fhir_versions WHERE resource_type = ? AND resource_id = ? "
                + "ORDER BY version DESC").params(type, id).query((rs, n) -> row(rs)).list();
    }

    /** Streams every stored version (for verification), in key order. */
    public void eachVersion(java.util.function.Consumer<Version> consumer) {
        jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM fhir_versions ORDER BY resource_type, resource_id, version")
                .query(rs -> {
                    consumer.accept(row(rs));
                });
    }

    /** Streams every current pointer. */
    public void eachCurrent(java.util.function.Consumer<Current> consumer) {
        jdbc.sql("SELECT resource_type, resource_id, version, deleted, compartment, last_updated FROM fhir_current")
                .query(rs -> {
                    consumer.accept(new Current(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4) == 1,
                            rs.getString(5), rs.getLong(6)));
                });
    }

    public void insert(Version v) {
        jdbc.sql("INSERT INTO fhir_versions (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(v.type(), v.id(), v.version(), v.compartment(), v.keyVersion(), v.deleted() ? 1 : 0,
                        v.lastUpdated(), v.content(), v.contentSha256(), v.mac()).update();
    }

    /** Makes {@code v} the current version of a new resource; false if the resource already exists. */
    public boolean insertCurrent(Version v) {
        return jdbc.sql("INSERT INTO fhir_current (resource_type, resource_id, version, deleted, compartment, "
                        + "last_updated) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (resource_type, resource_id) DO NOTHING")
                .params(v.type(), v.id(), v.version(), v.deleted() ? 1 : 0, v.compartment(), v.lastUpdated())
                .update() == 1;
    }

    /** Moves the current pointer from version {@code from} to {@code v}; false if another writer moved it first. */
    public boolean moveCurrent(int from, Version v) {
        return jdbc.sql("UPDATE fhir_current SET version = ?, deleted = ?, compartment = ?, last_updated = ? "
                        + "WHERE resource_type = ? AND resource_id = ? AND version = ?")
                .params(v.version(), v.deleted() ? 1 : 0, v.compartment(), v.lastUpdated(), v.type(), v.id(), from)
                .update() == 1;
    }

    private static Version row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Version(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
                rs.getInt(6) == 1, rs.getLong(7), rs.getBytes(8), rs.getBytes(9), rs.getBytes(10));
    }
}
