package dev.safeguard.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Search through blind indexes: exact, prefix and date-range matches without any search value stored in clear. */
public abstract class FhirSearchIntegrationTests extends ServerTest {

    private Api reader;
    private Api other;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private String jose;
    private String jane;
    private String pulse;

    @BeforeAll
    void data() {
        Api writer = client().bearer(key("system/*.read", "system/*.write"));
        reader = client().bearer(key("system/*.read"));
        other = client().bearer(key("system/*.read"));
        jose = create(writer, Api.map("resourceType", "Patient",
                "identifier", List.of(Api.map("system", "urn:mrn:" + tag, "value", "MRN-1")),
                "name", List.of(Api.map("family", "Núñez" + tag, "given", List.of("José"))),
                "gender", "female", "birthDate", "1970-01-31"));
        jane = create(writer, Api.map("resourceType", "Patient",
                "name", List.of(Api.map("family", "Smith" + tag, "given", List.of("Jane"))),
                "gender", "male", "birthDate", "1985-06-15"));
        pulse = create(writer, Api.map("resourceType", "Observation", "status", "final",
                "code", Api.map("coding", List.of(Api.map("system", "http://loinc.org", "code", "8867-4"))),
                "subject", Api.map("reference", "Patient/" + jose), "effectiveDateTime", "2020-05-17T10:00:00Z"));
        for (int i = 0; i < 3; i++) {
            create(writer, Api.map("resourceType", "Observation", "status", "final",
                    "code", Api.map("text", "page " + i), "subject", Api.map("reference", "Patient/" + jane)));
        }
    }

    private String key(String... scopes) {
        return asOfficer().post("/api/service-clients", Api.map("name", "search " + UUID.randomUUID(),
                "scopes", List.of(scopes), "expiresInDays", 30)).text("apiKey");
    }

