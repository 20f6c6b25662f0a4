package dev.safeguard.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a command needs to know before any Safeguard context starts: where the keys and the data are (from the same
 * environment variables the server reads), whether the key files a backup needs exist (a context would otherwise
 * generate new keys, which could never open the backup), and a throw-away installation for commands that must not
 * touch a real one.
 */
final class CommandEnvironment {

    /** Keysets a verify or restore reads; their absence means the key backup was not restored yet. */
    static final List<String> REQUIRED_KEYS = List.of("audit-signing.json", "audit-prf.json",
            "application-secrets.json", "backup-signing.json");

    private final Map<String, String> env;
    private final Path keysDir;

    CommandEnvironment(Map<String, String> env, Path keysDir) {
        this.env = env;
        this.keysDir = (keysDir != null ? keysDir : Path.of(env.getOrDefault("SAFEGUARD_KEYS_DIR", "keys")))
                .toAbsolutePath().normalize();
    }

    Path keysDir() {
        return keysDir;
    }

    /** Refuses to go on when a key file is missing, naming the missing files and the command that restores them. */
    void requireKeys() {
        List<String> missing = new ArrayList<>();
        List<String> required = new ArrayList<>(REQUIRED_KEYS);
        if (!"pkcs11".equals(env.get("SAFEGUARD_MASTER_KEY_PROVIDER"))) {
            required.add(0, "master-key.json");
        }
        for (String name : required) {
            if (!Files.isRegularFile(keysDir.resolve(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new CommandArguments.Invalid("The key directory " + keysDir + " lacks " + String.join(", ", missing)
                    + ": restore the key backup first (java -jar safeguard.jar backup keys restore FILE --keys-dir "
                    + keysDir + "), or name the key directory with --keys-dir or SAFEGUARD_KEYS_DIR");
        }
    }

    /** True when the configured installation exists: a PostgreSQL URL, or the SQLite file in the data directory. */
    boolean installationExists() {
        String url = env.get("SAFEGUARD_DB_URL");
        if (url != null && !url.isBlank()) {
            return true;
        }
        return Files.isRegularFile(Path.of(env.getOrDefault("SAFEGUARD_DATA_DIR", "data")).resolve("safeguard.db"));
    }

    /** A temporary installation (data, checkpoints, backup directories) deleted when closed. */
    static final class Scratch implements AutoCloseable {
        private final Path root;

        private Scratch(Path root) {
            this.root = root;
        }

        static Scratch create() {
            try {
                return new Scratch(Files.createTempDirectory("safeguard-command-"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary directory", e);
            }
        }

        /** Context arguments that put everything of the installation in the scratch directory, with these keys. */
        String[] arguments(Path keysDir) {
            return new String[] {BackupCommandLine.NO_SCHEDULE, "--safeguard.data-dir=" + root.resolve("data"),
                    "--safeguard.audit.checkpoint-file=" + root.resolve("checkpoints/audit-tree-heads.jsonl"),
                    "--safeguard.db-url=", "--safeguard.keys-dir=" + keysDir,
                    "--safeguard.backup.dir=" + root.resolve("backups"),
                    "--safeguard.backup.keys-dir=" + root.resolve("key-backups")};
        }

        @Override
        public void close() {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the temporary directory " + root, e);
            }
        }
    }
}
