package dev.safeguard.crypto;

import dev.safeguard.crypto.internal.PassphraseEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key directory's backup, kept apart from the data backups (45 CFR 164.308(a)(7)(ii)(A)): every keyset file of
 * {@code SAFEGUARD_KEYS_DIR} (the local master key, the audit signing and pseudonym keys, the application-secret key,
 * the backup signing key) in one file encrypted under a passphrase.
 *
 * <p>Security guarantees: the file holds the keysets only as AES-256-GCM ciphertext under a key derived from the
 * passphrase with Argon2id (64 MiB, 3 passes); the header (time, file names, provider, KDF parameters) is the
 * associated data, so an altered header does not open. A passphrase shorter than {@value #MIN_PASSPHRASE} characters
 * is refused. With the PKCS#11 provider the master key is non-extractable and stays on the HSM: the backup holds the
 * other keysets and says so; back the token up with its vendor's procedure. Restoring writes the files with mode 0600
 * into a key directory that holds none of them yet.
 */
@Component
public class KeyMaterialBackup {

    public static final int MIN_PASSPHRASE = 16;
    public static final String EXTENSION = ".sgkeys";
    static final String FORMAT = "safeguard-key-backup-v1";
    static final String MASTER_KEY_FILE = "master-key.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final KeySettings keys;
    private final MasterKeySettings master;

    KeyMaterialBackup(KeySettings keys, MasterKeySettings master) {
        this.keys = keys;
        this.master = master;
    }

    /** What an export wrote. */
    public record Exported(Path file, String sha256, long size, List<String> keyFiles, boolean masterKeyIncluded,
                           String masterKeyProvider, Instant createdAt) {
    }

    /** What a restore wrote. */
    public record Restored(Path keysDir, List<String> keyFiles, boolean masterKeyIncluded, String masterKeyProvider,
                           Instant createdAt) {
    }

    /** A key backup could not be written or opened, for a reason the operator can fix (stated in the message). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** True when the master key lives on a PKCS#11 token and so is not part of a key backup. */
    public boolean masterKeyOnHsm() {
        return master.provider().equals("pkcs11");
    }

    public Path keysDir() {
        return keys.keysDir().toAbsolutePath().normalize();
    }

    /** The keyset files of the key directory, by name, sorted. */
    public List<String> keyFiles() {
        return keyFiles(keysDir());
    }

    /** When a keyset file of the key directory last changed (was created or replaced), if any exists. */
    public Optional<Instant> lastKeyChange() {
        Instant latest = null;
        for (String name : keyFiles()) {
            try {
                Instant modified = Files.getLastModifiedTime(keysDir().resolve(name)).toInstant();
                latest = latest == null || modified.isAfter(latest) ? modified : latest;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the key directory " + keysDir(), e);
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Refuses a passphrase that is missing or too short, with a message that says what to do. */
    public static void checkPassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new Refused("Set SAFEGUARD_BACKUP_PASSPHRASE to the passphrase that protects the key backup "
                    + "(at least " + MIN_PASSPHRASE + " characters; keep it apart from the backups)");
        }
        if (passphrase.length < MIN_PASSPHRASE) {
            throw new Refused("The passphrase has " + passphrase.length + " characters; use at least "
                    + MIN_PASSPHRASE);
        }
    }

    /** Writes {@code safeguard-keys-<time>.sgkeys} into {@code toDir} (created with mode 0700 if missing). */
    public Exported export(Path toDir, char[] passphrase, Instant now) {
        checkPassphrase(passphrase);
        Path dir = toDir.toAbsolutePath().normalize();
        if (dir.startsWith(keysDir()) || keysDir().startsWith(dir)) {
            throw new Refused("Write the key backup outside the key directory " + keysDir() + "; " + dir
                    + " is inside it or contains it");
        }
        List<String> names = keyFiles();
        if (names.isEmpty()) {
            throw new Refused("The key directory " + keysDir() + " holds no keyset file to back up");
        }
        Map<String, String> files = new LinkedHashMap<>();
        try {
            for (String name : names) {
                files.put(name, Files.readString(keysDir().resolve(name), StandardCharsets.UTF_8));
            }
            Instant created = Instant.ofEpochMilli(now.toEpochMilli());
            boolean masterIncluded = files.containsKey(MASTER_KEY_FILE) && !masterKeyOnHsm();
            if (!masterIncluded) {
                files.remove(MASTER_KEY_FILE);
            }
            List<String> included = List.copyOf(files.keySet());
            byte[] plaintext = JSON.writeValueAsBytes(files);
            Header header = new Header(created, master.provider(), masterIncluded, included);
            PassphraseEnvelope.Sealed sealed = PassphraseEnvelope.seal(plaintext, passphrase, header.associatedData(
                    PassphraseEnvelope.MEMORY_KIB, PassphraseEnvelope.ITERATIONS, PassphraseEnvelope.PARALLELISM));
            java.util.Arrays.fill(plaintext, (byte) 0);
            byte[] document = JSON.writeValueAsBytes(header.document(sealed));
            createPrivateDirectory(dir);
            Path file = dir.resolve("safeguard-keys-" + STAMP.format(created) + EXTENSION);
            if (Files.exists(file)) {
                throw new Refused("The key backup " + file + " exists already; try again in a second");
            }
            writePrivate(file, document);
            return new Exported(file, sha256(document), document.length, included, masterIncluded,
                    master.provider(), created);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key backup into " + dir, e);
        }
    }

    /**
     * Opens a key backup and writes its keyset files into {@code keysDir}; works without a running Safeguard (on a
     * fresh machine, before the data is restored).
     *
     * @throws Refused when the passphrase is wrong, the file was altered or is not a key backup, or the key directory
     *                 already holds one of the files
     */
    public static Restored restore(Path file, char[] passphrase, Path keysDir) {
        checkPassphrase(passphrase);
        JsonNode document;
        try {
            document = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new Refused("Cannot read the key backup " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new Refused(file + " is not a Safeguard key backup (it is not JSON)");
        }
        Header header = Header.of(document, file);
        JsonNode kdf = document.path("kdf");
        PassphraseEnvelope.Sealed sealed = new PassphraseEnvelope.Sealed(decode(kdf.path("salt").asString(""), file),
                kdf.path("memoryKiB").asInt(0), kdf.path("iterations").asInt(0), kdf.path("parallelism").asInt(0),
                decode(document.path("ciphertext").asString(""), file));
        Map<String, String> files;
        try {
            byte[] plaintext = PassphraseEnvelope.open(sealed, passphrase, header.associatedData(sealed.memoryKiB(),
                    sealed.iterations(), sealed.parallelism()));
            files = JSON.readValue(plaintext, new tools.jackson.core.type.TypeReference<LinkedHashMap<String,
                    String>>() { });
            java.util.Arrays.fill(plaintext, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new Refused("The passphrase does not open the key backup " + file + " (or the file was altered)");
        }
        Path dir = keysDir.toAbsolutePath().normalize();
        for (String name : files.keySet()) {
            if (!name.matches("[A-Za-z0-9._-]+\\.json") || Files.exists(dir.resolve(name))) {
                throw new Refused(Files.exists(dir.resolve(name)) ? "The key directory " + dir + " already holds "
                        + name + "; restore into an empty key directory" : "Unexpected file name in the key backup");
            }
        }
        try {
            createPrivateDirectory(dir);
            for (Map.Entry<String, String> entry : files.entrySet()) {
                writePrivate(dir.resolve(entry.getKey()), entry.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the keysets into " + dir, e);
        }
        return new Restored(dir, List.copyOf(files.keySet()), header.masterKeyIncluded(), header.provider(),
                header.createdAt());
    }

    /** The signed-over header fields of a key backup. */
    private record Header(Instant createdAt, String provider, boolean masterKeyIncluded, List<String> files) {

        static Header of(JsonNode document, Path file) {
            if (!FORMAT.equals(document.path("format").asString(""))) {
                throw new Refused(file + " is not a Safeguard key backup (format " + FORMAT + ")");
            }
            List<String> files = new ArrayList<>();
            document.path("files").forEach(f -> files.add(f.asString()));
            try {
                return new Header(Instant.parse(document.path("createdAt").asString("")),
                        document.path("masterKeyProvider").asString(""),
                        document.path("masterKeyIncluded").asBoolean(false), files);
            } catch (java.time.format.DateTimeParseException e) {
                throw new Refused(file + " has no valid creation time; it is damaged");
            }
        }

        /** IMPORTANT: never change, or older key backups stop opening. */
        byte[] associatedData(int memoryKiB, int iterations, int parallelism) {
            return String.join("|", FORMAT, createdAt.toString(), provider, Boolean.toString(masterKeyIncluded),
                    String.join(",", files), "argon2id", Integer.toString(memoryKiB), Integer.toString(iterations),
                    Integer.toString(parallelism)).getBytes(StandardCharsets.UTF_8);
        }

        Map<String, Object> document(PassphraseEnvelope.Sealed sealed) {
            Map<String, Object> kdf = new LinkedHashMap<>();
            kdf.put("algorithm", "argon2id");
            kdf.put("version", 19);
            kdf.put("memoryKiB", sealed.memoryKiB());
            kdf.put("iterations", sealed.iterations());
            kdf.put("parallelism", sealed.parallelism());
            kdf.put("salt", Base64.getEncoder().encodeToString(sealed.salt()));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("format", FORMAT);
            document.put("createdAt", createdAt.toString());
            document.put("masterKeyProvider", provider);
            document.put("masterKeyIncluded", masterKeyIncluded);
            document.put("files", files);
            document.put("kdf", kdf);
            document.put("cipher", "AES-256-GCM");
            document.put("ciphertext", Base64.getEncoder().encodeToString(sealed.ciphertext()));
            return document;
        }
    }

    private static List<String> keyFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the key directory " + dir, e);
        }
    }

    private static byte[] decode(String base64, Path file) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Refused(file + " is damaged (invalid base64)");
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Not a POSIX file system: the operator restricts access by hand (the README says so).
                return;
            }
        }
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        Files.write(tmp, content, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
