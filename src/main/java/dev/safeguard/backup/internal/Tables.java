package dev.safeguard.backup.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The application tables of a database, read from its JDBC metadata (so tables added by later migrations are backed
 * up without code changes), in an order where every table comes after the tables its foreign keys reference: the
 * order rows are restored in.
 */
final class Tables {

    /**
     * Tables left out of backups, and why:
     * <ul>
     * <li>{@code flyway_schema_history}: the restore recreates it by running the migrations up to the backup's
     *     schema version (which the manifest records);</li>
     * <li>{@code sessions}: live sign-ins. A restore must never revive a session: whoever held its cookie when the
     *     backup was taken would be signed in again on the restored server. Users sign in afresh.</li>
     * </ul>
     * SQLite's own {@code sqlite_*} tables are internal to the engine and never copied.
     */
    static final Set<String> EXCLUDED = Set.of("flyway_schema_history", "sessions");

    /** A table with its columns in table order and its primary-key columns (for a stable row order). */
    record Table(String name, List<String> columns, List<String> primaryKey) {
    }

    private Tables() {
    }

    /** Every application table in restore order (referenced tables first, then by name). */
    static List<Table> read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, Table> tables = new TreeMap<>();
        Map<String, Set<String>> references = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.startsWith("sqlite_") && !EXCLUDED.contains(lower)) {
                    tables.put(name, null);
                }
            }
        }
        for (String name : List.copyOf(tables.keySet())) {
            tables.put(name, new Table(name, columns(meta, schema, name), primaryKey(meta, schema, name)));
            Set<String> referenced = new TreeSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
                while (rs.next()) {
                    String target = rs.getString("PKTABLE_NAME");
                    if (!target.equals(name)) {
                        referenced.add(target);
                    }
                }
            }
            references.put(name, referenced);
        }
        return ordered(tables, references);
    }

    /** Kahn's algorithm, taking the alphabetically first ready table each time. */
    private static List<Table> ordered(Map<String, Table> tables, Map<String, Set<String>> references) {
        List<Table> order = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        while (order.size() < tables.size()) {
            String next = null;
            for (String name : tables.keySet()) {
                if (!done.contains(name) && references.get(name).stream()
                        .allMatch(r -> done.contains(r) || !tables.containsKey(r))) {
                    next = name;
                    break;
                }
            }
            if (next == null) {
                throw new IllegalStateException("The foreign keys between " + tables.keySet() + " form a cycle; "
                        + "backups cannot order the tables");
            }
            done.add(next);
            order.add(tables.get(next));
        }
        return order;
    }

    private static List<String> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                columns.put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(columns.values());
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(key.values());
    }

    /** JDBC type and type name of each column of a table, by lower-cased column name. */
    record Column(String name, int jdbcType, String typeName) {
    }

    static Map<String, Column> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, connection.getSchema(), table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                columns.put(name.toLowerCase(Locale.ROOT), new Column(name, rs.getInt("DATA_TYPE"),
                        rs.getString("TYPE_NAME")));
            }
        }
        return columns;
    }

    /** The highest successfully applied migration version, or {@code null} on a database never migrated. */
    static String schemaVersion(Connection connection) throws SQLException {
        MigrationVersion highest = null;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history "
                     + "WHERE version IS NOT NULL")) {
            while (rs.next()) {
                if (rs.getBoolean(2)) {
                    MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                    highest = highest == null || v.isNewerThan(highest) ? v : highest;
                }
            }
        }
        return highest == null ? null : highest.getVersion();
    }

    /** Quotes an identifier for both SQLite and PostgreSQL. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
