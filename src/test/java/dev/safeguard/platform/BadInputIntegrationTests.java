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
    void datesOutsideTheYears0001To9999_areRefusedInBodiesAndParameters() {
        Api officer = asOfficer();
        SignedIn clinician = newUser("clinician");
        long assignments = count("care_team_assignments");
        // Read as given, this end's epoch milliseconds would overflow where the assignment is stored.
        Api.Response far = officer.post("/api/care-team", Api.map("userId", clinician.id(),
                "patientId", "no-such-patient", "endsAt", "+300000000-01-01T00:00:00Z"));
        assertProblem(far, 400);
        assertThat(far.text("detail")).isEqualTo(dev.safeguard.shared.DateRange.DETAIL);
        assertThat(count("care_team_assignments")).isEqualTo(assignments);
        Api.Response parameter = officer.get("/api/program/training/reports/current"
                + "?from=-300000000-01-01T00:00:00Z&to=-300000000-06-01T00:00:00Z");
        assertProblem(parameter, 400);
        assertThat(parameter.text("detail")).contains("from").contains("0001 to 9999");
        java.time.Instant now = clock.instant();
        String from = now.minus(java.time.Duration.ofDays(30)).toString();
        String to = java.time.OffsetDateTime.ofInstant(now.minusSeconds(60), java.time.ZoneOffset.ofHours(1))
                .toString().replace("+", "%2B");
        Api.Response inRange = officer.get("/api/program/training/reports/current?from=" + from + "&to=" + to);
        assertThat(inRange.status()).as(inRange.toString()).isEqualTo(200);
    }

    @Test
    void nulInAQueryParameter_isRefused() {
        Api officer = asOfficer();
        Api.Response nul = officer.get("/api/program/baas?vendorId=%00");
        assertProblem(nul, 400);
        Api.Response unknown = officer.get("/api/program/baas?vendorId=x");
        assertThat(unknown.status()).as("the same request without NUL reaches the API").isEqualTo(404);
        assertProblem(officer.get("/api/users?q=a%00b"), 400);
    }

    @Test
    void nullListElements_areRefused() {
        Api officer = asOfficer();
        SignedIn clinician = newUser("clinician");
        long members = count("program_workforce_members");
        java.util.List<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        Map<String, Object> member = Api.map("name", "Null List", "jobTitle", "Nurse", "hireDate", "2026-01-05");
        member.put("userIds", withNull);
        assertProblem(officer.post("/api/program/workforce", member), 400);
        assertThat(count("program_workforce_members")).isEqualTo(members);
        Map<String, Object> decision = Api.map("decision", "modify", "comment", "fewer scopes");
        decision.put("scopes", withNull);
        Api.Response refused = clinician.api().post("/api/me/access-reviews/no-such-item/decision", decision);
        assertProblem(refused, 400);
        assertThat(refused.text("detail")).contains("scopes");
    }

    @Test
    void stateCountsThatOverflowTheirSum_areRefused() {
        Api officer = asOfficer();
        Api.Response incident = officer.post("/api/program/incidents", Api.map("title", "Misdirected fax",
                "description", "A synthetic test incident", "category", "wrong-recipient"));
        assertThat(incident.status()).as(incident.toString()).isEqualTo(201);
        String id = incident.text("id");
        long counts = count("program_incident_affected");
        Api.Response refused = officer.post("/api/program/incidents/" + id + "/affected-patients/officer-count",
                Api.map("total", 10, "byState", Map.of("CA", Long.MAX_VALUE, "NY", Long.MAX_VALUE),
                        "notes", "Counted from the fax log"));
        assertProblem(refused, 400);
        assertThat(count("program_incident_affected")).isEqualTo(counts);
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
