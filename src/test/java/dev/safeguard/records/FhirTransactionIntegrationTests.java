package dev.safeguard.records;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.impl.client.HttpClients;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Transaction and batch Bundles as loaders send them (Synthea's patient histories from ../shared/fixtures), and a
 * real FHIR client (HAPI's generic client) over HTTPS.
 */
public abstract class FhirTransactionIntegrationTests extends ServerTest {

    static final Path SYNTHEA = Path.of("..", "shared", "fixtures", "fhir", "synthea");

    private Api writer;
    private String apiKey;

    @BeforeAll
    void serviceClient() {
        Api.Response created = asOfficer().post("/api/service-clients", Api.map("name", "loader",
                "scopes", List.of("system/*.read", "system/*.write"), "expiresInDays", 30));
        apiKey = created.text("apiKey");
        writer = client().bearer(apiKey);
    }

    private Api.Response post(String bundle) {
        return writer.send(writer.request("/fhir").header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(bundle)));
    }

    @Test
    void aSyntheaPatientHistoryLoadsWithEveryUrnUuidReferenceRewritten() throws Exception {
        String bundle = Files.readString(SYNTHEA.resolve("patient-01.json"));
        int entries = Api.JSON.readTree(bundle).get("entry").size();
        long before = count("fhir_versions");
        Api.Response response = post(bundle);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("type").asString()).isEqualTo("transaction-response");
        assertThat(result.get("entry").size()).isEqualTo(entries);
        result.get("entry").forEach(e -> assertThat(e.get("response").get("status").asString()).startsWith("201"));
        assertThat(count("fhir_versions")).isEqualTo(before + entries);

        String patientLocation = null;
        String observationLocation = null;
        for (JsonNode e : result.get("entry")) {
            String location = e.get("response").get("location").asString();
            if (location.startsWith("Patient/") && patientLocation == null) {
                patientLocation = location.substring(0, location.indexOf("/_history"));
            }
            if (location.startsWith("Observation/") && observationLocation == null) {
                observationLocation = location.substring(0, location.indexOf("/_history"));
            }
        }
        JsonNode observation = writer.get("/fhir/" + observationLocation).json();
        assertThat(observation.get("subject").get("reference").asString()).isEqualTo(patientLocation);
        assertThat(observation.get("encounter").get("reference").asString()).startsWith("Encounter/")
                .doesNotContain("urn:uuid");
        assertThat(writer.get("/fhir/" + observation.get("encounter").get("reference").asString()).status())
                .isEqualTo(200);
        // Each entry's audit event names its patient (as a pseudonym) and is one of the transaction's request.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE request_id = ? AND subtype LIKE "
                + "'fhir transaction create %'").param(response.header("X-Request-Id")).query(Long.class).single())
                .isEqualTo(entries);
    }

    @Test
    void currentSyntheaOutputLoadsThroughConditionalCreatesAndConditionalReferences() throws Exception {
        Path conditional = SYNTHEA.resolveSibling("synthea-conditional");
        for (String prereq : List.of("hospitalInformation.json", "practitionerInformation.json")) {
            Api.Response loaded = post(Files.readString(conditional.resolve("prereq").resolve(prereq)));
            assertThat(loaded.status()).as(prereq + " " + loaded).isEqualTo(200);
            // 201, or 200 where another test of this class already stored an organization with that identifier.
            List<String> statuses = new java.util.ArrayList<>();
            loaded.json().get("entry").forEach(e -> statuses.add(e.get("response").get("status").asString()));
            assertThat(statuses).as(prereq).allMatch(st -> st.startsWith("201") || st.startsWith("200"));
            assertThat(statuses.stream().filter(st -> st.startsWith("201")).count()).as(prereq)
                    .isGreaterThan(statuses.size() / 2);
        }
        // Loading a prerequisite again creates nothing: every conditional create matches what exists.
        long versions = count("fhir_versions");
        Api.Response again = post(Files.readString(conditional.resolve("prereq").resolve("hospitalInformation.json")));
        again.json().get("entry").forEach(e -> assertThat(e.get("response").get("status").asString())
                .startsWith("200"));
        assertThat(count("fhir_versions")).isEqualTo(versions);

        String bundle = Files.readString(conditional.resolve("patient-01.json"));
        Api.Response patient = post(bundle);
        assertThat(patient.status()).as(patient.toString()).isEqualTo(200);
        String encounter = null;
        for (JsonNode e : patient.json().get("entry")) {
            String location = e.get("response").get("location").asString();
            if (location.startsWith("Encounter/")) {
                encounter = location.substring(0, location.indexOf("/_history"));
                break;
            }
        }
        JsonNode read = writer.get("/fhir/" + encounter).json();
        String practitioner = read.get("participant").get(0).get("individual").get("reference").asString();
        assertThat(practitioner).startsWith("Practitioner/").doesNotContain("?");
        assertThat(writer.get("/fhir/" + practitioner).json().get("identifier").get(0).get("system").asString())
                .isEqualTo("http://hl7.org/fhir/sid/us-npi");
        assertThat(read.get("serviceProvider").get("reference").asString()).startsWith("Organization/");
    }

    @Test
    void aConditionalReferenceMatchingNothingFailsTheTransaction() {
        Map<String, Object> bundle = Api.map("resourceType", "Bundle", "type", "transaction", "entry", List.of(
                Api.map("resource", Api.map("resourceType", "Observation", "status", "final",
                        "code", Api.map("text", "x"), "performer", List.of(Api.map("reference",
                                "Practitioner?identifier=urn:none|" + UUID.randomUUID()))),
                        "request", Api.map("method", "POST", "url", "Observation"))));
        long versions = count("fhir_versions");
        assertThat(post(Api.JSON.writeValueAsString(bundle)).status()).isEqualTo(412);
        assertThat(count("fhir_versions")).isEqualTo(versions);
    }

    @Test
    void aTransactionWithOneInvalidEntryStoresNothing() {
        String patientUrn = "urn:uuid:" + UUID.randomUUID();
        Map<String, Object> bundle = Api.map("resourceType", "Bundle", "type", "transaction", "entry", List.of(
                Api.map("fullUrl", patientUrn, "resource", Api.map("resourceType", "Patient", "gender", "female"),
                        "request", Api.map("method", "POST", "url", "Patient")),
                Api.map("resource", Api.map("resourceType", "Observation", "status", "final",
                        "code", Api.map("text", "x"), "subject", Api.map("reference", patientUrn)),
                        "request", Api.map("method", "POST", "url", "Observation")),
                Api.map("resource", Api.map("resourceType", "Observation", "status", "final",
                        "code", Api.map("text", "x"), "subject", Api.map("reference", "urn:uuid:" + UUID.randomUUID())),
                        "request", Api.map("method", "POST", "url", "Observation"))));
        long versions = count("fhir_versions");
        long events = count("audit_events");
        Api.Response response = post(Api.JSON.writeValueAsString(bundle));
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(count("fhir_versions")).isEqualTo(versions);
        assertThat(count("audit_events")).isEqualTo(events + 1); // the refused request itself

        // A failure while writing (a stale If-Match on the last entry) rolls back the entries written before it.
        String id = writer.send(writer.request("/fhir/Patient").header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\"}"))).json().get("id")
                .asString();
        Map<String, Object> stale = Api.map("resourceType", "Bundle", "type", "transaction", "entry", List.of(
                Api.map("resource", Api.map("resourceType", "Patient", "gender", "male"),
                        "request", Api.map("method", "POST", "url", "Patient")),
                Api.map("resource", Api.map("resourceType", "Patient", "id", id, "gender", "male"),
                        "request", Api.map("method", "PUT", "url", "Patient/" + id, "ifMatch", "W/\"7\""))));
        long beforeStale = count("fhir_versions");
        assertThat(post(Api.JSON.writeValueAsString(stale)).status()).isEqualTo(412);
        assertThat(count("fhir_versions")).isEqualTo(beforeStale);
    }

    @Test
    void aBatchRunsEachEntryOnItsOwn() {
        Map<String, Object> bundle = Api.map("resourceType", "Bundle", "type", "batch", "entry", List.of(
                Api.map("resource", Api.map("resourceType", "Patient", "gender", "female"),
                        "request", Api.map("method", "POST", "url", "Patient")),
                Api.map("request", Api.map("method", "GET", "url", "Patient/" + UUID.randomUUID())),
                Api.map("resource", Api.map("resourceType", "Patient", "gender", "other"),
                        "request", Api.map("method", "POST", "url", "Patient?identifier=x"))));
        Api.Response response = post(Api.JSON.writeValueAsString(bundle));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode entries = response.json().get("entry");
        assertThat(entries.get(0).get("response").get("status").asString()).startsWith("201");
        assertThat(entries.get(1).get("response").get("status").asString()).startsWith("404");
        assertThat(entries.get(2).get("response").get("status").asString()).startsWith("422");
    }

    @Test
    void hapisGenericClientCreatesReadsAndPostsATransactionOverHttps() throws Exception {
        FhirContext context = FhirContext.forR4();
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        context.getRestfulClientFactory().setHttpClient(HttpClients.custom()
                .setSSLContext(Api.trusting(certificate())).build());
        IGenericClient fhir = context.newRestfulGenericClient(base().resolve("/fhir").toString());
        fhir.registerInterceptor(new BearerTokenAuthInterceptor(apiKey));

        Patient patient = new Patient();
        patient.addName().setFamily("Generic").addGiven("Client");
        var created = fhir.create().resource(patient).execute();
        assertThat(created.getCreated()).isTrue();
        Patient read = fhir.read().resource(Patient.class).withId(created.getId().getIdPart()).execute();
        assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Generic");
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");

        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().setText("heart rate");
        observation.getSubject().setReference("Patient/" + created.getId().getIdPart());
        transaction.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Observation");
        Bundle response = fhir.transaction().withBundle(transaction).execute();
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntryFirstRep().getResponse().getStatus()).startsWith("201");
        assertThat(fhir.capabilities().ofType(org.hl7.fhir.r4.model.CapabilityStatement.class).execute()
                .getRestFirstRep().getResource()).isNotEmpty();
    }
}

@OnDatabase(Database.SQLITE)
class SqliteFhirTransactionIntegrationTests extends FhirTransactionIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresFhirTransactionIntegrationTests extends FhirTransactionIntegrationTests {
}
