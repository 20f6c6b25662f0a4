package dev.safeguard.backup.internal;

import dev.safeguard.platform.StorageSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * One consistent, read-only view of the whole database, on a connection of its own (not from the pool):
 * <ul>
 * <li>PostgreSQL: a {@code REPEATABLE READ READ ONLY} transaction; its snapshot is taken at the first query and every
 *     later query of the transaction sees exactly that state, whatever commits meanwhile;</li>
 * <li>SQLite (WAL mode): a {@code DEFERRED} transaction (sqlite-jdbc sends {@code BEGIN} when auto-commit is turned
 *     off), which becomes a read transaction at the first {@code SELECT}; in WAL mode a read transaction sees the
 *     database as of that moment while writers go on appending to the log. The pool's connections cannot be used:
 *     they begin {@code IMMEDIATE} transactions, which would lock out every writer for the whole backup.</li>
 * </ul>
 */
final class Snapshot implements AutoCloseable {

    private final Connection connection;
    private final boolean postgres;

    private Snapshot(Connection connection, boolean postgres) {
        this.connection = connection;
        this.postgres = postgres;
    }

    /** Opens the snapshot; it is fixed before this returns. */
    static Snapshot open(StorageSettings storage) throws SQLException {
        Connection connection;
        if (storage.postgres()) {
            Properties properties = new Properties();
            if (storage.dbUsername() != null) {
                properties.setProperty("user", storage.dbUsername());
            }
            if (storage.dbPassword() != null) {
                properties.setProperty("password", storage.dbPassword());
            }
            connection = DriverManager.getConnection(storage.dbUrl(), properties);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
        } else {
            Path file = storage.dbUrl() != null ? Path.of(storage.dbUrl().substring("jdbc:sqlite:".length()))
                    : storage.sqliteFile();
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(10_000);
            config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            connection.setAutoCommit(false);
        }
        Snapshot snapshot = new Snapshot(connection, storage.postgres());
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
            // The first read fixes the snapshot (both databases start it lazily).
            rs.next();
        } catch (SQLException e) {
            snapshot.close();
            throw e;
        }
        return snapshot;
    }

    Connection connection() {
        return connection;
    }

    boolean postgres() {
        return postgres;
    }

    /** Rows per round trip when streaming a table (PostgreSQL uses a cursor inside the transaction). */
    static final int FETCH_SIZE = 2_000;

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
