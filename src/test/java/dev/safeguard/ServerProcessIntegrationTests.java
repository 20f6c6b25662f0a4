package dev.safeguard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as the README says on an empty directory: it generates its certificate and prints the
 * fingerprint, prints the setup token once, answers UP over HTTPS, and keeps its state across a restart.
 */
class ServerProcessIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("SAFEGUARD_SETUP_TOKEN=(\\S+)");
    private static final Pattern FINGERPRINT = Pattern.compile("SHA-256 fingerprint: ([0-9A-F:]{95})");

    private Process server;
    private final List<String> output = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void start(Path workDir, int port) throws IOException {
        output.clear();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("safeguard.jar", "target/safeguard.jar"))
                .directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("SAFEGUARD_PORT", Integer.toString(port)));
        builder.environment().remove("SAFEGUARD_DATA_DIR");
        builder.environment().remove("SAFEGUARD_DB_URL");
        server = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().forEach(output::add);
            } catch (IOException ended) {
                output.add("[output closed: " + ended.getMessage() + "]");
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    private Api.Response awaitHealth(Api api) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("server exited: %s", output).isTrue();
            try {
                Api.Response health = api.get("/actuator/health");
                if (health.status() == 200) {
                    return health;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            try {
                server.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("The server did not answer UP within 90 s: " + output);
    }

    private String find(Pattern pattern) {
        return output.stream().map(pattern::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("Not printed: " + pattern + " in " + output));
    }

    @Test
    void jarStartsOnAnEmptyDirectoryAnswersUpOverHttpsAndKeepsStateAcrossARestart() throws Exception {
        Path workDir = Files.createTempDirectory("safeguard-process-");
        int port = freePort();
        start(workDir, port);
        Path certificate = workDir.resolve("data/tls/server.crt");
        Instant deadline = Instant.now().plusSeconds(90);
        while (!Files.exists(certificate) && Instant.now().isBefore(deadline) && server.isAlive()) {
            server.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        Api api = new Api(java.net.URI.create("https://localhost:" + port + "/"), certificate);
        assertThat(awaitHealth(api).text("status")).isEqualTo("UP");

        try (var in = Files.newInputStream(certificate)) {
            byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
            String actual = HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
            assertThat(find(FINGERPRINT)).isEqualTo(actual);
        }
        assertThat(Files.exists(workDir.resolve("data/safeguard.db"))).isTrue();
        assertThat(Files.exists(workDir.resolve("keys/application-secrets.json"))).isTrue();
        String token = find(TOKEN);
        assertThat(output.stream().filter(line -> line.contains(token)).count()).as("printed once").isEqualTo(1);
        assertThat(output.stream().filter(line -> line.startsWith("{") && line.contains(token))).isEmpty();

        Api.Response created = api.post("/api/setup", Api.map("token", token, "username", "officer",
                "password", "process test passphrase"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        stop();
        start(workDir, port);
        awaitHealth(api);
        assertThat(output).noneMatch(line -> line.contains("SAFEGUARD_SETUP_TOKEN"));
        Api.Response login = api.post("/api/auth/login", Api.map("username", "officer",
                "password", "process test passphrase"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.text("stage")).isEqualTo("enrollment-required");
    }
}