    private static String create(Api api, Map<String, Object> resource) {
        Api.Response created = api.send(api.request("/fhir/" + resource.get("resourceType"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(resource))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private List<String> ids(String query) {
        Api.Response response = reader.get(query);
        assertThat(response.status()).as(query + " " + response).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JsonNode entries = response.json().get("entry");
        if (entries != null) {
            entries.forEach(e -> ids.add(e.get("resource").get("id").asString()));
        }
        return ids;
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void stringsMatchByPrefixIgnoringCaseAndAccents() {
        assertThat(ids("/fhir/Patient?family=" + q("nunez" + tag))).containsExactly(jose);
        assertThat(ids("/fhir/Patient?family=" + q("NÚÑ"))).contains(jose).doesNotContain(jane);
        assertThat(ids("/fhir/Patient?name=" + q("jose") + "&family=" + q("nunez" + tag))).containsExactly(jose);
        assertThat(ids("/fhir/Patient?given=jane&family=" + q("smith" + tag))).containsExactly(jane);
        assertThat(ids("/fhir/Patient?family=" + q("smith" + tag) + "&gender=female")).isEmpty();
    }

    @Test
    void identifiersCodesAndReferencesMatchExactly() {
        assertThat(ids("/fhir/Patient?identifier=" + q("urn:mrn:" + tag + "|MRN-1"))).containsExactly(jose);
        assertThat(ids("/fhir/Patient?identifier=" + q("urn:mrn:other|MRN-1"))).isEmpty();
        assertThat(ids("/fhir/Observation?patient=Patient/" + jose + "&code=" + q("http://loinc.org|8867-4")))
                .containsExactly(pulse);
        assertThat(ids("/fhir/Observation?subject=" + jose + "&code=8867-4")).containsExactly(pulse);
        assertThat(ids("/fhir/Observation?patient=Patient/" + jane)).hasSize(3);
        assertThat(ids("/fhir/Patient?_id=" + jose + "," + jane)).containsExactlyInAnyOrder(jose, jane);
    }

    @Test
    void datesMatchByPrecisionAndRange() {
        String family = "&family=" + q("nunez" + tag) + "," + q("smith" + tag);
        assertThat(ids("/fhir/Patient?birthdate=1970" + family)).containsExactly(jose);
        assertThat(ids("/fhir/Patient?birthdate=1970-01-31" + family)).containsExactly(jose);
        assertThat(ids("/fhir/Patient?birthdate=1970-02" + family)).isEmpty();
        assertThat(ids("/fhir/Patient?birthdate=ge1980-01-01" + family)).containsExactly(jane);
        assertThat(ids("/fhir/Patient?birthdate=lt1980" + family)).containsExactly(jose);
        assertThat(ids("/fhir/Patient?birthdate=gt1970-01-30&birthdate=le1985-06-15" + family))
                .containsExactlyInAnyOrder(jose, jane);
        assertThat(ids("/fhir/Observation?patient=" + jose + "&date=2020-05")).containsExactly(pulse);
        assertThat(ids("/fhir/Observation?patient=" + jose + "&date=ge2021")).isEmpty();
        assertThat(ids("/fhir/Patient?_id=" + jose + "&_lastUpdated=ge2000-01-01")).containsExactly(jose);
    }

    @Test
    void resultsArePagedAndPagesBelongToTheSearcher() {
        Api.Response first = reader.get("/fhir/Observation?patient=" + jane + "&_count=2");
        assertThat(first.json().get("total").asInt()).isEqualTo(3);
        assertThat(first.json().get("entry").size()).isEqualTo(2);
        String next = null;
        for (JsonNode link : first.json().get("link")) {
            if (link.get("relation").asString().equals("next")) {
                next = link.get("url").asString();
            }
        }
        assertThat(next).isNotNull();
        String path = next.substring(next.indexOf("/fhir"));
        assertThat(other.get(path).status()).isEqualTo(403);
        Api.Response second = reader.get(path);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("entry").size()).isEqualTo(1);
    }

    @Test
    void searchesAreAuditedPerPatientWhoseDataWasReturned() {
        Api.Response response = reader.get("/fhir/Observation?patient=" + jose);
        List<Map<String, Object>> events = jdbc.sql("SELECT * FROM audit_events WHERE request_id = ?")
                .param(response.header("X-Request-Id")).query().listOfRows();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("subtype")).isEqualTo("fhir search-type Observation");
        assertThat(events.get(0).get("patient_pseudonym")).isNotNull();
        assertThat(((Number) events.get(0).get("result_count")).intValue()).isEqualTo(1);
        assertThat(events.get(0).get("query_pseudonym")).isNotNull();
    }

    @Test
    void unsupportedOrMalformedSearchesGet400() {
        for (String query : List.of("/fhir/Patient?foo=bar", "/fhir/Patient?family:exact=x",
                "/fhir/Patient?birthdate=1970-13-01", "/fhir/Patient?birthdate=sometime", "/fhir/Patient?_count=1000",
                "/fhir/Organization?code=x", "/fhir/Patient?family=", "/fhir/Observation?patient=Organization/1",
                "/fhir/Patient?_lastUpdated=yesterday")) {
            Api.Response response = reader.get(query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        }
    }

    @Test
    void theCapabilityStatementListsEachTypesSearchParameters() {
        JsonNode rest = reader.get("/fhir/metadata").json().get("rest").get(0);
        Map<String, List<String>> params = new java.util.HashMap<>();
        rest.get("resource").forEach(r -> {
            List<String> names = new ArrayList<>();
            if (r.get("searchParam") != null) {
                r.get("searchParam").forEach(p -> names.add(p.get("name").asString()));
            }
            params.put(r.get("type").asString(), names);
        });
        assertThat(params.get("Patient")).contains("name", "family", "given", "birthdate", "gender", "identifier");
        assertThat(params.get("Observation")).contains("code", "date", "patient", "subject").doesNotContain("name");
        assertThat(params.get("Organization")).contains("identifier").doesNotContain("code", "patient");
    }
}

@OnDatabase(Database.SQLITE)
class SqliteFhirSearchIntegrationTests extends FhirSearchIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresFhirSearchIntegrationTests extends FhirSearchIntegrationTests {
}
