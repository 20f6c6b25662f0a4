package dev.safeguard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Transmission security (164.312(e)): the live connector offers TLS 1.2 and 1.3 with AEAD suites only (checked with
 * the openssl client, which can still offer the old protocols), sends HSTS and the security headers, and does not
 * answer plain HTTP.
 */
public abstract class TlsIntegrationTests extends ServerTest {

    private record Handshake(boolean established, String output) {
    }

    private Handshake openssl(String... options) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect",
                "localhost:" + port, "-servername", "localhost"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean established = process.exitValue() == 0 && output.contains("Cipher is ")
                && !output.contains("Cipher is (NONE)");
        return new Handshake(established, output);
    }

    @Test
    void clientOfferingOnlyTls11_isRefused() throws Exception {
        Handshake tls11 = openssl("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
        assertThat(tls11.established()).as(tls11.output()).isFalse();
        Handshake tls10 = openssl("-tls1", "-cipher", "DEFAULT@SECLEVEL=0");
        assertThat(tls10.established()).as(tls10.output()).isFalse();
    }

    @Test
    void nonAeadCipherSuiteOverTls12_isRefused() throws Exception {
        Handshake cbc = openssl("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES256-SHA");
        assertThat(cbc.established()).as(cbc.output()).isFalse();
    }

    @Test
    void tls12WithAeadAndTls13AreAccepted() throws Exception {
        Handshake gcm = openssl("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256");
        assertThat(gcm.established()).as(gcm.output()).isTrue();
        assertThat(gcm.output()).contains("ECDHE-ECDSA-AES128-GCM-SHA256");
        Handshake tls13 = openssl("-tls1_3");
        assertThat(tls13.established()).as(tls13.output()).isTrue();
        assertThat(tls13.output()).contains("TLSv1.3");
    }

    @Test
    void responsesCarryHstsAndSecurityHeaders() {
        for (String path : List.of("/api/ping", "/actuator/health", "/api/users")) {
            Api.Response response = client().get(path);
            assertThat(response.header("Strict-Transport-Security")).as(path).contains("max-age=31536000")
                    .contains("includeSubDomains");
            assertThat(response.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'")
                    .contains("default-src 'self'");
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(response.header("Cache-Control")).as(path).contains("no-store");
        }
    }

    @Test
    void plainHttpGetsNoData_isRefused() throws Exception {
        HttpClient plain = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ping")).build();
        try {
            HttpResponse<String> response = plain.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("caller");
        } catch (IOException refused) {
            // The TLS connector may also just close the connection: equally no data.
            assertThat(refused).isNotNull();
        }
    }

    @Test
    void selfSignedCertificateCoversLocalhostAndItsKeyIsPrivate() throws Exception {
        var permissions = java.nio.file.Files.getPosixFilePermissions(storage.dataDir().resolve("tls/server.key"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(permissions)).isEqualTo("rw-------");
        assertThat(operator.lines()).anyMatch(line -> line.matches("TLS certificate SHA-256 fingerprint: "
                + "([0-9A-F]{2}:){31}[0-9A-F]{2}"));
    }
}

@OnDatabase(Database.SQLITE)
class SqliteTlsIntegrationTests extends TlsIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresTlsIntegrationTests extends TlsIntegrationTests {
}
