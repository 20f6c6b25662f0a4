package dev.safeguard.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Access to patient records over HTTPS: care-team assignments with start and end dates, staff limited to
 * demographics and scheduling, auditors and compliance officers kept out, SMART-style scopes and patient allow-lists
 * for service clients, searches that return only what the caller may see, and break-glass with re-authentication,
 * ETREAT audit, alerts, expiry and review. Every refusal is audited with its patient.
 */
public abstract class AccessControlIntegrationTests extends ServerTest {

    @Autowired
    BreakGlass breakGlass;

    private Api loader;
    private String alice;
    private String bob;
    private String aliceObservation;
    private String bobObservation;

    @BeforeAll
    void patients() {
        loader = client().bearer(apiKey(List.of("system/*.read", "system/*.write"), List.of()));
        alice = created(create(loader, patient("Alice")));
        bob = created(create(loader, patient("Bob")));
        aliceObservation = created(create(loader, observation(alice)));
        bobObservation = created(create(loader, observation(bob)));
    }

    @Test
    void aClinicianReachesOnlyThePatientsOfTheirCareTeamWhileTheAssignmentLasts() {
        SignedIn clinician = newUser("clinician");
        Api.Response denied = clinician.api().get("/fhir/Patient/" + alice);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("Content-Type")).contains("fhir+json");
        assertDenialAudited(denied, "Patient");

