package dev.safeguard.backup.internal;

import dev.safeguard.audit.AuditTrailCopies;
import dev.safeguard.crypto.BackupKeys;
import dev.safeguard.crypto.MasterKeySettings;
import dev.safeguard.platform.StorageSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;

/**
 * Writes one backup from a {@link Snapshot}: the logical dump of every application table, gzip-compressed and
 * encrypted with the backup's own StreamingAead key, the audit checkpoints the snapshot covers (encrypted likewise),
 * and the signed manifest. Files are written into {@code <name>.partial} and the directory is renamed when every file
 * is on disk (fsynced), so a crash never leaves something that looks like a complete backup.
 */
@Component
public class BackupWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StorageSettings storage;
    private final BackupKeys keys;
    private final AuditTrailCopies audit;
    private final MasterKeySettings masterKey;

    BackupWriter(StorageSettings storage, BackupKeys keys, AuditTrailCopies audit, MasterKeySettings masterKey) {
        this.storage = storage;
        this.keys = keys;
        this.audit = audit;
        this.masterKey = masterKey;
    }

    /** A backup whose snapshot is fixed; its rows are read by {@link #write}. */
    public static final class Started implements AutoCloseable {
        private final String id;
        private final Instant createdAt;
        private final Snapshot snapshot;
        private final AuditTrailCopies.Coverage coverage;
        private boolean closed;

        private Started(String id, Instant createdAt, Snapshot snapshot, AuditTrailCopies.Coverage coverage) {
            this.id = id;
            this.createdAt = createdAt;
            this.snapshot = snapshot;
            this.coverage = coverage;
        }

        public String id() {
            return id;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                snapshot.close();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot end the backup's snapshot transaction", e);
            }
        }
    }

    /** What was written. */
    public record Written(Path directory, String schemaVersion, long sizeBytes, long rows, int tables,
                          long auditEvents, String manifestSha256) {
    }

    public String sourceDatabase() {
        return storage.postgres() ? "postgresql" : "sqlite";
    }

    /** Fixes the snapshot now. */
    public Started begin(String id, Instant createdAt) {
        try {
            Snapshot snapshot = Snapshot.open(storage);
            try {
                return new Started(id, createdAt, snapshot, audit.coverage(snapshot.connection()));
            } catch (RuntimeException e) {
                snapshot.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a consistent snapshot of the database: " + e.getMessage(), e);
        }
    }

    /** Writes the backup into a new directory under {@code backupDir}; the snapshot is closed afterwards. */
    public Written write(Started started, Path backupDir) {
        String name = "safeguard-backup-" + STAMP.format(started.createdAt) + "-" + started.id.substring(0, 8);
        Path directory = backupDir.resolve(name);
        Path partial = backupDir.resolve(name + ".partial");
        try (started) {
            BackupFiles.createPrivateDirectories(backupDir);
            if (Files.exists(directory) || Files.exists(partial)) {
                throw new IllegalStateException("The backup directory " + directory + " exists already");
            }
            BackupFiles.createPrivateDirectories(partial);
            BackupKeys.BackupKey key = keys.newKey(started.id);
            Connection connection = started.snapshot.connection();
            String schemaVersion = Tables.schemaVersion(connection);
            List<Tables.Table> tables = Tables.read(connection);
            List<Manifest.TableEntry> counts = new ArrayList<>();
            Manifest.FileEntry database = encrypted(partial, Manifest.DATABASE_FILE, key, started.id, out -> {
                try (DumpWriter dump = new DumpWriter(gzip(out))) {
                    for (Tables.Table table : tables) {
                        counts.add(new Manifest.TableEntry(table.name(), dump(connection, table, dump)));
                    }
                }
            });
            started.close();
            byte[] checkpoints = audit.checkpointsUpTo(started.coverage.signedTreeSize());
            Manifest.FileEntry checkpointFile = encrypted(partial, Manifest.CHECKPOINTS_FILE, key, started.id,
                    out -> out.write(checkpoints));
            Manifest manifest = new Manifest(Manifest.FORMAT, started.id, started.createdAt.toString(),
                    sourceDatabase(), schemaVersion, masterKey.provider(),
                    Base64.getEncoder().encodeToString(key.wrapped()), started.coverage.events(),
                    started.coverage.signedTreeSize(), started.coverage.signedTreeHeads(),
                    List.of(database, checkpointFile), counts, List.copyOf(new java.util.TreeSet<>(Tables.EXCLUDED)));
            byte[] json = manifest.toJson();
            BackupFiles.writePrivate(partial.resolve(Manifest.FILE), json);
            BackupFiles.writePrivate(partial.resolve(Manifest.SIGNATURE_FILE), (Base64.getEncoder()
                    .encodeToString(keys.sign(json)) + "\n").getBytes(StandardCharsets.US_ASCII));
            BackupFiles.writePrivate(partial.resolve(Manifest.PUBLIC_KEY_FILE),
                    keys.publicKeysetJson().getBytes(StandardCharsets.UTF_8));
            Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
            long size = database.size() + checkpointFile.size() + json.length + Files.size(directory.resolve(
                    Manifest.SIGNATURE_FILE)) + Files.size(directory.resolve(Manifest.PUBLIC_KEY_FILE));
            return new Written(directory, schemaVersion, size, manifest.rows(), tables.size(),
                    started.coverage.events(), BackupFiles.sha256(json));
        } catch (IOException | SQLException | GeneralSecurityException | RuntimeException e) {
            try {
                BackupFiles.deleteTree(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Content {
        void write(OutputStream plaintext) throws IOException, SQLException;
    }

    /** Writes {@code name} as StreamingAead ciphertext; returns its size and SHA-256 as stored. */
    private static Manifest.FileEntry encrypted(Path dir, String name, BackupKeys.BackupKey key, String id,
                                                Content content)
            throws IOException, SQLException, GeneralSecurityException {
        Path file = dir.resolve(name);
        BackupFiles.Measured measured = new BackupFiles.Measured(BackupFiles.createPrivate(file));
        try (OutputStream encrypting = key.aead().newEncryptingStream(measured, associatedData(id, name))) {
            content.write(encrypting);
        }
        BackupFiles.fsync(file);
        return new Manifest.FileEntry(name, measured.size(), measured.sha256());
    }

    /** IMPORTANT: never change, or existing backups stop decrypting. */
    static byte[] associatedData(String backupId, String fileName) {
        return (Manifest.FORMAT + ":" + backupId + ":" + fileName).getBytes(StandardCharsets.UTF_8);
    }

    /** Most of the data is ciphertext, which does not compress: the fastest level saves the CPU for the rest. */
    private static OutputStream gzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    private static long dump(Connection connection, Tables.Table table, DumpWriter dump)
            throws IOException, SQLException {
        dump.beginTable(table.name(), table.columns());
        String order = table.primaryKey().isEmpty() ? "" : " ORDER BY " + table.primaryKey().stream()
                .map(Tables::quote).collect(Collectors.joining(", "));
        String sql = "SELECT " + table.columns().stream().map(Tables::quote).collect(Collectors.joining(", "))
                + " FROM " + Tables.quote(table.name()) + order;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(Snapshot.FETCH_SIZE);
            try (ResultSet rs = select.executeQuery()) {
                Object[] values = new Object[table.columns().size()];
                while (rs.next()) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getObject(i + 1);
                    }
                    dump.row(values, table.columns());
                }
            }
        }
        return dump.endTable();
    }

}
