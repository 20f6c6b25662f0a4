package dev.safeguard.program.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.program.BreachClocks;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.Evidence;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Incidents and breaches against the real server: the affected-patient count equals what the audit trail shows
 * (counted per state inside the vault, audited, no patient id kept); the deadline clocks follow the injected clock
 * to due-soon and overdue, an overdue deadline raises one alert and fails the check until its notification is
 * recorded; any user reports but sees only their own reports; only officers triage, assess, conclude and close, in
 * valid steps; bad input is refused and writes nothing; links, the law-enforcement delay and the breach report.
 */
public abstract class IncidentIntegrationTests extends ServerTest {

    private static final String INCIDENTS = "/api/program/incidents";
    private static final String MINE = "/api/me/incidents";
    private static final List<String> TABLES = List.of("program_incidents", "program_incident_timeline",
            "program_incident_links", "program_incident_assessments", "program_incident_affected",
            "program_incident_notifications");

    @Autowired
    BreachClocks clocks;
    @Autowired
    Evaluation evaluation;
    @Autowired
    Evidence evidence;

    @Test
    void affectedPatientCountEqualsWhatTheAuditTrailShows_perStateInsideTheVault_audited_andNoPatientIdKept() {
        Instant start = clock.instant();
        Api.Response key = asOfficer().post("/api/service-clients", Api.map("name", "loader " + UUID.randomUUID(),
                "scopes", List.of("system/*.read", "system/*.write"), "patients", List.of(), "expiresInDays", 30));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        String loaderId = key.json().get("client").get("id").asString();
        Api loader = client().bearer(key.text("apiKey"));
        String inCa = createPatient(loader, "home", "CA", null);
        String inCalifornia = createPatient(loader, "home", "California", null);
        String noAddress = createPatient(loader, null, null, null);
        String inNevada = createPatient(loader, "home", "NV", null);
        String refused = createPatient(loader, "home", "TX", null);
        List<String> patients = List.of(inCa, inCalifornia, noAddress, inNevada, refused);
        SignedIn clinician = newUser("clinician");
        for (String p : List.of(inCa, inCalifornia, noAddress, inNevada)) {
            assertThat(asOfficer().post("/api/care-team", Api.map("userId", clinician.id(), "patientId", p))
                    .status()).isEqualTo(201);
        }
        clock.advance(Duration.ofSeconds(5));
        assertThat(clinician.api().get("/fhir/Patient/" + inNevada).status()).as("before the window").isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        Instant from = clock.instant();
        for (String p : List.of(inCa, inCalifornia, noAddress, inCa)) {
            assertThat(clinician.api().get("/fhir/Patient/" + p).status()).isEqualTo(200);
        }
        assertThat(clinician.api().get("/fhir/Patient/" + refused).status()).as("not on the care team")
                .isEqualTo(403);
        clock.advance(Duration.ofMinutes(1));
        Instant to = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        assertThat(clinician.api().get("/fhir/Patient/" + inNevada).status()).as("after the window").isEqualTo(200);

        String id = createIncident(asOfficer(), "Clinician browsed records without a treatment relationship");
        String affected = INCIDENTS + "/" + id + "/affected-patients";
        Api.Response computed = asOfficer().post(affected, Api.map("users", List.of(clinician.id()), "from",
                from.toString(), "to", to.toString()));
        assertThat(computed.status()).as(computed.toString()).isEqualTo(201);
        JsonNode count = computed.json();
        assertThat(count.get("source").asString()).isEqualTo("audit-trail");
        assertThat(count.get("total").asLong()).isEqualTo(3);
        assertThat(states(count)).containsExactlyInAnyOrderEntriesOf(Map.of("CA", 2, "unknown", 1));
        assertThat(count.get("refusedOnly").asLong()).isEqualTo(1);
        assertThat(count.get("withoutState").asLong()).isEqualTo(1);
        assertThat(count.get("unresolved").asLong()).isZero();

        Api.Response both = asOfficer().post(affected, Api.map("users", List.of(clinician.id()), "clients",
                List.of(loaderId), "from", start.toString(), "to", clock.instant().toString()));
        assertThat(both.status()).as(both.toString()).isEqualTo(201);
        assertThat(both.json().get("total").asLong()).as("the loader created all five").isEqualTo(5);
        assertThat(states(both.json())).containsExactlyInAnyOrderEntriesOf(Map.of("CA", 2, "NV", 1, "TX", 1,
                "unknown", 1));
        JsonNode incident = asOfficer().get(INCIDENTS + "/" + id).json();
        assertThat(incident.get("affected").get("total").asLong()).as("the newest count is in force").isEqualTo(5);
        assertThat(asOfficer().get(affected).json()).hasSize(2);
        Api.Response owner = asOfficer().post(affected, Api.map("users", List.of(officer().id()), "from",
                start.toString(), "to", clock.instant().toString()));
        assertThat(owner.json().get("total").asLong()).as("the loader's events are the client's, not its owner's")
                .isZero();
        assertThat(asOfficer().get(INCIDENTS + "/" + id).json().get("deadlines")).as("nobody affected").isEmpty();

        String everything = asOfficer().get(INCIDENTS + "/" + id).body() + asOfficer().get(INCIDENTS + "/" + id + "/report").body();
        StringBuilder stored = new StringBuilder();
        for (String table : TABLES) {
            jdbc.sql("SELECT * FROM " + table).query().listOfRows().forEach(r -> stored.append(r.values()));
        }
        for (String p : patients) {
            assertThat(everything).doesNotContain(p);
            assertThat(stored.toString()).doesNotContain(p);
        }

        List<Map<String, Object>> audited = jdbc.sql("SELECT result_count, reason FROM audit_events WHERE type = "
                + "'program-incident' AND subtype = 'affected-patients' AND entity_id = ? ORDER BY seq").param(id)
                .query().listOfRows();
        assertThat(audited).hasSize(4);
        assertThat(((Number) audited.get(0).get("result_count")).longValue()).isEqualTo(3);
        assertThat(audited.get(0).get("reason")).isEqualTo("agent u:" + clinician.id());
        assertThat(audited.get(2).get("reason")).isEqualTo("agent c:" + loaderId);
        assertThat(((Number) audited.get(2).get("result_count")).longValue()).isEqualTo(5);

        long rows = count("program_incident_affected");
        assertThat(asOfficer().post(affected, Api.map("users", List.of("no-such-user"), "from", from.toString(),
                "to", to.toString())).status()).isEqualTo(400);
        assertThat(asOfficer().post(affected, Api.map("users", List.of(clinician.id()), "from", to.toString(),
                "to", from.toString())).status()).as("window backwards").isEqualTo(400);
        assertThat(asOfficer().post(affected, Api.map("users", List.of(clinician.id()), "from", from.toString(),
                "to", clock.instant().plusSeconds(3600).toString())).status()).as("future").isEqualTo(400);
        assertThat(asOfficer().post(affected, Api.map("from", from.toString(), "to", to.toString())).status())
                .as("nobody to analyse").isEqualTo(400);
        assertThat(asOfficer().post(INCIDENTS + "/no-such-incident/affected-patients", Api.map("users",
                List.of(clinician.id()), "from", from.toString(), "to", to.toString())).status()).isEqualTo(404);
        assertThat(newUser("auditor").api().post(affected, Api.map("users", List.of(clinician.id()), "from",
                from.toString(), "to", to.toString())).status()).isEqualTo(403);
        assertThat(count("program_incident_affected")).as("refusals write nothing").isEqualTo(rows);
    }

