package dev.safeguard.platform.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safeguard.platform.StorageSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The one {@link DataSource}: PostgreSQL when {@code SAFEGUARD_DB_URL} names one, otherwise SQLite in the data
 * directory in WAL mode with {@code synchronous=FULL} (a committed transaction survives power loss), foreign keys
 * on, a busy timeout, and {@code BEGIN IMMEDIATE} so writers queue instead of failing on lock upgrade.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageSettings.class)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    /**
     * Migrations get their own connections on PostgreSQL: Flyway holds its lock on one connection while it migrates on
     * another, which must not come out of (and could exhaust) the application's pool.
     */
    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(StorageSettings settings, HikariDataSource dataSource) {
        if (!settings.postgres()) {
            return dataSource;
        }
        return new SimpleDriverDataSource(new org.postgresql.Driver(), settings.dbUrl(), settings.dbUsername(),
                settings.dbPassword());
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(StorageSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("safeguard");
        if (settings.postgres()) {
            config.setJdbcUrl(settings.dbUrl());
            config.setUsername(settings.dbUsername());
            config.setPassword(settings.dbPassword());
            config.setMaximumPoolSize(settings.poolSize());
            log.atInfo().addKeyValue("database", "postgresql").log("Using PostgreSQL");
        } else {
            Path file = settings.dbUrl() != null
                    ? Path.of(settings.dbUrl().substring("jdbc:sqlite:".length()))
                    : settings.sqliteFile();
            createPrivateDirectory(file.toAbsolutePath().getParent());
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            sqlite.enforceForeignKeys(true);
            sqlite.setBusyTimeout(10_000);
            // Checkpoints run in the background (SqliteCheckpointer), not in the committing thread.
            sqlite.setWalAutocheckpoint(0);
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource sqliteDataSource = new SQLiteDataSource(sqlite);
            sqliteDataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
            config.setDataSource(sqliteDataSource);
            config.setMaximumPoolSize(settings.poolSize());
            log.atInfo().addKeyValue("database", "sqlite").addKeyValue("file", file.toAbsolutePath().toString())
                    .log("Using the embedded SQLite database");
        }
        return new HikariDataSource(config);
    }

    static void createPrivateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException notPosix) {
                    log.warn("The file system does not support POSIX permissions; restrict access to {} by hand", dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir, e);
        }
    }
}
