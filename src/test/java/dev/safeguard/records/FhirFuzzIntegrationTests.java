package dev.safeguard.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 1,000 malformed or hostile FHIR payloads from a seeded generator (the seed is in every failure message; rerun with
 * {@code -Dfuzz.seed=<seed>}): each gets 400 or 422 with an OperationOutcome, never a 500, and nothing is stored.
 */
public abstract class FhirFuzzIntegrationTests extends ServerTest {

    static final int PAYLOADS = 1000;
    static final String VALID = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Fuzz\",\"given\":[\"Test\"]}],"
            + "\"gender\":\"female\",\"birthDate\":\"1970-01-01\",\"identifier\":[{\"system\":\"urn:x\",\"value\":\"1\"}]}";

    @Test
    void hostilePayloadsGetAClearErrorAndStoreNothing() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        Api writer = client().bearer(asOfficer().post("/api/service-clients", Api.map("name", "fuzzer "
                + UUID.randomUUID(), "scopes", List.of("system/*.read", "system/*.write"), "expiresInDays", 30))
                .text("apiKey"));
        long stored = count("fhir_versions");
        for (int i = 0; i < PAYLOADS; i++) {
            String[] payload = payload(random);
            String path = payload[0];
            String body = payload[1];
            String method = payload.length > 2 ? payload[2] : "POST";
            HttpRequest.Builder request = writer.request(path).header("Content-Type", "application/fhir+json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            Api.Response response = writer.send(request);
            String what = "seed " + seed + ", payload " + i + " (" + method + " " + path + "): "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
            assertThat(response.status()).as(what + " → " + response.body()).isIn(400, 422);
            assertThat(response.json().get("resourceType").asString()).as(what).isEqualTo("OperationOutcome");
            assertThat(response.body()).as(what).doesNotContain("Exception", "\tat ");
        }
        assertThat(count("fhir_versions")).as("seed " + seed).isEqualTo(stored);
    }

    /** {path, body[, method]} of one payload that no FHIR server may accept. */
    private static String[] payload(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> new String[] {"/fhir/Patient", VALID.substring(0, 1 + random.nextInt(VALID.length() - 2))};
            case 1 -> new String[] {"/fhir/Patient", VALID.replace("\"female\"", wrongType(random))};
            case 2 -> new String[] {"/fhir/Patient", VALID.replace("1970-01-01", badDate(random))};
            case 3 -> new String[] {"/fhir/Patient", nested(random.nextInt(2) == 0 ? 2_000 : 20_000)};
            case 4 -> new String[] {"/fhir/Patient", "{\"resourceType\":\"" + "P".repeat(1 + random.nextInt(200_000))
                    + "\"}"};
            case 5 -> new String[] {"/fhir/Patient", VALID.replace("\"gender\"", "\"" + identifier(random) + "\"")};
            case 6 -> new String[] {"/fhir/Observation", "{\"resourceType\":\"Observation\",\"status\":\"final\","
                    + "\"code\":{\"text\":\"x\"},\"subject\":" + badReference(random) + "}"};
            case 7 -> new String[] {"/fhir/Observation", VALID};
            case 8 -> new String[] {"/fhir/Patient", mutate(VALID, random)};
            case 9 -> new String[] {"/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{"
                    + "\"resource\":" + VALID + ",\"request\":{\"method\":\"" + (random.nextBoolean() ? "PATCH" : "HEAD")
                    + "\",\"url\":\"Patient\"}}]}"};
            case 10 -> new String[] {"/fhir/Patient/" + UUID.randomUUID(), VALID.replace("{", "{\"id\":\"other\","),
                "PUT"};
            default -> new String[] {"/fhir/Patient", random.nextBoolean() ? "[" + VALID + "]"
                    : "{\"resourceType\":\"Patient\",\"name\":[{\"family\":" + "[".repeat(50) + "]".repeat(50) + "}]}"};
        };
    }

    private static String wrongType(Random random) {
        return List.of("123", "true", "[\"female\"]", "{\"value\":\"female\"}", "null", "\"\"", "\"unknown-gender\"")
                .get(random.nextInt(7));
    }

    private static String badDate(Random random) {
        return List.of("1970-13-45", "yesterday", "2020-02-30T25:61:00Z", "70-01-01", "1970/01/01", "",
                "1970-01-01T10:00:00", "+1970-01-01", "1970-1-1").get(random.nextInt(9));
    }

    private static String identifier(Random random) {
        StringBuilder name = new StringBuilder("x");
        for (int i = 0; i < 1 + random.nextInt(30); i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    private static String badReference(Random random) {
        return List.of("\"Patient/1\"", "{\"reference\":42}", "{\"reference\":[\"Patient/1\"]}",
                "[{\"reference\":\"Patient/1\"}]", "{\"reference\":\"Patient/1\",\"bogus\":true}",
                "{\"reference\":{\"id\":\"1\"}}").get(random.nextInt(6));
    }

    private static String nested(int depth) {
        String open = "{\"url\":\"http://x\",\"extension\":[";
        return "{\"resourceType\":\"Patient\",\"extension\":[" + open.repeat(depth) + "{\"url\":\"http://y\","
                + "\"valueString\":\"z\"}" + "]}".repeat(depth) + "]}";
    }

    /**
     * Breaks the JSON's syntax: a control byte (never allowed raw), a stray brace plus trailing garbage, an
     * unbalanced quote, or commas right after an opening brace.
     */
    private static String mutate(String json, Random random) {
        int at = 1 + random.nextInt(json.length() - 2);
        return switch (random.nextInt(4)) {
            case 0 -> json.substring(0, at) + "\u0001" + json.substring(at);
            case 1 -> json.substring(0, at) + "}" + json.substring(at) + "garbage";
            case 2 -> json.replaceFirst("\"", "") + "\"";
            default -> {
                int brace = json.indexOf('{', at) < 0 ? 0 : json.indexOf('{', at);
                yield json.substring(0, brace + 1) + ",," + json.substring(brace + 1);
            }
        };
    }
}

@OnDatabase(Database.SQLITE)
class SqliteFhirFuzzIntegrationTests extends FhirFuzzIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresFhirFuzzIntegrationTests extends FhirFuzzIntegrationTests {
}