        Instant start = clock.instant().plus(Duration.ofMinutes(10));
        Api.Response assigned = asOfficer().post("/api/care-team", Api.map("userId", clinician.id(),
                "patientId", alice, "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        assertThat(assigned.text("state")).isEqualTo("scheduled");
        assertThat(clinician.api().get("/fhir/Patient/" + alice).status()).isEqualTo(403);

        clock.advance(Duration.ofMinutes(11));
        Api api = signIn(clinician);
        assertThat(api.get("/fhir/Patient/" + alice).status()).isEqualTo(200);
        assertThat(api.get("/fhir/Observation/" + aliceObservation).status()).isEqualTo(200);
        assertThat(api.get("/fhir/Observation/" + bobObservation).status()).isEqualTo(403);
        assertThat(api.get("/fhir/Patient/" + bob).status()).isEqualTo(403);
        // Writes follow the same rule, and a refused write stores nothing.
        long versions = count("fhir_versions");
        assertThat(create(api, observation(alice)).status()).isEqualTo(201);
        Api.Response refused = create(api, observation(bob));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(count("fhir_versions")).isEqualTo(versions + 1);
        // Moving Alice's observation to Bob is refused too.
        JsonNode observation = api.get("/fhir/Observation/" + aliceObservation).json();
        Map<String, Object> moved = observation(bob);
        moved.put("id", aliceObservation);
        assertThat(put(api, "/fhir/Observation/" + aliceObservation, moved).status()).isEqualTo(403);
        assertThat(observation.get("meta").get("versionId").asString())
                .isEqualTo(api.get("/fhir/Observation/" + aliceObservation).json().get("meta").get("versionId")
                        .asString());
        // Searches return only the care team's patients, whatever is asked.
        assertThat(ids(api.get("/fhir/Observation?code=http://loinc.org%7C8867-4&_count=100")))
                .contains(aliceObservation).doesNotContain(bobObservation);
        assertThat(ids(api.get("/fhir/Observation?patient=Patient/" + bob))).isEmpty();
        assertThat(ids(api.get("/fhir/Patient?_count=100"))).containsExactly(alice);

        clock.advance(Duration.ofMinutes(60));
        Api expired = signIn(clinician);
        assertThat(expired.get("/fhir/Patient/" + alice).status()).isEqualTo(403);
        assertThat(ids(expired.get("/fhir/Patient?_count=100"))).isEmpty();
    }

    @Test
    void endingAnAssignmentRevokesAccessAtOnceAndOnlyOfficersManageAssignments() {
        SignedIn clinician = newUser("clinician");
        Api officer = asOfficer();
        String id = officer.post("/api/care-team", Api.map("userId", clinician.id(), "patientId", bob)).text("id");
        assertThat(clinician.api().get("/fhir/Patient/" + bob).status()).isEqualTo(200);
        assertThat(clinician.api().get("/api/care-team/mine").json().size()).isEqualTo(1);
        assertThat(clinician.api().post("/api/care-team", Api.map("userId", clinician.id(), "patientId", alice))
                .status()).isEqualTo(403);
        assertThat(clinician.api().post("/api/care-team/" + id + "/end").status()).isEqualTo(403);
        Api.Response ended = officer.post("/api/care-team/" + id + "/end");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.text("state")).isEqualTo("ended");
        assertThat(clinician.api().get("/fhir/Patient/" + bob).status()).isEqualTo(403);

        long before = count("care_team_assignments");
        SignedIn staff = newUser("staff");
        for (Map<String, Object> bad : List.of(Api.map("userId", clinician.id(), "patientId", "no-such-patient"),
                Api.map("userId", staff.id(), "patientId", bob),
                Api.map("userId", "no-such-user", "patientId", bob),
                Api.map("userId", clinician.id(), "patientId", "../etc"),
                Api.map("userId", clinician.id(), "patientId", bob, "endsAt", "2001-01-01T00:00:00Z"),
                Api.map("userId", clinician.id(), "patientId", bob, "startsAt", "yesterday"))) {
            Api.Response r = officer.post("/api/care-team", bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(count("care_team_assignments")).isEqualTo(before);
        List<Map<String, Object>> events = jdbc.sql("SELECT subtype FROM audit_events WHERE type = 'care-team' "
                + "AND entity_id = ? ORDER BY seq").param(id).query().listOfRows();
        assertThat(events).extracting(e -> e.get("subtype")).containsExactly("assign", "end");
    }

    @Test
    void terminatingAClinicianEndsTheirAssignmentsAndGrantsInTheSameAction() {
        SignedIn clinician = newUser("clinician");
        String assignment = asOfficer().post("/api/care-team", Api.map("userId", clinician.id(), "patientId", alice))
                .text("id");
        String grant = clinician.api().post("/api/break-glass", request(bob, "Emergency: patient collapsed in the "
                + "waiting room", null, clinician, nextCode(clinician.totpSecret()))).text("id");
        assertThat(asOfficer().post("/api/users/" + clinician.id() + "/terminate").status()).isEqualTo(200);
        long terminatedAt = jdbc.sql("SELECT terminated_at FROM users WHERE id = ?").param(clinician.id())
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT ended_at FROM care_team_assignments WHERE id = ?").param(assignment)
                .query(Long.class).single()).isEqualTo(terminatedAt);
        assertThat(jdbc.sql("SELECT ended_at FROM break_glass_grants WHERE id = ?").param(grant)
                .query(Long.class).single()).isEqualTo(terminatedAt);
        assertThat(asOfficer().get("/api/care-team?userId=" + clinician.id()).json().get(0).get("state").asString())
                .isEqualTo("ended");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE subtype = 'end-on-termination' AND entity_id IN "
                + "(?, ?)").params(assignment, grant).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void staffReachDemographicsAndSchedulingOnlyAndAuditorsAndOfficersNoPatientRecord() {
        Api staff = newUser("staff").api();
        assertThat(staff.get("/fhir/Patient/" + alice).status()).isEqualTo(200);
        assertThat(ids(staff.get("/fhir/Patient?_count=100"))).contains(alice, bob);
        assertThat(create(staff, patient("Carol")).status()).isEqualTo(201);
        assertThat(staff.get("/fhir/Observation/" + aliceObservation).status()).isEqualTo(403);
        assertThat(staff.get("/fhir/Observation?patient=" + alice).status()).isEqualTo(403);
        assertThat(create(staff, observation(alice)).status()).isEqualTo(403);
        for (String role : List.of("auditor", "compliance-officer", "security-officer")) {
            Api api = newUser(role).api();
            assertThat(api.get("/fhir/Patient/" + alice).status()).as(role).isEqualTo(403);
            assertThat(api.get("/fhir/Patient?_count=100").status()).as(role).isEqualTo(403);
        }
        // A clinician who is also an auditor is still kept out: separation of duties.
        SignedIn both = newUser("clinician", "auditor");
        asOfficer().post("/api/care-team", Api.map("userId", both.id(), "patientId", alice));
        assertThat(both.api().get("/fhir/Patient/" + alice).status()).isEqualTo(403);
    }

    @Test
    void serviceClientsAreHeldToTheirSmartScopesAndPatientAllowList() {
        Api patientReader = client().bearer(apiKey(List.of("patient/*.read"), List.of(alice)));
        assertThat(patientReader.get("/fhir/Patient/" + alice).status()).isEqualTo(200);
        assertThat(patientReader.get("/fhir/Observation/" + aliceObservation).status()).isEqualTo(200);
        Api.Response denied = patientReader.get("/fhir/Observation/" + bobObservation);
        assertThat(denied.status()).isEqualTo(403);
        assertDenialAudited(denied, "Observation");
        assertThat(ids(patientReader.get("/fhir/Observation?code=http://loinc.org%7C8867-4&_count=100")))
                .contains(aliceObservation).doesNotContain(bobObservation);
        assertThat(create(patientReader, observation(alice)).status()).isEqualTo(403);

        Api observationWriter = client().bearer(apiKey(List.of("system/Observation.write"), List.of()));
        assertThat(create(observationWriter, observation(bob)).status()).isEqualTo(201);
        assertThat(create(observationWriter, patient("Dave")).status()).isEqualTo(403);
        assertThat(observationWriter.get("/fhir/Observation/" + bobObservation).status()).isEqualTo(403);
        assertThat(observationWriter.get("/fhir/Observation?patient=" + bob).status()).isEqualTo(403);

        Api.Response noList = asOfficer().post("/api/service-clients", Api.map("name", "no list",
                "scopes", List.of("patient/*.read"), "expiresInDays", 30));
        assertThat(noList.status()).isEqualTo(400);
        for (String scope : List.of("fhir.read", "user/*.read", "system/*.delete", "system/patient.read", "*")) {
            assertThat(asOfficer().post("/api/service-clients", Api.map("name", "bad", "scopes", List.of(scope),
                    "expiresInDays", 30)).status()).as(scope).isEqualTo(400);
        }
    }

    @Test
    void includeAddsThePatientOnceWhenTheCallerMayReadIt() {
        JsonNode bundle = loader.get("/fhir/Observation?patient=" + alice + "&_include=Observation:patient").json();
        List<String> included = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        bundle.get("entry").forEach(e -> (e.has("search") && e.get("search").get("mode").asString().equals("include")
                ? included : matched).add(e.get("resource").get("resourceType").asString() + "/" + e.get("resource").get("id").asString()));
        assertThat(included).containsExactly("Patient/" + alice);
        assertThat(matched).contains("Observation/" + aliceObservation).allMatch(m -> m.startsWith("Observation/"));
        Api observationsOnly = client().bearer(apiKey(List.of("system/Observation.read"), List.of()));
        JsonNode withoutPatient = observationsOnly.get("/fhir/Observation?patient=" + alice
                + "&_include=Observation:patient").json();
        withoutPatient.get("entry").forEach(e -> assertThat(e.get("resource").get("resourceType").asString())
                .isEqualTo("Observation"));
        assertThat(loader.get("/fhir/Observation?_include=Observation:performer").status()).isEqualTo(400);
    }

    @Test
    void typeLevelHistoryListsEveryVersionTheCallerMaySeeAndNoOther() {
        String id = created(create(loader, observation(alice)));
        Map<String, Object> changed = observation(alice);
        changed.put("id", id);
        changed.put("status", "amended");
        assertThat(put(loader, "/fhir/Observation/" + id, changed).status()).isEqualTo(200);
        Api.Response all = loader.get("/fhir/Observation/_history?_count=100");
        assertThat(all.json().get("type").asString()).isEqualTo("history");
        assertThat(versions(all)).contains(id + "/1", id + "/2", bobObservation + "/1");
        clock.advance(Duration.ofSeconds(1));
        String since = clock.instant().toString();
        changed.put("status", "corrected");
        assertThat(put(loader, "/fhir/Observation/" + id, changed).status()).isEqualTo(200);
        assertThat(versions(loader.get("/fhir/Observation/_history?_since=" + since))).containsExactly(id + "/3");

        SignedIn clinician = newUser("clinician");
        asOfficer().post("/api/care-team", Api.map("userId", clinician.id(), "patientId", alice));
        List<String> seen = versions(clinician.api().get("/fhir/Observation/_history"));
        assertThat(seen).contains(id + "/3").noneMatch(v -> v.startsWith(bobObservation + "/"));
        assertThat(newUser("auditor").api().get("/fhir/Observation/_history").status()).isEqualTo(403);
    }

    private static List<String> versions(Api.Response bundle) {
        assertThat(bundle.status()).as(bundle.toString()).isEqualTo(200);
        List<String> versions = new ArrayList<>();
        JsonNode entries = bundle.json().get("entry");
        if (entries != null) {
            entries.forEach(e -> versions.add(e.get("resource").get("id").asString() + "/"
                    + e.get("resource").get("meta").get("versionId").asString()));
        }
        return versions;
    }

    @Test
    void aTransactionWithOneEntryTheCallerMayNotWriteStoresNothing() {
        SignedIn clinician = newUser("clinician");
        asOfficer().post("/api/care-team", Api.map("userId", clinician.id(), "patientId", alice));
        long before = count("fhir_versions");
        Map<String, Object> bundle = Api.map("resourceType", "Bundle", "type", "transaction", "entry", List.of(
                Api.map("resource", observation(alice), "request", Api.map("method", "POST", "url", "Observation")),
                Api.map("resource", observation(bob), "request", Api.map("method", "POST", "url", "Observation"))));
        Api.Response r = clinician.api().send(clinician.api().request("/fhir").header("Content-Type",
                "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(bundle))));
        assertThat(r.status()).isEqualTo(403);
        assertThat(count("fhir_versions")).isEqualTo(before);
    }

    @Test
    void breakGlassGivesTimeBoxedFlaggedAlertedAccessThatMustBeReviewed() {
        SignedIn clinician = newUser("clinician");
        Api api = clinician.api();
        String reason = "Patient arrived unconscious in the emergency department";
        assertThat(api.get("/fhir/Patient/" + bob).status()).isEqualTo(403);
        long grantsBefore = count("break_glass_grants");
        // Checked before the second factor: a short reason, a bad purpose, too long, an unknown patient.
        for (Map<String, Object> bad : List.of(request(bob, "too short", null, clinician, "000000"),
                request(bob, reason, 300, clinician, "000000"), request("nobody", reason, null, clinician, "000000"),
                with(request(bob, reason, null, clinician, "000000"), "purpose", "CURIOSITY"))) {
            Api.Response r = api.post("/api/break-glass", bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
        }
        Api.Response wrongCode = api.post("/api/break-glass", request(bob, reason, null, clinician, "000000"));
        assertThat(wrongCode.status()).isEqualTo(401);
        Map<String, Object> wrongPassword = request(bob, reason, null, clinician, nextCode(clinician.totpSecret()));
        wrongPassword.put("password", "not the password at all");
        assertThat(api.post("/api/break-glass", wrongPassword).status()).isEqualTo(401);
        assertThat(count("break_glass_grants")).isEqualTo(grantsBefore);
        assertThat(newUser("staff").api().post("/api/break-glass", request(bob, reason, null, clinician, "1"))
                .status()).isEqualTo(403);

        Api.Response granted = api.post("/api/break-glass", request(bob, reason, 30, clinician,
                nextCode(clinician.totpSecret())));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        String grantId = granted.text("id");
        assertThat(granted.text("state")).isEqualTo("active");
        Api.Response read = api.get("/fhir/Observation/" + bobObservation);
        assertThat(read.status()).isEqualTo(200);
        Map<String, Object> event = jdbc.sql("SELECT purpose, outcome, patient_pseudonym FROM audit_events "
                + "WHERE request_id = ?").param(read.header("X-Request-Id")).query().singleRow();
        assertThat(event.get("purpose")).isEqualTo("ETREAT");
        assertThat(event.get("patient_pseudonym")).isNotNull();
        assertThat(ids(api.get("/fhir/Observation?patient=" + bob))).contains(bobObservation);
        // The reason is clinical detail: sealed in the database, never in the audit trail.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE reason LIKE '%unconscious%' OR subtype LIKE "
                + "'%unconscious%'").query(Long.class).single()).isZero();
        awaitAlert("break-glass", clinician.id());

        clock.advance(Duration.ofMinutes(31));
        Api later = signIn(clinician);
        assertThat(later.get("/fhir/Observation/" + bobObservation).status()).isEqualTo(403);
        assertThat(later.get("/api/break-glass/" + grantId).json().get("state").asString()).isEqualTo("expired");

        Api officer = asOfficer();
        JsonNode queue = officer.get("/api/break-glass?queue=true").json();
        assertThat(queue.findValuesAsString("id")).contains(grantId);
        assertThat(queue.findValuesAsString("reason")).contains(reason);
        assertThat(later.post("/api/break-glass/" + grantId + "/review", Api.map("outcome", "approve", "notes",
                "self review")).status()).isEqualTo(403);
        assertThat(officer.post("/api/break-glass/" + grantId + "/review", Api.map("outcome", "ignore",
                "notes", "x")).status()).isEqualTo(400);
        Api.Response reviewed = officer.post("/api/break-glass/" + grantId + "/review", Api.map("outcome",
                "approve", "notes", "Confirmed with the emergency department roster"));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.text("review")).isEqualTo("approved");
        assertThat(officer.post("/api/break-glass/" + grantId + "/review", Api.map("outcome", "escalate",
                "notes", "again")).status()).isEqualTo(409);
        assertThat(officer.get("/api/break-glass?queue=true").json().findValuesAsString("id")).doesNotContain(grantId);
    }

    @Test
    void anUnreviewedGrantIsOverdueAfter72HoursAndAlertedOnce() {
        SignedIn clinician = newUser("clinician");
        String grantId = clinician.api().post("/api/break-glass", request(alice, "Emergency transfer from another "
                + "hospital, records needed now", null, clinician, nextCode(clinician.totpSecret()))).text("id");
        assertThat(breakGlass.alertOverdue()).isGreaterThanOrEqualTo(0);
        clock.advance(Duration.ofHours(73));
        assertThat(breakGlass.alertOverdue()).isGreaterThanOrEqualTo(1);
        breakGlass.alertOverdue();
        awaitAlert("break-glass-overdue", grantId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = 'break-glass-overdue' AND subject = ?")
                .param(grantId).query(Long.class).single()).isEqualTo(1);
        assertThat(asOfficer().get("/api/break-glass/" + grantId).json().get("review").asString())
                .isEqualTo("overdue");
    }

    private Map<String, Object> request(String patient, String reason, Integer minutes, SignedIn user, String code) {
        Map<String, Object> body = Api.map("patientId", patient, "reason", reason, "password", user.password(),
                "code", code);
        if (minutes != null) {
            body.put("minutes", minutes);
        }
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        map.put(key, value);
        return map;
    }

    private void assertDenialAudited(Api.Response denied, String type) {
        Map<String, Object> event = jdbc.sql("SELECT outcome, status, entity_type, patient_pseudonym FROM audit_events "
                + "WHERE request_id = ?").param(denied.header("X-Request-Id")).query().singleRow();
        assertThat(event.get("outcome")).isEqualTo("MINOR_FAILURE");
        assertThat(((Number) event.get("status")).intValue()).isEqualTo(403);
        assertThat(event.get("entity_type")).isEqualTo(type);
        assertThat(event.get("patient_pseudonym")).as("the denial names the patient (as a pseudonym)").isNotNull();
    }

    private void awaitAlert(String rule, String subject) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = ? AND subject = ?").params(rule, subject)
                    .query(Long.class).single() > 0) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("No " + rule + " alert about " + subject);
    }

    private String apiKey(List<String> scopes, List<String> patients) {
        Api.Response created = asOfficer().post("/api/service-clients", Api.map("name", "app " + UUID.randomUUID(),
                "scopes", scopes, "patients", patients, "expiresInDays", 30));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("apiKey");
    }

    private static Map<String, Object> patient(String family) {
        return Api.map("resourceType", "Patient", "name", List.of(Api.map("family", family, "given", List.of("Test"))),
                "gender", "female", "birthDate", "1970-01-01");
    }

    private static Map<String, Object> observation(String patientId) {
        return Api.map("resourceType", "Observation", "status", "final",
                "code", Api.map("coding", List.of(Api.map("system", "http://loinc.org", "code", "8867-4"))),
                "subject", Api.map("reference", "Patient/" + patientId),
                "valueQuantity", Api.map("value", 72, "unit", "/min"));
    }

    private static Api.Response create(Api api, Map<String, Object> resource) {
        return api.send(api.request("/fhir/" + resource.get("resourceType"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(resource))));
    }

    private static Api.Response put(Api api, String path, Map<String, Object> resource) {
        return api.send(api.request(path).header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(resource))));
    }

    private static String created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static List<String> ids(Api.Response bundle) {
        assertThat(bundle.status()).as(bundle.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JsonNode entries = bundle.json().get("entry");
        if (entries != null) {
            entries.forEach(e -> ids.add(e.get("resource").get("id").asString()));
        }
        return ids;
    }
}

@OnDatabase(Database.SQLITE)
class SqliteAccessControlIntegrationTests extends AccessControlIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresAccessControlIntegrationTests extends AccessControlIntegrationTests {
}
