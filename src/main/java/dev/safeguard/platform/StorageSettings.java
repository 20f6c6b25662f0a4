package dev.safeguard.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Safeguard keeps its data. Bound from {@code SAFEGUARD_DATA_DIR}, {@code SAFEGUARD_DB_URL},
 * {@code SAFEGUARD_DB_USERNAME} and {@code SAFEGUARD_DB_PASSWORD}; validated at start-up.
 *
 * @param dataDir    the data directory; the embedded SQLite database lives at {@code dataDir/safeguard.db}
 * @param dbUrl      a {@code jdbc:postgresql:} URL for production, or empty for the embedded SQLite default
 * @param dbUsername PostgreSQL user name
 * @param dbPassword PostgreSQL password
 * @param dbPoolSize connections in the pool (default 16 for PostgreSQL, 8 for SQLite)
 */
@ConfigurationProperties("safeguard")
public record StorageSettings(Path dataDir, String dbUrl, String dbUsername, String dbPassword, Integer dbPoolSize) {

    public StorageSettings {
        if (dbPoolSize != null && (dbPoolSize < 1 || dbPoolSize > 200)) {
            throw new IllegalArgumentException("SAFEGUARD_DB_POOL_SIZE must be between 1 and 200; got " + dbPoolSize);
        }
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        dbUrl = dbUrl == null || dbUrl.isBlank() ? null : dbUrl.trim();
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("SAFEGUARD_DB_URL must be a jdbc:postgresql: URL (or empty for the "
                    + "embedded SQLite database in SAFEGUARD_DATA_DIR); got a URL starting with '"
                    + dbUrl.substring(0, Math.min(dbUrl.length(), 16)) + "'");
        }
    }

    public int poolSize() {
        return dbPoolSize != null ? dbPoolSize : postgres() ? 16 : 8;
    }

    public boolean postgres() {
        return dbUrl != null && dbUrl.startsWith("jdbc:postgresql:");
    }

    public Path sqliteFile() {
        return dataDir.resolve("safeguard.db");
    }
}
