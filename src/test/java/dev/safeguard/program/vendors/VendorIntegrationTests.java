package dev.safeguard.program.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguard.audit.ClientAccess;
import dev.safeguard.program.BusinessAssociateAgreements;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.Evidence;
import dev.safeguard.program.Metric;
import dev.safeguard.program.VendorMeasures;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Vendors and business associate agreements against the real server: a vendor's service client is refused ePHI
 * before its agreement is executed, allowed while it is in force (up to the last millisecond), refused again at the
 * expiry instant and after a termination, each refusal an audited denial with reason {@code baa-not-in-force} and an
 * alert, while a client of no vendor is unaffected; expiry reminders 60, 30 and 7 days ahead, once each; the
 * connectivity metric from the real first access in the audit trail; the checks; and bad input refused with nothing
 * written.
 */
public abstract class VendorIntegrationTests extends ServerTest {

    static final String VENDORS = "/api/program/vendors";
    static final String BAAS = "/api/program/baas";
    static final byte[] SIGNED = "%PDF-1.7 synthetic signed business associate agreement".getBytes(
            StandardCharsets.US_ASCII);

    @Autowired
    BusinessAssociateAgreements agreements;
    @Autowired
    VendorMeasures measures;
    @Autowired
    ClientAccess clientAccess;
    @Autowired
    Evaluation evaluation;
    @Autowired
    Evidence evidence;

    record Key(String id, String apiKey, Api api) {
    }

    @Test
    void aVendorsClientGetsEphiOnlyWhileItsAgreementIsInForce_eachRefusalAuditedAndAlerted() {
        Key vendorKey = key("lab portal");
        Key ownKey = key("front desk");
        String patient = createPatient(ownKey.api());
        String vendor = vendor("Acme Lab " + UUID.randomUUID(), null);
        assertThat(vendorKey.api().get("/fhir/Patient/" + patient).status()).as("not yet a vendor's client")
                .isEqualTo(200);
        link(vendor, vendorKey.id());

        assertRefused(vendorKey, patient, 1);
        String observations = "/fhir/Observation";
        long versions = count("fhir_versions");
        Api.Response write = fhirPost(vendorKey.api(), observations, observation(patient));
        assertThat(write.status()).isEqualTo(403);
        assertThat(count("fhir_versions")).as("nothing stored").isEqualTo(versions);
        assertThat(vendorKey.api().get("/fhir/Patient?_count=5").status()).isEqualTo(403);
        assertThat(ownKey.api().get("/fhir/Patient/" + patient).status()).as("a client of no vendor").isEqualTo(200);

        String baa = request(vendor, null);
        assertRefused(vendorKey, patient, 4);
        assertThat(alerts(vendorKey.id())).as("one alert per client per hour").isEqualTo(1);

        Instant expires = clock.instant().plus(Duration.ofDays(10));
        Api.Response executed = execute(baa, null, expires);
        assertThat(executed.status()).as(executed.toString()).isEqualTo(200);
        assertThat(executed.text("state")).isEqualTo("executed");
        assertThat(executed.json().get("inForce").asBoolean()).isTrue();
        assertThat(vendorKey.api().get("/fhir/Patient/" + patient).status()).isEqualTo(200);
        assertThat(fhirPost(vendorKey.api(), observations, observation(patient)).status()).isEqualTo(201);
        assertThat(vendorKey.api().get("/fhir/Patient?_count=5").status()).isEqualTo(200);

        clock.set(expires.minusMillis(1));
        assertThat(vendorKey.api().get("/fhir/Patient/" + patient).status()).as("the last millisecond in force")
                .isEqualTo(200);
        clock.set(expires);
        assertRefused(vendorKey, patient, 5);
        assertThat(ownKey.api().get("/fhir/Patient/" + patient).status()).isEqualTo(200);
        assertThat(asOfficer().get(BAAS + "/" + baa).text("state")).isEqualTo("expired");
        assertThat(asOfficer().get(VENDORS + "/" + vendor).text("agreement")).isEqualTo("expired");
        awaitAlerts(vendorKey.id(), 2);

        String renewal = request(vendor, baa);
        assertThat(execute(renewal, null, clock.instant().plus(Duration.ofDays(365))).status()).isEqualTo(200);
        assertThat(vendorKey.api().get("/fhir/Patient/" + patient).status()).isEqualTo(200);
        Api.Response terminated = asOfficer().post(BAAS + "/" + renewal + "/termination", Api.map("reason",
                "The lab contract ended"));
        assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
        assertThat(terminated.text("state")).isEqualTo("terminated");
        assertRefused(vendorKey, patient, 6);
        assertThat(alerts(vendorKey.id())).isEqualTo(2);
        clock.advance(Duration.ofMinutes(61));
        assertRefused(vendorKey, patient, 7);
        awaitAlerts(vendorKey.id(), 3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = 'baa-missing' AND subject = ? AND summary "
                + "LIKE ?").params(vendorKey.id(), "%" + vendor + "%").query(Long.class).single()).isEqualTo(3);

