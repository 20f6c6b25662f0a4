package dev.safeguard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as the README says on an empty directory: it generates its certificate and prints the
 * fingerprint, prints the setup token once, answers UP over HTTPS, keeps its state across a restart, and its
 * {@code audit verify} command checks the trail and finds tampering.
 */
class ServerProcessIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("SAFEGUARD_SETUP_TOKEN=(\\S+)");
    private static final Pattern FINGERPRINT = Pattern.compile("SHA-256 fingerprint: ([0-9A-F:]{95})");

    @Test
    void jarStartsOnAnEmptyDirectoryAnswersUpOverHttpsAndKeepsStateAcrossARestart() throws Exception {
        Path workDir = Files.createTempDirectory("safeguard-process-");
        try (ServerProcess server = new ServerProcess(workDir)) {
            server.start();
            Api api = server.awaitUp();
            assertThat(api.get("/actuator/health").text("status")).isEqualTo("UP");
            try (var in = Files.newInputStream(workDir.resolve("data/tls/server.crt"))) {
                byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
                String actual = HexFormat.ofDelimiter(":").withUpperCase()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
                assertThat(server.find(FINGERPRINT)).isEqualTo(actual);
            }
            assertThat(workDir.resolve("data/safeguard.db")).exists();
            assertThat(workDir.resolve("keys/application-secrets.json")).exists();
            assertThat(workDir.resolve("keys/audit-signing.json")).exists();
            String token = server.find(TOKEN);
            assertThat(server.output().stream().filter(line -> line.contains(token)).count()).isEqualTo(1);
            assertThat(server.output().stream().filter(line -> line.startsWith("{") && line.contains(token)))
                    .isEmpty();

            Api.Response created = api.post("/api/setup", Api.map("token", token, "username", "officer",
                    "password", "process test passphrase"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);

            server.stop();
            server.start();
            server.awaitUp();
            assertThat(server.output()).noneMatch(line -> line.contains("SAFEGUARD_SETUP_TOKEN"));
            Api.Response login = api.post("/api/auth/login", Api.map("username", "officer",
                    "password", "process test passphrase"));
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            assertThat(login.text("stage")).isEqualTo("enrollment-required");
            server.stop();

            ServerProcess.Command verified = server.run("audit", "verify");
            assertThat(verified.exitCode()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("Audit trail OK");
            assertThat(workDir.resolve("checkpoints/audit-tree-heads.jsonl")).exists();

            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + workDir.resolve("data/safeguard.db"));
                 Statement s = db.createStatement()) {
                s.executeUpdate("UPDATE audit_events SET agent_address = '198.51.100.1' WHERE seq = 2");
            }
            ServerProcess.Command tampered = server.run("audit", "verify");
            assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(1);
            assertThat(tampered.output()).contains("FAILED VERIFICATION at event 2");
        }
    }
}
