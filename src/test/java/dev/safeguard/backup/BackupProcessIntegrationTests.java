package dev.safeguard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar's backup commands, as an operator runs them after a disaster: back up the data and the keys on
 * one machine, lose everything but the two backups, restore the keys and then the data on a fresh directory, and
 * start the server there. Also: a tampered backup fails {@code backup verify} with exit code 1, bad arguments and a
 * non-empty target exit with code 2, and nothing prints a stack trace.
 */
class BackupProcessIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("SAFEGUARD_SETUP_TOKEN=(\\S+)");
    private static final Pattern DIRECTORY = Pattern.compile("completed in [^:]+: (\\S+)");
    private static final Pattern KEY_FILE = Pattern.compile("Key backup written: (\\S+)");
    private static final String PASSPHRASE = "operator passphrase for the key backup";

    @Test
    void dataAndKeyBackupsRestoreOnAFreshDirectoryWhereTheServerStartsWithTheSameUsersAndAVerifiedTrail()
            throws Exception {
        Path machine = Files.createTempDirectory("safeguard-process-backup-");
        Path backups;
        Path keyBackup;
        try (ServerProcess server = new ServerProcess(machine)) {
            server.start();
            Api api = server.awaitUp();
            Api.Response created = api.post("/api/setup", Api.map("token", server.find(TOKEN), "username", "officer",
                    "password", "process backup passphrase"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            server.stop();

            ServerProcess.Command backup = server.run("backup", "create");
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("verified: OK");
            Matcher m = DIRECTORY.matcher(backup.output());
            assertThat(m.find()).as(backup.output()).isTrue();
            Path directory = Path.of(m.group(1));
            backups = directory.getParent();

            ServerProcess.Command keys = server.run(Map.of("SAFEGUARD_BACKUP_PASSPHRASE", PASSPHRASE), "backup",
                    "keys");
            assertThat(keys.exitCode()).as(keys.output()).isZero();
            Matcher k = KEY_FILE.matcher(keys.output());
            assertThat(k.find()).as(keys.output()).isTrue();
            keyBackup = Path.of(k.group(1));
            assertThat(keyBackup.startsWith(backups)).as("key backup apart from the data backups").isFalse();

            Path tampered = machine.resolve("tampered");
            Files.createDirectories(tampered);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path f : files.toList()) {
                    Files.copy(f, tampered.resolve(f.getFileName()));
                }
            }
            byte[] data = Files.readAllBytes(tampered.resolve("database.sgdump"));
            data[data.length / 2] ^= 0x01;
            Files.write(tampered.resolve("database.sgdump"), data);
            ServerProcess.Command bad = server.run("backup", "verify", tampered.toString());
            assertThat(bad.exitCode()).as(bad.output()).isEqualTo(1);
            assertThat(bad.output()).contains("BACKUP FAILED VERIFICATION", "does not match its SHA-256");

            ServerProcess.Command usage = server.run("backup", "restore", directory.toString());
            assertThat(usage.exitCode()).as(usage.output()).isEqualTo(2);
            assertThat(usage.output()).contains("needs --data-dir").doesNotContain("Exception");
            ServerProcess.Command inUse = server.run("backup", "restore", directory.toString(), "--data-dir",
                    machine.resolve("data").toString());
            assertThat(inUse.exitCode()).as(inUse.output()).isEqualTo(2);
            assertThat(inUse.output()).contains("is not empty").doesNotContain("\tat ");

            // The disaster: a fresh machine holds only the data backup and the key backup.
            Path fresh = Files.createTempDirectory("safeguard-process-recovered-");
            ServerProcess recovered = new ServerProcess(fresh);
            ServerProcess.Command keysBack = recovered.run(Map.of("SAFEGUARD_BACKUP_PASSPHRASE", PASSPHRASE),
                    "backup", "keys", "restore", keyBackup.toString(), "--keys-dir", fresh.resolve("keys").toString());
            assertThat(keysBack.exitCode()).as(keysBack.output()).isZero();
            ServerProcess.Command restore = recovered.run("backup", "restore", directory.toString(), "--data-dir",
                    fresh.resolve("data").toString());
            assertThat(restore.exitCode()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("Audit trail OK", "Start the server on it with");
            recovered.start();
            Api restoredApi = recovered.awaitUp();
            Api.Response login = restoredApi.post("/api/auth/login", Api.map("username", "officer",
                    "password", "process backup passphrase"));
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            recovered.stop();
            ServerProcess.Command verified = recovered.run("audit", "verify");
            assertThat(verified.exitCode()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("Audit trail OK");
            recovered.close();
        }
    }
}
