package dev.safeguard.backup.internal;

import dev.safeguard.audit.AuditTrailCopies;
import dev.safeguard.backup.RestoreResult;
import dev.safeguard.backup.RestoreTarget;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Restores an opened backup into a new database: a fresh SQLite file in an empty data directory, or an empty
 * PostgreSQL database. Flyway migrates the new database to the backup's schema version (the server applies later
 * migrations when it starts on it), rows are inserted in batches in the dump's order (referenced tables first) with
 * their original values, including ids that are identity columns on PostgreSQL (whose sequences are then moved past
 * them), every table's row count is checked against the manifest, and the checkpoint file is written. Inserts are
 * allowed by the append-only triggers; rows that a migration seeded are replaced by the backup's. A failed restore
 * into SQLite removes what it wrote.
 */
@Component
public class RestoreEngine {

    private static final int BATCH = 500;
    private static final int COMMIT_EVERY = 20_000;

    /** The SQLite database of a target (for the verifications that follow a restore). */
    public static DataSource sqlite(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /** The target's database. */
    public static DataSource dataSource(RestoreTarget target) {
        if (!target.postgres()) {
            return sqlite(target.sqliteFile());
        }
        if (!target.dbUrl().startsWith("jdbc:postgresql:")) {
            throw new ProblemException(ProblemKind.VALIDATION, "--db-url must be a jdbc:postgresql: URL");
        }
        return new SimpleDriverDataSource(new org.postgresql.Driver(), target.dbUrl() + (target.dbUrl().contains("?")
                ? "&" : "?") + "reWriteBatchedInserts=true", target.dbUsername(), target.dbPassword());
    }

    /**
     * Refuses a target that is not new: a non-empty data directory, an existing checkpoint file, a checkpoint file
     * inside the data directory, or a PostgreSQL database that has tables.
     */
    public static void checkNew(RestoreTarget target) {
        try {
            if (!BackupFiles.emptyOrAbsent(target.dataDir())) {
                throw new ProblemException(ProblemKind.CONFLICT, "The data directory " + target.dataDir() + " is not "
                        + "empty; restore into a new, empty directory (nothing was changed)");
            }
        } catch (IOException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "Cannot read the data directory " + target.dataDir());
        }
        if (target.checkpointFile().startsWith(target.dataDir())) {
            throw new ProblemException(ProblemKind.VALIDATION, "The checkpoint file " + target.checkpointFile()
                    + " must be outside the data directory " + target.dataDir());
        }
        if (Files.exists(target.checkpointFile())) {
            throw new ProblemException(ProblemKind.CONFLICT, "The checkpoint file " + target.checkpointFile()
                    + " exists already; give a new one with --checkpoint-file (nothing was changed)");
        }
        if (target.postgres()) {
            try (Connection c = dataSource(target).getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                         + "WHERE table_schema = current_schema()")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new ProblemException(ProblemKind.CONFLICT, "The PostgreSQL database has " + rs.getLong(1)
                            + " tables; restore into a new, empty database (nothing was changed)");
                }
            } catch (SQLException e) {
                throw new ProblemException(ProblemKind.VALIDATION, "Cannot connect to the PostgreSQL database: "
                        + e.getMessage());
            }
        }
    }

    /** Restores {@code backup} into {@code target} (which {@link #checkNew} accepted). */
    public RestoreResult restore(BackupReader.Opened backup, RestoreTarget target) {
        checkNew(target);
        Manifest manifest = backup.manifest();
        long started = System.nanoTime();
        try {
            if (!target.postgres()) {
                BackupFiles.createPrivateDirectories(target.dataDir());
            }
            DataSource database = dataSource(target);
            migrate(database, target.postgres(), manifest.schemaVersion());
            long rows = insertAll(backup, database, target.postgres());
            byte[] checkpoints = backup.checkpoints();
            AuditTrailCopies.writeCheckpoints(target.checkpointFile(), checkpoints);
            int heads = (int) new String(checkpoints, StandardCharsets.UTF_8).lines().count();
            return new RestoreResult(manifest.id(), backup.createdAt(), manifest.sourceDatabase(),
                    manifest.schemaVersion(), target, manifest.tables().size(), rows, manifest.auditEvents(), heads,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | SQLException | GeneralSecurityException | RuntimeException e) {
            String cleanup = cleanUp(target);
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw new IllegalStateException("The restore failed (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")" + cleanup, e);
        }
    }

    private static String cleanUp(RestoreTarget target) {
        if (target.postgres()) {
            return "; the PostgreSQL database holds a partial restore: drop and recreate it before trying again";
        }
        try {
            BackupFiles.deleteTree(target.dataDir());
            Files.deleteIfExists(target.checkpointFile());
            return "; what it wrote was removed";
        } catch (IOException e) {
            return "; remove " + target.dataDir() + " before trying again";
        }
    }

    private static void migrate(DataSource database, boolean postgres, String version) {
        Flyway flyway = Flyway.configure().dataSource(database).cleanDisabled(true)
                .locations("classpath:db/migration/" + (postgres ? "postgresql" : "sqlite"))
                .target(MigrationVersion.fromVersion(version)).load();
        MigrationVersion wanted = MigrationVersion.fromVersion(version);
        MigrationVersion known = null;
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getVersion() != null && (known == null || info.getVersion().isNewerThan(known))) {
                known = info.getVersion();
            }
        }
        if (known == null || wanted.isNewerThan(known)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The backup's schema version " + version + " is newer "
                    + "than this Safeguard knows (up to " + (known == null ? "none" : known.getVersion()) + "); "
                    + "restore with the release that made the backup, or a newer one (nothing was changed)");
        }
        flyway.migrate();
    }

    private static long insertAll(BackupReader.Opened backup, DataSource database, boolean postgres)
            throws IOException, SQLException, GeneralSecurityException {
        Manifest manifest = backup.manifest();
        long total = 0;
        try (Connection connection = database.getConnection(); InputStream in = backup.database()) {
            connection.setAutoCommit(false);
            Map<String, Set<String>> identity = postgres ? identityColumns(connection) : Map.of();
            DumpReader dump = new DumpReader(in);
            int index = 0;
            for (DumpReader.Table table = dump.nextTable(); table != null; table = dump.nextTable()) {
                Manifest.TableEntry expected = index < manifest.tables().size() ? manifest.tables().get(index++)
                        : null;
                if (expected == null || !expected.name().equals(table.name())) {
                    throw new IllegalStateException("the data holds table " + table.name() + " out of the "
                            + "manifest's order");
                }
                long rows = insertTable(connection, dump, table, postgres, identity.getOrDefault(
                        table.name().toLowerCase(Locale.ROOT), Set.of()));
                if (rows != expected.rows()) {
                    throw new IllegalStateException("table " + table.name() + " restored " + rows + " rows; the "
                            + "manifest says " + expected.rows());
                }
                total += rows;
            }
            connection.commit();
            if (postgres) {
                moveSequences(connection, identity);
            }
            for (Manifest.TableEntry t : manifest.tables()) {
                long count = count(connection, t.name());
                if (count != t.rows()) {
                    throw new IllegalStateException("table " + t.name() + " holds " + count + " rows after the "
                            + "restore; the manifest says " + t.rows());
                }
            }
            connection.commit();
            if (!postgres) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
        }
        return total;
    }

    private static long insertTable(Connection connection, DumpReader dump, DumpReader.Table table, boolean postgres,
                                    Set<String> identity) throws IOException, SQLException {
        Map<String, Tables.Column> targetColumns = Tables.columnTypes(connection, table.name());
        if (targetColumns.isEmpty()) {
            throw new IllegalStateException("table " + table.name() + " does not exist at the backup's schema version");
        }
        List<Tables.Column> columns = new ArrayList<>();
        for (String name : table.columns()) {
            Tables.Column column = targetColumns.get(name.toLowerCase(Locale.ROOT));
            if (column == null) {
                throw new IllegalStateException("column " + table.name() + "." + name + " does not exist at the "
                        + "backup's schema version");
            }
            columns.add(column);
        }
        if (count(connection, table.name()) > 0) {
            // Rows a migration seeded (e.g. progress markers): the backup holds their values as they were.
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("DELETE FROM " + Tables.quote(table.name()));
            }
        }
        boolean overriding = table.columns().stream().anyMatch(c -> identity.contains(c.toLowerCase(Locale.ROOT)));
        String sql = "INSERT INTO " + Tables.quote(table.name()) + " (" + table.columns().stream()
                .map(Tables::quote).collect(Collectors.joining(", ")) + ")" + (overriding
                ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES (" + table.columns().stream().map(c -> "?")
                .collect(Collectors.joining(", ")) + ")";
        long rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            Object[] values = new Object[columns.size()];
            int batched = 0;
            while (dump.nextRow(values)) {
                for (int i = 0; i < values.length; i++) {
                    bind(insert, i + 1, values[i], columns.get(i), postgres, table.name());
                }
                insert.addBatch();
                rows++;
                if (++batched == BATCH) {
                    insert.executeBatch();
                    batched = 0;
                }
                if (rows % COMMIT_EVERY == 0) {
                    insert.executeBatch();
                    batched = 0;
                    connection.commit();
                }
            }
            if (batched > 0) {
                insert.executeBatch();
            }
        }
        connection.commit();
        return rows;
    }

    /** Binds a dumped value as the target column's type (the same logical value on either database). */
    static void bind(PreparedStatement ps, int index, Object value, Tables.Column column, boolean postgres,
                     String table) throws SQLException {
        int type = column.jdbcType();
        if (value == null) {
            ps.setNull(index, type == Types.OTHER ? Types.NULL : type);
        } else if (value instanceof Long l) {
            switch (type) {
                case Types.BOOLEAN, Types.BIT -> ps.setBoolean(index, l != 0);
                case Types.REAL, Types.FLOAT, Types.DOUBLE -> ps.setDouble(index, l);
                case Types.NUMERIC, Types.DECIMAL -> ps.setBigDecimal(index, BigDecimal.valueOf(l));
                case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.CLOB ->
                        ps.setString(index, Long.toString(l));
                case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                    // SQLite's INTEGER is 64 bits wide; PostgreSQL's integer is 32.
                    if (postgres && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
                        throw new IllegalStateException("column " + table + "." + column.name() + " is a 32-bit "
                                + "integer here but the backup holds " + l);
                    }
                    ps.setLong(index, l);
                }
                default -> ps.setLong(index, l);
            }
        } else if (value instanceof Double d) {
            ps.setDouble(index, d);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof byte[] b) {
            ps.setBytes(index, b);
        } else if (value instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else {
            throw new IllegalStateException("unsupported value in " + table + "." + column.name());
        }
    }

    /** PostgreSQL identity and serial columns by table, whose sequences must follow the restored ids. */
    private static Map<String, Set<String>> identityColumns(Connection connection) throws SQLException {
        Map<String, Set<String>> columns = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns WHERE "
                     + "table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), k -> new HashSet<>())
                        .add(rs.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static void moveSequences(Connection connection, Map<String, Set<String>> identity) throws SQLException {
        for (Map.Entry<String, Set<String>> table : identity.entrySet()) {
            for (String column : table.getValue()) {
                try (PreparedStatement ps = connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
                        + "(SELECT COALESCE(MAX(" + Tables.quote(column) + "), 0) + 1 FROM "
                        + Tables.quote(table.getKey()) + "), false)")) {
                    ps.setString(1, Tables.quote(table.getKey()));
                    ps.setString(2, column);
                    ps.execute();
                }
            }
        }
        connection.commit();
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + Tables.quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