    @Test
    void deadlineClocksFollowTheClock_overdueRaisesOneAlertPerDeadline_andTheCheckFailsUntilNotified() {
        awayFromMidnight();
        String id = createIncident(asOfficer(), "Misdirected fax batch");
        String ref = asOfficer().get(INCIDENTS + "/" + id).text("reference");
        LocalDate discovered = LocalDate.parse(asOfficer().get(INCIDENTS + "/" + id).text("discoveredOn"));
        assertThat(officerCount(id, 499, Map.of("CA", 499)).status()).isEqualTo(201);
        Map<String, JsonNode> small = deadlines(id);
        assertThat(small.keySet()).containsExactlyInAnyOrder("individuals", "hhs");
        assertThat(small.get("hhs").get("citation").asString()).isEqualTo("164.408(c)");
        assertThat(small.get("hhs").get("dueOn").asString()).isEqualTo(LocalDate.of(discovered.getYear(), 12, 31)
                .plusDays(60).toString());
        assertThat(small.get("individuals").get("provisional").asBoolean()).as("presumed breach").isTrue();

        assertThat(officerCount(id, 600, Map.of("CA", 501, "NV", 99)).status()).isEqualTo(201);
        Map<String, JsonNode> large = deadlines(id);
        assertThat(large.keySet()).containsExactlyInAnyOrder("individuals", "hhs", "media:CA");
        LocalDate due = discovered.plusDays(60);
        large.values().forEach(d -> {
            assertThat(d.get("dueOn").asString()).isEqualTo(due.toString());
            assertThat(d.get("daysRemaining").asLong()).isEqualTo(60);
            assertThat(d.get("status").asString()).isEqualTo("open");
        });
        assertThat(large.get("hhs").get("citation").asString()).isEqualTo("164.408(b)");

        clock.advance(Duration.ofDays(60));
        deadlines(id).values().forEach(d -> {
            assertThat(d.get("status").asString()).as("the due day").isEqualTo("due-soon");
            assertThat(d.get("daysRemaining").asLong()).isZero();
        });
        clocks.alertDue();
        awaitAlerts(BreachClocks.REMINDER_RULE, "incident:" + ref + ":", 3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM program_incident_deadline_alerts WHERE incident_id = ? AND kind = "
                + "'reminder'").param(id).query(Long.class).single()).as("one reminder per deadline").isEqualTo(3);
        assertThat(evaluation.run("program.breach-deadlines").result()).as("on the due day").isEqualTo("pass");
        clock.advance(Duration.ofDays(1));
        deadlines(id).values().forEach(d -> {
            assertThat(d.get("status").asString()).isEqualTo("overdue");
            assertThat(d.get("daysRemaining").asLong()).isEqualTo(-1);
        });
        assertThat(evaluation.run("program.breach-deadlines").result()).isEqualTo("fail");
        clocks.alertDue();
        assertThat(clocks.alertDue()).as("each deadline alerts once").isZero();
        awaitAlerts(BreachClocks.OVERDUE_RULE, "incident:" + ref + ":", 3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = ? AND subject = ?").params(
                BreachClocks.OVERDUE_RULE, "incident:" + ref + ":individuals").query(Long.class).single())
                .isEqualTo(1);
        assertThat(metric("overdue-breach-notifications")).isGreaterThanOrEqualTo(3);
        assertThat(clocks.posture().untriaged()).as("still reported after 61 days").contains(ref);
        assertThat(evaluation.run("program.incident-triage").result()).isEqualTo("fail");

        String notifications = INCIDENTS + "/" + id + "/notifications";
        long before = count("program_incident_notifications");
        Instant now = clock.instant();
        assertThat(asOfficer().post(notifications, Api.map("recipient", "media", "sentAt", now.toString(),
                "method", "media-outlet")).status()).as("media without state").isEqualTo(400);
        assertThat(asOfficer().post(notifications, Api.map("recipient", "individuals", "sentAt", now.toString(),
                "method", "first-class-mail")).status()).as("how many").isEqualTo(400);
        assertThat(asOfficer().post(notifications, Api.map("recipient", "individuals", "individuals", 600, "sentAt",
                now.minus(Duration.ofDays(90)).toString(), "method", "first-class-mail")).status())
                .as("before discovery").isEqualTo(400);
        assertThat(asOfficer().post(notifications, Api.map("recipient", "regulators", "sentAt", now.toString(),
                "method", "email")).status()).isEqualTo(400);
        assertThat(asOfficer().post(notifications, Api.map("recipient", "hhs", "sentAt", now.plusSeconds(600)
                .toString(), "method", "hhs-breach-portal")).status()).as("future").isEqualTo(400);
        assertThat(count("program_incident_notifications")).isEqualTo(before);

        assertThat(notify(id, "individuals", null, 400).status()).isEqualTo(201);
        assertThat(deadlines(id).get("individuals").get("status").asString()).as("400 of 600").isEqualTo("overdue");
        assertThat(notify(id, "individuals", null, 200).status()).isEqualTo(201);
        assertThat(notify(id, "hhs", null, 600).status()).isEqualTo(201);
        assertThat(notify(id, "media", "ca", null).status()).isEqualTo(201);
        Map<String, JsonNode> met = deadlines(id);
        met.values().forEach(d -> {
            assertThat(d.get("status").asString()).isEqualTo("late");
            assertThat(d.get("metOn").asString()).isEqualTo(due.plusDays(1).toString());
        });
        assertThat(met.get("individuals").get("notified").asInt()).isEqualTo(600);
        assertThat(clocks.posture().overdue()).noneMatch(d -> d.incidentId().equals(id));

        assertThat(transition(id, "triage", null, null).status()).isEqualTo(200);
        assertThat(clocks.posture().untriaged()).doesNotContain(ref);
    }

    @Test
    void anyUserReports_andSeesOnlyTheirOwnReports_whileOthersAreRefused() {
        SignedIn clinician = newUser("clinician");
        SignedIn staff = newUser("staff");
        Api.Response reported = clinician.api().post(MINE, Api.map("title", "Laptop left on the train",
                "description", "My work laptop was left on the 8:05 train; it is encrypted.", "category",
                "lost-stolen-device"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String mine = reported.text("id");
        assertThat(reported.text("status")).isEqualTo("reported");
        assertThat(reported.text("reference")).matches("INC-" + clock.instant().atZone(ZoneOffset.UTC).getYear()
                + "-\\d{4}");
        assertThat(reported.json().has("assessment")).isFalse();
        String theirs = staff.api().post(MINE, Api.map("title", "Suspicious e-mail", "description",
                "An e-mail asked for my password", "category", "phishing")).text("id");

        assertThat(clinician.api().get(MINE).json().toString()).contains(mine).doesNotContain(theirs);
        assertThat(clinician.api().get(MINE + "/" + mine).status()).isEqualTo(200);
        assertThat(clinician.api().get(MINE + "/" + theirs).status()).as("another's report").isEqualTo(404);
        assertThat(clinician.api().post(MINE + "/" + theirs + "/notes", Api.map("text", "me too")).status())
                .as("another's report").isEqualTo(404);
        Api.Response note = clinician.api().post(MINE + "/" + mine + "/notes", Api.map("text",
                "The train company found it."));
        assertThat(note.status()).isEqualTo(200);
        assertThat(note.json().get("notes").toString()).contains("The train company found it.");
        awaitAlerts("incident-reported", "incident:" + reported.text("reference"), 1);
        assertThat(clinician.api().get("/me/incidents").body()).contains(reported.text("reference"))
                .doesNotContain(theirs);
        assertThat(clinician.api().get("/me/incidents/" + theirs).status()).as("another's report page")
                .isEqualTo(404);
        assertThat(clinician.api().get("/program/incidents").status()).isEqualTo(403);

        assertThat(clinician.api().get(INCIDENTS).status()).isEqualTo(403);
        assertThat(clinician.api().get(INCIDENTS + "/" + mine).status()).isEqualTo(403);
        assertThat(clinician.api().post(INCIDENTS + "/" + mine + "/status", Api.map("status", "triage")).status())
                .isEqualTo(403);
        SignedIn auditor = newUser("auditor");
        assertThat(auditor.api().get(INCIDENTS + "/" + mine).status()).isEqualTo(200);
        Api.Response auditorPage = auditor.api().get("/program/incidents/" + mine);
        assertThat(auditorPage.status()).isEqualTo(200);
        assertThat(auditorPage.body()).contains("id=\"deadlines\"").doesNotContain("id=\"change-status\"",
                "id=\"save-assessment\"", "id=\"record-notification\"");
        assertThat(auditor.api().post(INCIDENTS + "/" + mine + "/status", Api.map("status", "triage")).status())
                .isEqualTo(403);
        assertThat(auditor.api().put(INCIDENTS + "/" + mine + "/assessment", Api.map("safeHarbor", "secured"))
                .status()).isEqualTo(403);
        assertThat(auditor.api().post(INCIDENTS, incident("Auditor's own")).status()).isEqualTo(403);
        Api.Response key = asOfficer().post("/api/service-clients", Api.map("name", "app " + UUID.randomUUID(),
                "scopes", List.of("system/*.read"), "patients", List.of(), "expiresInDays", 30));
        assertThat(client().bearer(key.text("apiKey")).post(MINE, Api.map("title", "x", "description", "y",
                "category", "other")).status()).as("a service client").isEqualTo(403);

        long incidents = count("program_incidents");
        Map<String, Object> noTitle = incident(null);
        assertThat(clinician.api().post(MINE, noTitle).status()).isEqualTo(400);
        assertThat(clinician.api().post(MINE, Api.map("title", "x".repeat(201), "description", "y", "category",
                "other")).status()).isEqualTo(400);
        assertThat(clinician.api().post(MINE, Api.map("title", "Quake", "description", "y", "category",
                "earthquake")).status()).isEqualTo(400);
        assertThat(clinician.api().post(MINE, Api.map("title", "Bell\u0007", "description", "y", "category",
                "other")).status()).isEqualTo(400);
        assertThat(clinician.api().post(MINE, Api.map("title", "Later", "description", "y", "category", "other",
                "discoveredAt", clock.instant().plusSeconds(3600).toString())).status()).isEqualTo(400);
        Api api = clinician.api();
        Api.Response malformed = api.send(api.request(MINE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": ")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).contains("application/problem+json");
        assertThat(count("program_incidents")).as("refusals write nothing").isEqualTo(incidents);
    }

    @Test
    void onlyOfficersTriageAssessAndConclude_inValidSteps_andAConclusionNeedsEveryFactor() {
        String id = createIncident(asOfficer(), "Report printed to the wrong clinic");
        assertThat(transition(id, "investigating", null, null).status()).as("skipping triage").isEqualTo(409);
        assertThat(transition(id, "triage", null, "Confirmed with the clinic").status()).isEqualTo(200);
        assertThat(transition(id, "contained", null, null).status()).isEqualTo(409);
        assertThat(transition(id, "closed", null, "done").status()).as("no resolution").isEqualTo(400);
        assertThat(transition(id, "closed", "resolved", "done").status()).as("presumed breach").isEqualTo(409);
        assertThat(transition(id, "paused", null, null).status()).isEqualTo(400);
        assertThat(transition(id, "investigating", null, null).status()).isEqualTo(200);

        String assessment = INCIDENTS + "/" + id + "/assessment";
        assertThat(asOfficer().get(assessment).status()).isEqualTo(404);
        assertThat(conclude(id, "low-probability", "Returned unread").status()).as("nothing saved").isEqualTo(409);
        assertThat(asOfficer().put(assessment, Api.map("factors", Map.of("nature", Map.of("rating", "extreme"))))
                .status()).isEqualTo(400);
        assertThat(asOfficer().put(assessment, Api.map("factors", Map.of("weather", Map.of("rating", "low"))))
                .status()).isEqualTo(400);
        assertThat(asOfficer().put(assessment, Api.map("factors", Map.of("nature", Map.of("rating", "low", "notes",
                "Name and appointment date only")), "safeHarbor", "unsecured")).status()).isEqualTo(200);
        Api.Response incomplete = conclude(id, "low-probability", "Returned unread");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.text("detail")).contains("recipient", "acquired", "mitigation");
        assertThat(asOfficer().get(INCIDENTS + "/" + id).text("determination")).isEqualTo("presumed-breach");

        assertThat(asOfficer().put(assessment, fullAssessment("unsecured", "none")).status()).isEqualTo(200);
        assertThat(conclude(id, "secured-phi", "Encrypted").status()).as("the PHI was unsecured").isEqualTo(400);
        assertThat(conclude(id, "exception", "Good faith").status()).as("no exception named").isEqualTo(400);
        assertThat(newUser("auditor").api().post(assessment + "/conclusion", Api.map("conclusion",
                "low-probability", "notes", "x")).status()).isEqualTo(403);
        SignedIn compliance = newUser("compliance-officer");
        Api.Response concluded = compliance.api().post(assessment + "/conclusion", Api.map("conclusion",
                "low-probability", "notes", "The clinic returned the report unread and attested to it."));
        assertThat(concluded.status()).as(concluded.toString()).isEqualTo(200);
        assertThat(concluded.text("concludedBy")).isEqualTo(compliance.id());
        JsonNode after = asOfficer().get(INCIDENTS + "/" + id).json();
        assertThat(after.get("determination").asString()).isEqualTo("low-probability");
        assertThat(after.get("deadlines")).as("not a breach: no clocks").isEmpty();
        assertThat(asOfficer().put(assessment, fullAssessment("unsecured", "none")).status()).as("concluded")
                .isEqualTo(409);
        assertThat(conclude(id, "breach", "Second thoughts").status()).isEqualTo(409);
        assertThat(asOfficer().post(assessment + "/reopen", Api.map("reason", "The clinic photocopied it"))
                .status()).isEqualTo(200);
        assertThat(asOfficer().get(INCIDENTS + "/" + id).json().get("deadlines")).as("presumed again").isNotEmpty();
        assertThat(conclude(id, "low-probability", "Copy destroyed under witness; attested.").status())
                .isEqualTo(200);

        assertThat(transition(id, "contained", null, null).status()).isEqualTo(200);
        assertThat(transition(id, "closed", "not-an-incident", "not one").status()).as("only from triage")
                .isEqualTo(409);
        assertThat(transition(id, "closed", "resolved", "Report retrieved; staff retrained.").status())
                .isEqualTo(200);
        assertThat(transition(id, "investigating", null, null).status()).as("closed is final").isEqualTo(409);
        assertThat(asOfficer().put(INCIDENTS + "/" + id, incident("Renamed")).status()).isEqualTo(409);
        List<String> timeline = new ArrayList<>();
        asOfficer().get(INCIDENTS + "/" + id + "/timeline").json().forEach(e -> timeline.add(e.get("text")
                .asString()));
        assertThat(timeline).anyMatch(t -> t.startsWith("Status reported → triage: Confirmed with the clinic"))
                .anyMatch(t -> t.startsWith("Breach risk assessment concluded"))
                .anyMatch(t -> t.startsWith("Breach risk assessment reopened"))
                .anyMatch(t -> t.startsWith("Status contained → closed (resolved)"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-incident' AND entity_id = ?")
                .param(id).query(Long.class).single()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void safeHarborIsSaidOnTheRecord_linksNeedExistingEvents_andTheReportBecomesSignedEvidence() {
        awayFromMidnight();
        String id = createIncident(asOfficer(), "Encrypted backup tape lost in transit");
        String assessment = INCIDENTS + "/" + id + "/assessment";
        assertThat(asOfficer().put(assessment, fullAssessment("secured", "none")).status()).isEqualTo(200);
        assertThat(conclude(id, "breach", "Presumed").status()).as("secured PHI is no breach").isEqualTo(400);
        assertThat(conclude(id, "secured-phi", "AES-256 per NIST SP 800-111; key held in the HSM, not on the tape.")
                .status()).isEqualTo(200);

        long seq = jdbc.sql("SELECT MAX(seq) FROM audit_events").query(Long.class).single();
        String links = INCIDENTS + "/" + id + "/links";
        Api.Response linked = asOfficer().post(links, Api.map("kind", "audit-event", "ref", seq));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
        assertThat(linked.text("what")).isNotBlank();
        assertThat(asOfficer().post(links, Api.map("kind", "audit-event", "ref", seq)).status()).isEqualTo(409);
        assertThat(asOfficer().post(links, Api.map("kind", "audit-event", "ref", seq + 1_000_000)).status())
                .isEqualTo(404);
        assertThat(asOfficer().post(links, Api.map("kind", "alert", "ref", 987_654_321)).status()).isEqualTo(404);
        assertThat(asOfficer().post(links, Api.map("kind", "ticket", "ref", 1)).status()).isEqualTo(400);
        assertThat(asOfficer().get(links).json()).hasSize(1);
        assertThat(asOfficer().delete(links + "/audit-event/" + seq).status()).isEqualTo(204);
        assertThat(asOfficer().delete(links + "/audit-event/" + seq).status()).isEqualTo(404);

        String hold = INCIDENTS + "/" + id + "/law-enforcement-delay";
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThat(asOfficer().put(hold, Api.map("kind", "oral", "statedOn", today.toString(), "agency", "FBI"))
                .status()).as("oral without the official").isEqualTo(400);
        assertThat(asOfficer().put(hold, Api.map("kind", "oral", "statedOn", today.toString(), "until",
                today.plusDays(31).toString(), "agency", "FBI", "official", "Agent Example")).status())
                .as("oral beyond 30 days").isEqualTo(400);
        assertThat(asOfficer().put(hold, Api.map("kind", "written", "statedOn", today.toString(), "agency", "FBI"))
                .status()).as("written without until").isEqualTo(400);

        Api.Response report = asOfficer().get(INCIDENTS + "/" + id + "/report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("Content-Disposition")).contains("attachment", "breach-report-INC-");
        assertThat(report.text("format")).isEqualTo("safeguard-breach-report/1");
        assertThat(report.text("determination")).contains("secured per HHS guidance", "no notification duty");
        assertThat(report.json().get("incident").get("deadlines")).isEmpty();
        Api.Response recorded = asOfficer().post(INCIDENTS + "/" + id + "/report/evidence");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.text("kind")).isEqualTo("export");
        assertThat(recorded.json().get("controls").toString()).contains("164.308(a)(6)(ii)");
        assertThat(evidence.verify(recorded.text("id")).valid()).isTrue();
        assertThat(newUser("auditor").api().post(INCIDENTS + "/" + id + "/report/evidence").status())
                .isEqualTo(403);

        String held = createIncident(asOfficer(), "Credential theft under investigation");
        assertThat(asOfficer().put(INCIDENTS + "/" + held + "/law-enforcement-delay", Api.map("kind", "written",
                "statedOn", today.toString(), "until", today.plusDays(90).toString(), "agency", "FBI field office"))
                .status()).isEqualTo(200);
        deadlines(held).values().forEach(d -> {
            assertThat(d.get("status").asString()).isEqualTo("on-hold");
            assertThat(d.get("heldUntil").asString()).isEqualTo(today.plusDays(90).toString());
        });
        assertThat(deadlines(held).get("individuals").get("dueOn").asString()).isEqualTo(today.plusDays(90)
                .toString());
        Api.Response page = asOfficer().get("/program/incidents/" + held);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"deadlines\"", "on-hold");
    }

    // ---- helpers

    /** Keeps the day arithmetic of a test from crossing midnight UTC while it runs (sign-ins move the clock). */
    private void awayFromMidnight() {
        while (clock.instant().atZone(ZoneOffset.UTC).getHour() >= 22
                || clock.instant().atZone(ZoneOffset.UTC).getHour() < 1) {
            clock.advance(Duration.ofMinutes(30));
        }
    }

    private String createIncident(Api officer, String title) {
        Api.Response created = officer.post(INCIDENTS, incident(title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private static Map<String, Object> incident(String title) {
        return Api.map("title", title, "description", "Synthetic test incident.", "category", "wrong-recipient",
                "severity", "moderate");
    }

    private Api.Response transition(String id, String status, String resolution, String note) {
        return asOfficer().post(INCIDENTS + "/" + id + "/status", Api.map("status", status, "resolution",
                resolution, "note", note));
    }

    private Api.Response conclude(String id, String conclusion, String notes) {
        return asOfficer().post(INCIDENTS + "/" + id + "/assessment/conclusion", Api.map("conclusion", conclusion,
                "notes", notes));
    }

    private static Map<String, Object> fullAssessment(String safeHarbor, String exception) {
        Map<String, Object> factors = new HashMap<>();
        for (String f : List.of("nature", "recipient", "acquired", "mitigation")) {
            factors.put(f, Map.of("rating", "low", "notes", "Synthetic notes on " + f));
        }
        return Api.map("factors", factors, "safeHarbor", safeHarbor, "safeHarborNotes", "Synthetic safe-harbor notes",
                "exception", exception);
    }

    private Api.Response officerCount(String id, long total, Map<String, Integer> byState) {
        return asOfficer().post(INCIDENTS + "/" + id + "/affected-patients/officer-count", Api.map("total", total,
                "byState", byState, "notes", "Counted from the fax log"));
    }

    private Api.Response notify(String id, String recipient, String state, Integer individuals) {
        return asOfficer().post(INCIDENTS + "/" + id + "/notifications", Api.map("recipient", recipient, "state",
                state, "individuals", individuals, "sentAt", clock.instant().toString(), "method",
                recipient.equals("individuals") ? "first-class-mail" : recipient.equals("hhs") ? "hhs-breach-portal"
                        : "media-outlet"));
    }

    private Map<String, JsonNode> deadlines(String id) {
        Api.Response response = asOfficer().get(INCIDENTS + "/" + id + "/deadlines");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, JsonNode> byKey = new HashMap<>();
        response.json().forEach(d -> byKey.put(d.get("key").asString(), d));
        return byKey;
    }

    private double metric(String id) {
        for (JsonNode m : asOfficer().get("/api/program/metrics").json()) {
            if (m.get("id").asString().equals(id)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("No metric " + id);
    }

    private void awaitAlerts(String rule, String subjectPrefix, long expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long found = 0;
        while (System.nanoTime() < deadline) {
            found = jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = ? AND subject LIKE ?").params(rule,
                    subjectPrefix + "%").query(Long.class).single();
            if (found >= expected) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("Expected " + expected + " " + rule + " alerts about " + subjectPrefix + "; found "
                + found);
    }

    private static Map<String, Integer> states(JsonNode count) {
        Map<String, Integer> states = new HashMap<>();
        count.get("byState").properties().forEach(e -> states.put(e.getKey(), e.getValue().asInt()));
        return states;
    }

    private static String createPatient(Api api, String use, String state, String country) {
        Map<String, Object> patient = Api.map("resourceType", "Patient", "name", List.of(Api.map("family",
                "Synthetic", "given", List.of("Test"))), "gender", "other", "birthDate", "1980-02-03");
        if (use != null) {
            Map<String, Object> address = Api.map("use", use, "city", "Testville", "state", state);
            if (country != null) {
                address.put("country", country);
            }
            patient.put("address", List.of(address));
        }
        Api.Response created = api.send(api.request("/fhir/Patient").header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(patient))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}

@OnDatabase(Database.SQLITE)
class SqliteIncidentIntegrationTests extends IncidentIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresIncidentIntegrationTests extends IncidentIntegrationTests {
}
