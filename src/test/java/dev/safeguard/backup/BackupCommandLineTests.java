package dev.safeguard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code backup} commands' answers to bad arguments and refused targets, table-driven: exit code 2, a message that
 * says what to fix, never a stack trace, and nothing started or changed (no Safeguard context may start for these).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupCommandLineTests {

    private Path root;
    private Path backup;
    private Path notABackup;
    private Path nonEmpty;
    private Path keys;
    private Path noKeys;

    @BeforeAll
    void files() throws IOException {
        root = Files.createTempDirectory("safeguard-cli-");
        backup = Files.createDirectories(root.resolve("backup"));
        Files.writeString(backup.resolve("manifest.json"), "{}");
        notABackup = Files.createDirectories(root.resolve("not-a-backup"));
        nonEmpty = Files.createDirectories(root.resolve("in-use"));
        Files.writeString(nonEmpty.resolve("safeguard.db"), "live data");
        keys = Files.createDirectories(root.resolve("keys"));
        for (String name : List.of("master-key.json", "audit-signing.json", "audit-prf.json",
                "application-secrets.json", "backup-signing.json")) {
            Files.writeString(keys.resolve(name), "{}");
        }
        noKeys = Files.createDirectories(root.resolve("no-keys"));
    }

    Stream<Arguments> refused() {
        String b = backup.toString();
        String fresh = root.resolve("fresh").toString();
        Map<String, String> withKeys = Map.of("SAFEGUARD_KEYS_DIR", keys.toString());
        Map<String, String> passphrase = Map.of("SAFEGUARD_BACKUP_PASSPHRASE", "a long enough passphrase here");
        return Stream.of(
                Arguments.of(List.of(), Map.of(), "Name a backup command"),
                Arguments.of(List.of("frobnicate"), Map.of(), "Unknown backup command 'frobnicate'"),
                Arguments.of(List.of("create", "--force"), Map.of(), "has no option --force; it accepts --to"),
                Arguments.of(List.of("create", "--to"), Map.of(), "--to needs a value"),
                Arguments.of(List.of("create", "--to", "a", "--to=b"), Map.of(), "--to is given twice"),
                Arguments.of(List.of("create", "--to", "bad\u0007name"), Map.of(), "without control characters"),
                Arguments.of(List.of("create", "extra"), Map.of(), "takes no argument besides its options"),
                Arguments.of(List.of("list", "--to", "x"), Map.of(), "backup list has no option --to"),
                Arguments.of(List.of("verify"), Map.of(), "needs the backup directory"),
                Arguments.of(List.of("verify", "a", "b"), Map.of(), "once; got 2 arguments"),
                Arguments.of(List.of("verify", b), Map.of("SAFEGUARD_KEYS_DIR", noKeys.toString()),
                        "lacks master-key.json"),
                Arguments.of(List.of("restore", b), withKeys, "backup restore needs --data-dir DIR"),
                Arguments.of(List.of("restore", notABackup.toString(), "--data-dir", fresh), withKeys,
                        "is not a Safeguard backup (no manifest.json)"),
                Arguments.of(List.of("restore", b, "--data-dir", nonEmpty.toString()), withKeys,
                        "is not empty; restore into a new, empty directory (nothing was changed)"),
                Arguments.of(List.of("restore", b, "--data-dir", fresh, "--checkpoint-file", fresh + "/cp.jsonl"),
                        withKeys, "must be outside the data directory"),
                Arguments.of(List.of("restore", b, "--data-dir", fresh, "--db-url", "jdbc:postgresql://db/x"),
                        withKeys, "--db-url needs --db-username"),
                Arguments.of(List.of("restore", b, "--data-dir", fresh, "--keys-dir", noKeys.toString()), Map.of(),
                        "restore the key backup first"),
                Arguments.of(List.of("keys"), Map.of(), "Set SAFEGUARD_BACKUP_PASSPHRASE"),
                Arguments.of(List.of("keys", "--to", root.resolve("k").toString()),
                        Map.of("SAFEGUARD_BACKUP_PASSPHRASE", "short"), "use at least 16"),
                Arguments.of(List.of("keys", "restore", root.resolve("missing.sgkeys").toString(), "--keys-dir",
                        root.resolve("k2").toString()), passphrase, "Cannot read the key backup"),
                Arguments.of(List.of("keys", "restore", backup.resolve("manifest.json").toString(), "--keys-dir",
                        root.resolve("k3").toString()), passphrase, "is not a Safeguard key backup"),
                Arguments.of(List.of("keys", "restore", "--keys-dir", "x"), passphrase, "needs the key backup file"));
    }

    @ParameterizedTest(name = "backup {0}")
    @MethodSource("refused")
    void badArgumentsAndRefusedTargetsExitWithCode2AndAClearMessage_isRefused(List<String> args,
                                                                              Map<String, String> env,
                                                                              String message) throws IOException {
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BackupCommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, arguments -> {
                    started.add(String.join(" ", arguments));
                    throw new AssertionError("no Safeguard context may start for refused arguments");
                });
        String printed = err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isEqualTo(2);
        assertThat(printed).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(started).isEmpty();
        assertThat(Files.readString(nonEmpty.resolve("safeguard.db"))).isEqualTo("live data");
        try (Stream<Path> entries = Files.list(nonEmpty)) {
            assertThat(entries.count()).as("nothing added to the refused target").isEqualTo(1);
        }
        assertThat(root.resolve("fresh")).as("nothing created").doesNotExist();
    }
}
