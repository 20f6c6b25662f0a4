package dev.safeguard.backup;

import java.nio.file.Path;

/**
 * Where a backup is restored: a new data directory with a fresh SQLite database in it, or (with {@code dbUrl}) an
 * empty PostgreSQL database, and the restored checkpoint file, which must lie outside the data directory.
 *
 * @param dataDir        the new data directory; must be empty or absent
 * @param checkpointFile the restored audit checkpoint file; must not exist
 * @param dbUrl          {@code jdbc:postgresql:...} of an empty database, or {@code null} for SQLite in {@code dataDir}
 */
public record RestoreTarget(Path dataDir, Path checkpointFile, String dbUrl, String dbUsername, String dbPassword) {

    public RestoreTarget {
        dataDir = dataDir.toAbsolutePath().normalize();
        checkpointFile = checkpointFile.toAbsolutePath().normalize();
        dbUrl = dbUrl == null || dbUrl.isBlank() ? null : dbUrl.strip();
    }

    /** The default checkpoint file of a data directory: {@code <parent>/checkpoints/audit-tree-heads.jsonl}. */
    public static Path defaultCheckpointFile(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        Path parent = absolute.getParent() == null ? absolute : absolute.getParent();
        return parent.resolve("checkpoints").resolve("audit-tree-heads.jsonl");
    }

    public boolean postgres() {
        return dbUrl != null;
    }

    public Path sqliteFile() {
        return dataDir.resolve("safeguard.db");
    }

    @Override
    public String toString() {
        return "RestoreTarget[" + (postgres() ? "postgresql" : sqliteFile().toString()) + "]";
    }
}
