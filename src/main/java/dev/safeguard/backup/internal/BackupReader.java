package dev.safeguard.backup.internal;

import com.google.crypto.tink.StreamingAead;
import dev.safeguard.backup.BackupVerification;
import dev.safeguard.crypto.BackupKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * Opens and verifies backups: the manifest's Ed25519 signature (with this installation's backup signing key), the
 * public keyset beside it, every file's size and SHA-256, the backup key (unwrapped with the master key), and, for a
 * full verification, the whole encrypted stream decrypted and parsed, table by table, against the manifest's row
 * counts. Nothing is trusted before the signature verifies.
 */
@Component
public class BackupReader {

    private static final Set<String> FILES = Set.of(Manifest.FILE, Manifest.SIGNATURE_FILE, Manifest.PUBLIC_KEY_FILE,
            Manifest.DATABASE_FILE, Manifest.CHECKPOINTS_FILE);

    private final BackupKeys keys;
    private final Clock clock;

    BackupReader(BackupKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A backup whose manifest, files and key checked out; its streams are read on demand. */
    public record Opened(Path directory, Manifest manifest, StreamingAead aead) {

        public String id() {
            return manifest.id();
        }

        public java.time.Instant createdAt() {
            return java.time.Instant.parse(manifest.createdAt());
        }

        /** The decrypted, decompressed dump; the AEAD fails the read at the first altered or missing byte. */
        InputStream database() throws IOException, GeneralSecurityException {
            return new GZIPInputStream(stream(Manifest.DATABASE_FILE), 1 << 16);
        }

        byte[] checkpoints() throws IOException, GeneralSecurityException {
            try (InputStream in = stream(Manifest.CHECKPOINTS_FILE)) {
                return in.readAllBytes();
            }
        }

        private InputStream stream(String name) throws IOException, GeneralSecurityException {
            return aead.newDecryptingStream(Files.newInputStream(directory.resolve(name)),
                    BackupWriter.associatedData(manifest.id(), name));
        }
    }

    /** The backup could not be opened; {@code problems} says why. */
    public static final class Unreadable extends RuntimeException {
        private final List<String> problems;

        Unreadable(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Checks signature, files and key with this installation's keys. */
    public Opened open(Path directory) {
        return open(directory, keys);
    }

    /** Checks signature, files and key with the given keys (another installation's, in tests of that case). */
    public Opened open(Path directory, BackupKeys with) {
        List<String> problems = new ArrayList<>();
        Opened opened = inspect(directory, with, problems);
        if (opened == null || !problems.isEmpty()) {
            throw new Unreadable(problems);
        }
        return opened;
    }

    /** Everything {@link #open} checks, then the whole stream decrypted and parsed against the manifest. */
    public BackupVerification verify(Path directory) {
        return verify(directory, keys);
    }

    public BackupVerification verify(Path directory, BackupKeys with) {
        Path dir = directory.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        // A file that fails its hash is still decrypted: the report then also says what the AEAD found.
        Opened opened = inspect(dir, with, problems);
        if (opened == null) {
            return new BackupVerification(null, dir.toString(), false, problems, 0, 0, 0, clock.instant());
        }
        Manifest m = opened.manifest();
        long rows = 0;
        int tables = 0;
        try (InputStream in = opened.database()) {
            DumpReader dump = new DumpReader(in);
            for (DumpReader.Table table = dump.nextTable(); table != null; table = dump.nextTable()) {
                Object[] values = new Object[table.columns().size()];
                while (dump.nextRow(values)) {
                    rows++;
                }
                Manifest.TableEntry expected = tables < m.tables().size() ? m.tables().get(tables) : null;
                if (expected == null || !expected.name().equals(table.name())) {
                    problems.add("the data holds table " + table.name() + " where the manifest lists "
                            + (expected == null ? "no more tables" : expected.name()));
                } else if (expected.rows() != dump.rowsOfLastTable()) {
                    problems.add("table " + table.name() + " holds " + dump.rowsOfLastTable() + " rows; the manifest "
                            + "says " + expected.rows());
                }
                tables++;
            }
            if (tables != m.tables().size()) {
                problems.add("the data holds " + tables + " tables; the manifest lists " + m.tables().size());
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            problems.add(Manifest.DATABASE_FILE + " does not decrypt or parse (" + describe(e) + "): the file was "
                    + "altered, truncated or encrypted under another key");
        }
        try {
            opened.checkpoints();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            problems.add(Manifest.CHECKPOINTS_FILE + " does not decrypt (" + describe(e) + ")");
        }
        return new BackupVerification(m.id(), dir.toString(), problems.isEmpty(), problems, tables, rows,
                m.auditEvents(), clock.instant());
    }

    /**
     * Checks the backup, adding what is wrong to {@code problems}; the backup, whenever its manifest is signed and its
     * key opens (even if a file failed its hash), else {@code null}.
     */
    private Opened inspect(Path directory, BackupKeys with, List<String> problems) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            problems.add(dir + " is not a directory");
            return null;
        }
        byte[] json;
        byte[] signature;
        try {
            json = Files.readAllBytes(dir.resolve(Manifest.FILE));
        } catch (IOException e) {
            problems.add("no readable " + Manifest.FILE + " in " + dir + " (is this a Safeguard backup?)");
            return null;
        }
        try {
            signature = Base64.getDecoder().decode(Files.readString(dir.resolve(Manifest.SIGNATURE_FILE),
                    StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            problems.add("no readable signature " + Manifest.SIGNATURE_FILE);
            return null;
        }
        if (!with.verify(json, signature)) {
            problems.add("the manifest's signature does not verify: the manifest was altered, or the backup was "
                    + "signed by another installation's backup key");
            return null;
        }
        try {
            String beside = Files.readString(dir.resolve(Manifest.PUBLIC_KEY_FILE), StandardCharsets.UTF_8);
            if (!beside.strip().equals(with.publicKeysetJson().strip())) {
                problems.add("the public keyset beside the manifest is not this installation's backup signing key");
            }
        } catch (IOException e) {
            problems.add("no readable " + Manifest.PUBLIC_KEY_FILE);
        }
        Manifest manifest;
        try {
            manifest = Manifest.parse(json);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
        for (Manifest.FileEntry file : manifest.files()) {
            Path path = dir.resolve(file.name());
            try {
                if (!FILES.contains(file.name()) || !Files.isRegularFile(path)) {
                    problems.add("file " + file.name() + " of the manifest is missing");
                } else if (Files.size(path) != file.size()) {
                    problems.add("file " + file.name() + " has " + Files.size(path) + " bytes; the manifest says "
                            + file.size());
                } else if (!BackupFiles.sha256(path).equals(file.sha256())) {
                    problems.add("file " + file.name() + " does not match its SHA-256 in the manifest: it was altered");
                }
            } catch (IOException e) {
                problems.add("file " + file.name() + " cannot be read");
            }
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> !FILES.contains(n)).sorted()
                    .forEach(n -> problems.add("unexpected file " + n + " in the backup directory"));
        } catch (IOException e) {
            problems.add("the backup directory cannot be listed");
        }
        StreamingAead aead;
        try {
            aead = with.open(manifest.id(), Base64.getDecoder().decode(manifest.wrappedKey()));
        } catch (BackupKeys.BackupKeyUnavailable | IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
        return new Opened(dir, manifest, aead);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + (message.length() > 200
                ? message.substring(0, 200) : message));
    }
}
