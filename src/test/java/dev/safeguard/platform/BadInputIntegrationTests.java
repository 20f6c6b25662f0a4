package dev.safeguard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx problem document, never a 500 or a stack trace, and changes nothing. */
public abstract class BadInputIntegrationTests extends ServerTest {

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).startsWith("urn:safeguard:problem:");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SQL");
    }

    private Map<String, Object> user(String username) {
        return Api.map("username", username, "displayName", "Someone", "password", "a fine passphrase",
                "roles", List.of("staff"));
    }

    @Test
    void malformedJson_isRefused() {
        Api officer = asOfficer();
        long users = count("users");
        assertProblem(officer.post("/api/users", "{\"username\": \"broken\""), 400);
        assertProblem(officer.post("/api/users", "[1, 2, 3]"), 400);
        assertProblem(officer.post("/api/users", "{\"username\": \"x\"} trailing"), 400);
        assertProblem(officer.post("/api/auth/login", ""), 400);
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void unknownFields_areRefused() {
        Api officer = asOfficer();
        long users = count("users");
        Map<String, Object> body = user("unknownfield");
        body.put("isAdmin", true);
        Api.Response refused = officer.post("/api/users", body);
        assertProblem(refused, 400);
        assertThat(refused.text("detail")).contains("isAdmin");
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void bodiesOverOneMebibyte_areRefused() {
        Api officer = asOfficer();
        long users = count("users");
        String huge = "{\"username\": \"big\", \"displayName\": \"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(officer.post("/api/users", huge), 413);
        // Without Content-Length (chunked), the limit applies while reading.
        HttpRequest.Builder chunked = officer.request("/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertProblem(officer.send(chunked), 413);
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void invalidUsernames_areRefused() {
        Api officer = asOfficer();
        long users = count("users");
        for (String username : List.of("", "ab", "UPPER", "with space", "../etc/passwd", "a".repeat(65),
                "ünïcode", "-leadingdash", "semi;colon", "x\u0000y")) {
            assertProblem(officer.post("/api/users", user(username)), 400);
        }
        assertProblem(client().post("/api/setup", Api.map("token", "t", "username", "Bad Name",
                "password", "a fine passphrase")), 400);
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void weakPasswords_areRefusedWithoutEchoingThem() {
        Api officer = asOfficer();
        long users = count("users");
        for (String password : List.of("short", "password123", "qwertyuiop", "1234567890")) {
            Map<String, Object> body = user("weak" + Math.abs(password.hashCode()));
            body.put("password", password);
            Api.Response refused = officer.post("/api/users", body);
            assertProblem(refused, 400);
            assertThat(refused.body()).doesNotContain(password);
        }
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void missingFieldsWrongTypesAndUnknownRoles_areRefused() {
        Api officer = asOfficer();
        long users = count("users");
        assertProblem(officer.post("/api/users", Api.map("username", "nofields")), 400);
        Map<String, Object> wrongType = user("wrongtype");
        wrongType.put("roles", "staff");
        assertProblem(officer.post("/api/users", wrongType), 400);
        Map<String, Object> unknownRole = user("unknownrole");
        unknownRole.put("roles", List.of("superuser"));
        assertProblem(officer.post("/api/users", unknownRole), 400);
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void wrongMediaTypeMethodAndPath_areRefused() {
        Api officer = asOfficer();
        assertProblem(officer.send(officer.request("/api/users").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))), 415);
        assertProblem(officer.send(officer.request("/api/users").method("PATCH",
                HttpRequest.BodyPublishers.noBody())), 405);
        assertProblem(officer.get("/api/no-such-thing"), 404);
        assertProblem(officer.get("/api/users/not-a-user"), 404);
    }
}

@OnDatabase(Database.SQLITE)
class SqliteBadInputIntegrationTests extends BadInputIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresBadInputIntegrationTests extends BadInputIntegrationTests {
}