        Api.Response unlinked = asOfficer().delete(VENDORS + "/" + vendor + "/clients/" + vendorKey.id());
        assertThat(unlinked.status()).as(unlinked.toString()).isEqualTo(200);
        assertThat(vendorKey.api().get("/fhir/Patient/" + patient).status()).as("no longer a vendor's client")
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-vendor' AND subtype IN "
                + "('link-client', 'unlink-client') AND entity_id = ?").param(vendor + "/" + vendorKey.id())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-baa' AND entity_id IN (?, ?)")
                .params(baa, renewal).query(Long.class).single()).as("request, execute ×2, terminate").isEqualTo(5);
    }

    @Test
    void expiryRemindersAt60_30And7DaysAhead_onceEach() {
        Instant expires = clock.instant().plus(Duration.ofDays(61));
        String vendor = vendor("Reminder Cloud " + UUID.randomUUID(), null);
        String baa = request(vendor, null);
        assertThat(execute(baa, null, expires).status()).isEqualTo(200);
        agreements.remindDue();
        assertThat(sent(baa)).isEmpty();
        clock.set(expires.minus(Duration.ofDays(60)).minusMillis(1));
        agreements.remindDue();
        assertThat(sent(baa)).isEmpty();
        clock.set(expires.minus(Duration.ofDays(60)));
        agreements.remindDue();
        agreements.remindDue();
        assertThat(sent(baa)).containsExactly(60);
        awaitAlerts(baa, "baa-expiry", 1);
        clock.set(expires.minus(Duration.ofDays(30)).minusMillis(1));
        agreements.remindDue();
        assertThat(sent(baa)).containsExactly(60);
        clock.set(expires.minus(Duration.ofDays(30)));
        agreements.remindDue();
        assertThat(sent(baa)).containsExactly(60, 30);
        clock.set(expires.minus(Duration.ofDays(7)));
        agreements.remindDue();
        agreements.remindDue();
        assertThat(sent(baa)).containsExactly(60, 30, 7);
        awaitAlerts(baa, "baa-expiry", 3);
        assertThat(jdbc.sql("SELECT severity FROM alerts WHERE rule = 'baa-expiry' AND subject = ? ORDER BY id")
                .param(baa).query(String.class).list()).containsExactly("LOW", "MEDIUM", "HIGH");
        assertThat(jdbc.sql("SELECT subtype FROM audit_events WHERE type = 'program-baa' AND entity_id = ? AND "
                + "subtype LIKE 'expiry-reminder-%' ORDER BY seq").param(baa).query(String.class).list())
                .containsExactly("expiry-reminder-60", "expiry-reminder-30", "expiry-reminder-7");

        String late = request(vendor("Late Signer " + UUID.randomUUID(), null), null);
        assertThat(execute(late, null, clock.instant().plus(Duration.ofDays(5))).status()).isEqualTo(200);
        String renewedVendor = vendor("Renewed Early " + UUID.randomUUID(), null);
        String old = request(renewedVendor, null);
        assertThat(execute(old, null, clock.instant().plus(Duration.ofDays(20))).status()).isEqualTo(200);
        String next = request(renewedVendor, old);
        assertThat(execute(next, null, clock.instant().plus(Duration.ofDays(400))).status()).isEqualTo(200);
        agreements.remindDue();
        assertThat(sent(late)).as("recorded close to its expiry: all thresholds passed")
                .containsExactly(60, 30, 7);
        assertThat(jdbc.sql("SELECT days_ahead FROM program_baa_reminders WHERE baa_id = ? AND alerted = 1")
                .param(late).query(Integer.class).list()).as("only the nearest is alerted").containsExactly(7);
        awaitAlerts(late, "baa-expiry", 1);
        assertThat(sent(old)).as("an executed renewal carries on").isEmpty();
        assertThat(asOfficer().get(BAAS + "/" + old).json().get("renewed").asBoolean()).isTrue();
        assertThat(asOfficer().get(BAAS + "/" + baa).json().get("renewed").asBoolean()).isFalse();

        Api.Response page = asOfficer().get("/program/vendors");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"expiring\"", baa, late).doesNotContain("data-agreement=\"" + old
                + "\"");
    }

    @Test
    void connectivityMetricComparesEachVendorsAgreementWithItsClientsFirstEphiAccessInTheAuditTrail() {
        Key lateKey = key("connected before its agreement");
        Key earlyKey = key("connected after its agreement");
        String patient = createPatient(lateKey.api());
        clock.advance(Duration.ofMinutes(1));
        String lateVendor = vendor("Late Vendor " + UUID.randomUUID(), null);
        link(lateVendor, lateKey.id());
        assertThat(execute(request(lateVendor, null), null, null).status()).isEqualTo(200);
        String earlyVendor = vendor("Early Vendor " + UUID.randomUUID(), null);
        String earlyBaa = request(earlyVendor, null);
        assertThat(execute(earlyBaa, null, null).status()).isEqualTo(200);
        link(earlyVendor, earlyKey.id());
        Key idleKey = key("never touched ePHI");
        String idleVendor = vendor("Idle Vendor " + UUID.randomUUID(), null);
        link(idleVendor, idleKey.id());
        clock.advance(Duration.ofMinutes(1));
        assertThat(earlyKey.api().get("/fhir/Patient/" + patient).status()).isEqualTo(200);
        assertThat(earlyKey.api().get("/fhir/Patient/" + patient).status()).isEqualTo(200);

        Map<String, Instant> firsts = clientAccess.firstPatientDataAccess(List.of(lateKey.id(), earlyKey.id(),
                idleKey.id()));
        assertThat(firsts.get(lateKey.id())).isEqualTo(firstEvent(lateKey.id(), 201));
        assertThat(firsts.get(earlyKey.id())).isEqualTo(firstEvent(earlyKey.id(), 200));
        assertThat(firsts).doesNotContainKey(idleKey.id());
        assertThat(firsts.get(earlyKey.id())).isAfter(Instant.parse(asOfficer().get(BAAS + "/" + earlyBaa)
                .text("executedAt")));

        VendorMeasures.Tally tally = measures.agreementBeforeConnectivity();
        assertThat(tally.lacking()).contains(lateVendor).doesNotContain(earlyVendor, idleVendor);
        assertThat(tally.total()).isGreaterThanOrEqualTo(2);
        JsonNode metric = metric(Metric.VENDORS_BAA_BEFORE_CONNECTIVITY);
        assertThat(metric.get("numerator").asLong()).isEqualTo(tally.part());
        assertThat(metric.get("denominator").asLong()).isEqualTo(tally.total());
        assertThat(metric.get("unit").asString()).isEqualTo("percent");
        VendorMeasures.Tally coverage = measures.coverage();
        assertThat(coverage.lacking()).doesNotContain(lateVendor, earlyVendor);
        assertThat(metric(Metric.VENDORS_BAA_COVERAGE).get("denominator").asLong()).isEqualTo(coverage.total());
    }

    @Test
    void subcontractorsClientNeedsEveryAgreementUpTheChain_checksFollowTheAgreements_andTheDocumentIsEvidence() {
        String name = "Flow Down Hosting " + UUID.randomUUID();
        String associate = vendor(name, null);
        String subcontractor = vendor("Flow Down Backup " + UUID.randomUUID(), associate);
        assertThat(missing("program.vendor-baa")).contains(associate).doesNotContain(subcontractor);
        assertThat(missing("program.subcontractor-baa")).contains(subcontractor).doesNotContain(associate);

        Key subKey = key("backup agent");
        String patient = createPatient(key("intake").api());
        link(subcontractor, subKey.id());
        String subBaa = request(subcontractor, null);
        Api.Response subExecuted = execute(subBaa, null, null);
        assertThat(subExecuted.status()).isEqualTo(200);
        assertThat(missing("program.subcontractor-baa")).doesNotContain(subcontractor);
        Api.Response refused = subKey.api().get("/fhir/Patient/" + patient);
        assertThat(refused.status()).as("its business associate has no agreement").isEqualTo(403);
        assertThat(refused.body()).contains("a subcontractor of business associate " + associate);

        String baa = request(associate, null);
        Api.Response executed = execute(baa, null, clock.instant().plus(Duration.ofDays(20)));
        assertThat(executed.status()).isEqualTo(200);
        assertThat(subKey.api().get("/fhir/Patient/" + patient).status()).as("both in force").isEqualTo(200);
        assertThat(asOfficer().get("/program/vendors/" + subcontractor).body()).contains("Subcontractor of", name,
                "id=\"clients\"", subKey.id());
        assertThat(asOfficer().get("/program/vendors/" + associate).body()).contains("id=\"subcontractors\"",
                "/program/vendors/" + subcontractor);
        assertThat(missing("program.vendor-baa")).doesNotContain(associate);
        assertThat(observed("program.baa-renewal").get("withoutRenewal").toString()).contains(baa);
        String renewal = request(associate, baa);
        assertThat(observed("program.baa-renewal").get("withoutRenewal").toString()).doesNotContain(baa);
        assertThat(observed("program.vendor-baa").toString()).doesNotContain(name);

        String evidenceId = executed.text("evidenceId");
        assertThat(evidence.verify(evidenceId).valid()).isTrue();
        JsonNode record = asOfficer().get("/api/program/evidence/" + evidenceId).json();
        assertThat(record.get("kind").asString()).isEqualTo("document");
        assertThat(strings(record.get("controls"))).containsExactlyInAnyOrder("164.308(b)(3)", "164.314(a)(2)(i)");
        assertThat(strings(asOfficer().get("/api/program/evidence/" + subExecuted.text("evidenceId")).json()
                .get("controls"))).contains("164.314(a)(2)(iii)");
        var content = asOfficer().sendForBytes(asOfficer().request("/api/program/evidence/" + evidenceId
                + "/content").GET());
        assertThat(content.body()).isEqualTo(SIGNED);
        assertThat(asOfficer().get("/api/program/evidence?control=164.308(b)(3)&superseded=true").body())
                .contains(evidenceId);
        assertThat(observed("program.vendor-baa").get("inForce").toString()).contains(associate, baa, evidenceId);
        assertThat(asOfficer().get(BAAS + "?vendorId=" + associate).json()).hasSize(2);
        List<String> requested = new ArrayList<>();
        asOfficer().get(BAAS + "?vendorId=" + associate + "&state=requested").json()
                .forEach(a -> requested.add(a.get("id").asString()));
        assertThat(requested).containsExactly(renewal);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String vendor = vendor("Validation Vendor " + UUID.randomUUID(), null);
        String baa = request(vendor, null);
        long vendors = count("program_vendors");
        long baas = count("program_baas");
        long evidenceRows = count("program_evidence");
        long links = count("program_vendor_clients");
        Api officer = asOfficer();

        assertThat(officer.get(VENDORS + "/no-such-vendor").status()).isEqualTo(404);
        assertThat(officer.put(VENDORS + "/no-such-vendor", draft("Anyone", null)).status()).isEqualTo(404);
        assertThat(officer.send(officer.request(VENDORS + "/no-such-vendor/clients/x").PUT(
                HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(404);
        assertThat(officer.send(officer.request(VENDORS + "/" + vendor + "/clients/no-such-client").PUT(
                HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(404);
        assertThat(officer.delete(VENDORS + "/" + vendor + "/clients/no-such-client").status()).isEqualTo(404);
        assertProblem(officer.post(VENDORS, draft("Validation Vendor", null, "status", "gone")), 400, "status");
        assertProblem(officer.post(VENDORS, draft("Bad\u0007Name", null)), 400, "control characters");
        assertProblem(officer.post(VENDORS, draft("x".repeat(201), null)), 400, "at most 200");
        assertProblem(officer.post(VENDORS, draft(asOfficer().get(VENDORS + "/" + vendor).text("name").toUpperCase(),
                null)), 409, "exists already");
        assertProblem(officer.post(VENDORS, draft("Orphan " + UUID.randomUUID(), "no-such-parent")), 400,
                "No vendor");
        assertProblem(officer.put(VENDORS + "/" + vendor, draft("Self Parent", vendor)), 400, "own business");
        String child = vendor("Child " + UUID.randomUUID(), vendor);
        vendors++;
        assertProblem(officer.put(VENDORS + "/" + vendor, draft("Cycle", child)), 400, "subcontractor of");
        String deepest = child;
        for (int depth = 3; depth <= AgreementGate.MAX_CHAIN; depth++) {
            deepest = vendor("Depth " + depth + " " + UUID.randomUUID(), deepest);
            vendors++;
        }
        assertProblem(officer.post(VENDORS, draft("Too Deep " + UUID.randomUUID(), deepest)), 400,
                "at most " + AgreementGate.MAX_CHAIN + " vendors deep");
        assertProblem(officer.post(VENDORS, Api.map("name", "No Services " + UUID.randomUUID(), "services",
                List.of())), 400, "service");
        assertProblem(officer.post(VENDORS, Api.map("name", "Bad Contact " + UUID.randomUUID(), "services",
                List.of("billing"), "contacts", List.of(Api.map("name", "Pat Contact", "email", "not-an-email")))),
                400, "e-mail");
        assertThat(officer.post(VENDORS, Api.map("name", "Typed " + UUID.randomUUID(), "services", List.of("x"),
                "receivesEphi", "yes please")).status()).isEqualTo(400);
        assertThat(officer.post(VENDORS, Api.map("name", "Unknown field", "services", List.of("x"), "vip", true))
                .status()).isEqualTo(400);

        assertProblem(officer.post(BAAS, Api.map("vendorId", "no-such-vendor")), 400, "No vendor");
        assertProblem(officer.post(BAAS, Api.map("vendorId", vendor)), 409, "requested from this vendor already");
        assertProblem(officer.post(BAAS, Api.map("vendorId", child, "requestedAt",
                clock.instant().plus(Duration.ofDays(1)).toString())), 400, "request date");
        assertProblem(execute(baa, null, null, new byte[0], "application/pdf"), 400, "Attach the signed agreement");
        assertProblem(execute(baa, clock.instant().plus(Duration.ofHours(1)), null), 400, "signature date");
        assertProblem(execute(baa, clock.instant().minus(Duration.ofDays(3)), null), 400, "signature date");
        assertProblem(rawExecute(baa, "expiresAt=" + clock.instant().minus(Duration.ofDays(1))), 400,
                "expire after it takes effect");
        assertProblem(rawExecute(baa, "effectiveAt=" + clock.instant().plus(Duration.ofDays(400))), 400,
                "effective date");
        assertProblem(rawExecute(baa, "expiresAt=" + clock.instant().plus(Duration.ofDays(365 * 21))), 400,
                "within 20 years");
        assertThat(rawExecute(baa, "expiresAt=tomorrow").status()).isEqualTo(400);
        assertProblem(execute(baa, null, null, new byte[10 * 1024 * 1024 + 1], "application/pdf"), 413, "10 MiB");
        assertProblem(execute("no-such-agreement", null, null), 404, "No business associate agreement");
        assertProblem(officer.post(BAAS + "/" + baa + "/termination", Api.map("reason", " ")), 400, "reason");
        assertThat(officer.get(BAAS + "?state=cancelled").status()).isEqualTo(400);
        assertThat(officer.get(BAAS + "?vendorId=no-such-vendor").status()).isEqualTo(404);
        assertThat(count("program_vendors")).isEqualTo(vendors);
        assertThat(count("program_baas")).isEqualTo(baas);
        assertThat(count("program_evidence")).as("no evidence from a refused execution").isEqualTo(evidenceRows);
        assertThat(officer.get(BAAS + "/" + baa).text("state")).isEqualTo("requested");

        assertThat(execute(baa, null, null).status()).isEqualTo(200);
        assertProblem(execute(baa, null, null), 409, "is executed");
        assertProblem(officer.post(BAAS, Api.map("vendorId", child, "renewsId", baa)), 400,
                "not an agreement of vendor");
        assertProblem(officer.post(BAAS + "/" + baa + "/termination", Api.map("reason", "too early",
                "terminatedAt", clock.instant().minus(Duration.ofDays(2)).toString())), 400, "termination date");
        assertThat(officer.post(BAAS + "/" + baa + "/termination", Api.map("reason", "Ended")).status())
                .isEqualTo(200);
        assertProblem(officer.post(BAAS + "/" + baa + "/termination", Api.map("reason", "Again")), 409,
                "is terminated");
        assertProblem(execute(baa, null, null), 409, "is terminated");

        Key key = key("linked twice");
        link(vendor, key.id());
        Api.Response twice = officer.send(officer.request(VENDORS + "/" + child + "/clients/" + key.id())
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertProblem(twice, 409, "belongs to vendor");
        assertProblem(officer.put(VENDORS + "/" + vendor, draft("Offboarded " + UUID.randomUUID(), null, "status",
                "offboarded")), 409, "still has service clients");
        assertThat(count("program_vendor_clients")).isEqualTo(links + 1);
        assertThat(jdbc.sql("SELECT status FROM program_vendors WHERE id = ?").param(vendor).query(String.class)
                .single()).isEqualTo("active");
    }

    @Test
    void auditorsReadButDoNotChange_otherRolesAreRefused_andPagesShowFormsOnlyToWriters() {
        String vendor = vendor("Readable Vendor " + UUID.randomUUID(), null);
        String baa = request(vendor, null);
        Api auditor = newUser("auditor").api();
        assertThat(auditor.get(VENDORS).status()).isEqualTo(200);
        assertThat(auditor.get(VENDORS + "/" + vendor).status()).isEqualTo(200);
        assertThat(auditor.get(BAAS + "/" + baa).status()).isEqualTo(200);
        assertThat(auditor.post(VENDORS, draft("Auditor Vendor", null)).status()).isEqualTo(403);
        assertThat(auditor.post(BAAS + "/" + baa + "/termination", Api.map("reason", "no")).status()).isEqualTo(403);
        assertThat(auditor.post("/program/vendors/" + vendor + "/baas/" + baa + "/termination", "reason=no")
                .status()).isEqualTo(403);
        Api.Response page = auditor.get("/program/vendors/" + vendor);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Readable Vendor", baa).doesNotContain("id=\"edit-vendor\"",
                "id=\"request-agreement\"", "execute-button-", "id=\"link-client\"");
        assertThat(auditor.get("/program/vendors").body()).contains(vendor).doesNotContain("id=\"new-vendor\"");
        assertThat(auditor.get("/program/vendors/new").status()).isEqualTo(403);
        assertThat(auditor.get("/program/vendors/" + vendor + "/edit").status()).isEqualTo(403);
        Api clinician = newUser("clinician").api();
        assertThat(clinician.get(VENDORS).status()).isEqualTo(403);
        assertThat(clinician.get("/program/vendors").status()).isEqualTo(403);
        assertThat(asOfficer().get(BAAS + "/" + baa).text("state")).isEqualTo("requested");

        Api.Response officerPage = asOfficer().get("/program/vendors/" + vendor);
        assertThat(officerPage.body()).contains("id=\"edit-vendor\"", "execute-button-" + baa, "terminate-" + baa,
                "enctype=\"multipart/form-data\"");
        assertThat(asOfficer().get("/program/vendors/" + vendor + "/edit").body()).contains("id=\"vendor-form\"");
    }

    // ---- helpers

    private void assertRefused(Key key, String patient, long denials) {
        Api.Response read = key.api().get("/fhir/Patient/" + patient);
        assertThat(read.status()).as(read.toString()).isEqualTo(403);
        assertThat(read.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(read.body()).contains("business associate agreement").doesNotContain("Vendorpatient");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE agent_client = ? AND status = 403 AND reason = "
                + "'baa-not-in-force'").param(key.id()).query(Long.class).single()).as("audited denials")
                .isEqualTo(denials);
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(key.id()) >= 1);
    }

    private long alerts(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = 'baa-missing' AND subject = ?").param(subject)
                .query(Long.class).single();
    }

    private void awaitAlerts(String subject, long atLeast) {
        awaitAlerts(subject, "baa-missing", atLeast);
    }

    private void awaitAlerts(String subject, String rule, long atLeast) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = ? AND "
                + "subject = ?").params(rule, subject).query(Long.class).single() >= atLeast);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = ? AND subject = ?").params(rule, subject)
                .query(Long.class).single()).isEqualTo(atLeast);
    }

    private List<Integer> sent(String baa) {
        List<Integer> days = new ArrayList<>();
        asOfficer().get(BAAS + "/" + baa).json().get("remindersSent").forEach(d -> days.add(d.asInt()));
        return days;
    }

    private Instant firstEvent(String clientId, int status) {
        return Instant.ofEpochMilli(jdbc.sql("SELECT recorded_at FROM audit_events WHERE agent_client = ? AND "
                + "status = ? AND subtype LIKE 'fhir %' ORDER BY seq LIMIT 1").params(clientId, status)
                .query(Long.class).single());
    }

    private JsonNode metric(String id) {
        for (JsonNode m : asOfficer().get("/api/program/metrics").json()) {
            if (m.get("id").asString().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("No metric " + id);
    }

    private JsonNode observed(String check) {
        String evidenceId = evaluation.run(check).evidenceId();
        return Api.JSON.readTree(asOfficer().sendForBytes(asOfficer().request("/api/program/evidence/" + evidenceId
                + "/content").GET()).body()).get("observed");
    }

    private List<String> missing(String check) {
        List<String> ids = new ArrayList<>();
        observed(check).get("withoutAgreementInForce").forEach(m -> ids.add(m.get("vendor").asString()));
        return ids;
    }

    private Key key(String name) {
        Api.Response created = asOfficer().post("/api/service-clients", Api.map("name", name, "scopes",
                List.of("system/*.read", "system/*.write"), "patients", List.of(), "expiresInDays", 365));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Key(created.json().get("client").get("id").asString(), created.text("apiKey"),
                client().bearer(created.text("apiKey")));
    }

    private String vendor(String name, String parentId) {
        Api.Response created = asOfficer().post(VENDORS, draft(name, parentId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("agreement")).isEqualTo("none");
        return created.text("id");
    }

    private static Map<String, Object> draft(String name, String parentId, Object... more) {
        Map<String, Object> draft = Api.map("name", name, "parentId", parentId, "services",
                List.of("Laboratory results interface", "Billing"), "receivesEphi", true, "transmitsEphi", true,
                "contacts", List.of(Api.map("name", "Pat Contact", "role", "Privacy officer", "email",
                        "privacy@vendor.example", "phone", "+1 555 0100 ext 12")), "status", "active");
        for (int i = 0; i < more.length; i += 2) {
            draft.put((String) more[i], more[i + 1]);
        }
        return draft;
    }

    private void link(String vendor, String clientId) {
        Api officer = asOfficer();
        Api.Response linked = officer.send(officer.request(VENDORS + "/" + vendor + "/clients/" + clientId)
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(strings(linked.json().get("clientIds"))).contains(clientId);
    }

    private String request(String vendor, String renews) {
        Api.Response requested = asOfficer().post(BAAS, Api.map("vendorId", vendor, "renewsId", renews,
                "reference", "BAA-" + UUID.randomUUID()));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.text("state")).isEqualTo("requested");
        return requested.text("id");
    }

    private Api.Response execute(String baa, Instant executedAt, Instant expiresAt) {
        return execute(baa, executedAt, expiresAt, SIGNED, "application/pdf");
    }

    private Api.Response execute(String baa, Instant executedAt, Instant expiresAt, byte[] document,
                                 String mediaType) {
        StringBuilder query = new StringBuilder("fileName=baa.pdf");
        if (executedAt != null) {
            query.append("&executedAt=").append(executedAt);
        }
        if (expiresAt != null) {
            query.append("&expiresAt=").append(expiresAt);
        }
        Api officer = asOfficer();
        return officer.send(officer.request(BAAS + "/" + baa + "/execution?" + query).header("Content-Type",
                mediaType).POST(HttpRequest.BodyPublishers.ofByteArray(document)));
    }

    private Api.Response rawExecute(String baa, String query) {
        Api officer = asOfficer();
        return officer.send(officer.request(BAAS + "/" + baa + "/execution?" + query).header("Content-Type",
                "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(SIGNED)));
    }

    private static void assertProblem(Api.Response response, int status, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(response.text("detail")).contains(detail);
    }

    private static Api.Response fhirPost(Api api, String path, Map<String, Object> resource) {
        return api.send(api.request(path).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(resource))));
    }

    private static Map<String, Object> observation(String patient) {
        return Api.map("resourceType", "Observation", "status", "final", "code", Api.map("text", "Heart rate"),
                "subject", Api.map("reference", "Patient/" + patient), "valueQuantity", Api.map("value", 72,
                        "unit", "beats/minute"));
    }

    private static String createPatient(Api api) {
        Api.Response created = fhirPost(api, "/fhir/Patient", Api.map("resourceType", "Patient", "name",
                List.of(Api.map("family", "Vendorpatient", "given", List.of("Test"))), "gender", "female",
                "birthDate", "1980-02-02"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}

@OnDatabase(Database.SQLITE)
class SqliteVendorIntegrationTests extends VendorIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresVendorIntegrationTests extends VendorIntegrationTests {
}
