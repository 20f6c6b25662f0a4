package dev.safeguard.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The risk register over HTTPS: levels by Table I-2, acceptance only with a named approver, Security Rule control ids
 * checked by format, every change audited, CSV export and import that round-trips and imports nothing from a bad file,
 * finalized analyses that go stale after 12 months, the role rules, and the public {@link RiskPosture} facts.
 */
public abstract class RiskRegisterIntegrationTests extends ServerTest {

    @Autowired
    RiskPosture posture;

    private SignedIn complianceOfficer;
    private Api complianceApi;

    @BeforeAll
    void complianceOfficer() {
        complianceOfficer = newUser("compliance-officer");
        complianceApi = complianceOfficer.api();
    }

    /** The compliance officer, signed in again when the clock has moved past the session's end. */
    private synchronized SignedIn compliance() {
        if (complianceApi.get("/api/session").status() != 200) {
            complianceApi = signIn(complianceOfficer);
        }
        return new SignedIn(complianceApi, complianceOfficer.id(), complianceOfficer.username(),
                complianceOfficer.password(), complianceOfficer.totpSecret());
    }

    @Test
    void aRecordedRiskGetsItsTableI2LevelAndItsCreationIsAudited() {
        Api.Response created = compliance().api().post("/api/program/risks", risk("Ransomware on the EHR", "high",
                "very-high"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("level")).isEqualTo("very-high");
        assertThat(created.text("threat")).isEqualTo("Ransomware");
        String id = created.text("id");

        Api.Response changed = compliance().api().put("/api/program/risks/" + id, risk("Ransomware on the EHR", "low",
                "very-high"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("level")).isEqualTo("moderate");
        // The level is never taken from the caller: a body that names one is refused.
        Map<String, Object> forged = risk("Forged level", "very-low", "very-low");
        forged.put("level", "very-high");
        long before = count("program_risks");
        assertThat(compliance().api().post("/api/program/risks", forged).status()).isEqualTo(400);
        assertThat(count("program_risks")).isEqualTo(before);

        List<Object> subtypes = jdbc.sql("SELECT subtype FROM audit_events WHERE type = 'program' AND entity_id = ? "
                + "ORDER BY seq").param(id).query((rs, n) -> (Object) rs.getString(1)).list();
        assertThat(subtypes).containsExactly("risk-create", "risk-update");
        assertThat(jdbc.sql("SELECT agent_user FROM audit_events WHERE type = 'program' AND entity_id = ?").param(id)
                .query(String.class).list()).containsOnly(complianceOfficer.id());
    }

    @Test
    void acceptingARiskWithoutANamedApprover_isRefusedAndStoresNothing() {
        long before = count("program_risks");
        Map<String, Object> accepted = risk("Paper records in the basement", "low", "moderate");
        accepted.put("treatment", Api.map("type", "accept", "plan", "Cost of moving exceeds the risk",
                "ownerId", complianceOfficer.id()));
        Api.Response refused = compliance().api().post("/api/program/risks", accepted);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.text("detail")).contains("named approver");
        assertThat(count("program_risks")).isEqualTo(before);

        // A clinician cannot approve an acceptance either; a compliance officer can.
        String clinician = newUser("clinician").id();
        ((Map<String, Object>) accepted.get("treatment")).put("approverId", clinician);
        assertThat(compliance().api().post("/api/program/risks", accepted).status()).isEqualTo(400);
        ((Map<String, Object>) accepted.get("treatment")).put("approverId", complianceOfficer.id());
        ((Map<String, Object>) accepted.get("treatment")).put("residualLikelihood", "very-low");
        ((Map<String, Object>) accepted.get("treatment")).put("residualImpact", "moderate");
        Api.Response ok = compliance().api().post("/api/program/risks", accepted);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        JsonNode treatment = ok.json().get("treatment");
        assertThat(treatment.get("approverId").asString()).isEqualTo(complianceOfficer.id());
        assertThat(treatment.get("residualLevel").asString()).isEqualTo("very-low");
        assertThat(count("program_risks")).isEqualTo(before + 1);
    }

    @Test
    void badRisks_areRefusedWithProblemDetails() {
        long before = count("program_risks");
        Map<String, Object> badControl = risk("Bad control", "low", "low");
        badControl.put("controls", List.of("164.312(a)(1)", "HIPAA access control"));
        Map<String, Object> badScale = risk("Bad scale", "extreme", "low");
        Map<String, Object> unknownThreat = risk("Unknown threat", "low", "low");
        unknownThreat.put("threatId", "alien-invasion");
        Map<String, Object> unknownAsset = risk("Unknown asset", "low", "low");
        unknownAsset.put("assetIds", List.of("no-such-asset"));
        Map<String, Object> noDueDate = risk("No due date", "low", "low");
        noDueDate.put("treatment", Api.map("type", "mitigate", "plan", "Patch", "ownerId", complianceOfficer.id()));
        Map<String, Object> halfResidual = risk("Half residual", "low", "low");
        halfResidual.put("treatment", Api.map("type", "mitigate", "plan", "Patch", "ownerId", complianceOfficer.id(),
                "dueDate", "2027-01-31", "residualLikelihood", "low"));
        for (Map<String, Object> bad : List.of(badControl, badScale, unknownThreat, unknownAsset, noDueDate,
                halfResidual, Api.map("title", "No vulnerability", "likelihood", "low", "impact", "low",
                        "threat", "x"))) {
            Api.Response r = compliance().api().post("/api/program/risks", bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(compliance().api().post("/api/program/risks", "{not json").status()).isEqualTo(400);
        assertThat(compliance().api().get("/api/program/risks/no-such-risk").status()).isEqualTo(404);
        assertThat(count("program_risks")).isEqualTo(before);
    }

    @Test
    void theCsvExportImportsBackAndABadFileImportsNothing() {
        Api api = compliance().api();
        Map<String, Object> mitigated = risk("Laptop theft, \"field\" staff", "moderate", "high");
        mitigated.put("vulnerability", "Laptops, with ePHI\ncached offline");
        mitigated.put("treatment", Api.map("type", "mitigate", "plan", "=Full-disk encryption, remote wipe",
                "ownerId", complianceOfficer.id(), "dueDate", "2027-03-31", "residualLikelihood", "low",
                "residualImpact", "high"));
        String id = api.post("/api/program/risks", mitigated).text("id");
        String exported = csv(api.get("/api/program/risks/export"));
        assertThat(exported).startsWith("id,title,threat_id,").contains("'=Full-disk encryption");

        Api.Response reimported = importCsv(api, "/api/program/risks/import", exported);
        assertThat(reimported.status()).as(reimported.toString()).isEqualTo(200);
        assertThat(csv(api.get("/api/program/risks/export"))).isEqualTo(exported);
        JsonNode back = api.get("/api/program/risks/" + id).json();
        assertThat(back.get("title").asString()).isEqualTo("Laptop theft, \"field\" staff");
        assertThat(back.get("vulnerability").asString()).isEqualTo("Laptops, with ePHI\ncached offline");
        assertThat(back.get("treatment").get("plan").asString()).isEqualTo("=Full-disk encryption, remote wipe");

        // A new record and a changed one import; a bad record later in the file refuses everything.
        long before = count("program_risks");
        String header = exported.substring(0, exported.indexOf("\r\n"));
        String bad = header + "\r\n"
                + ",New risk,phishing,,Staff click links,,164.308(a)(5)(ii)(A),high,high,,,,,,,,,,open\r\n"
                + id + ",Renamed,,Theft,Laptops,,,low,low,,,,,,,,,,open\r\n"
                + ",Third,,Theft,Laptops,,,extreme,low,,,,,,,,,,open\r\n";
        Api.Response refused = importCsv(api, "/api/program/risks/import", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.text("detail")).startsWith("Line 4:").contains("likelihood");
        assertThat(refused.json().get("line").asInt()).isEqualTo(4);
        assertThat(count("program_risks")).isEqualTo(before);
        assertThat(api.get("/api/program/risks/" + id).text("title")).isEqualTo("Laptop theft, \"field\" staff");

        Api.Response brokenQuote = importCsv(api, "/api/program/risks/import", header + "\r\n"
                + ",Fine,,Theft,Laptops,,,low,low,,,,,,,,,,open\r\n,\"Unclosed,,Theft,Laptops,,,low,low,,,,,,,,,,open\r\n");
        assertThat(brokenQuote.status()).isEqualTo(400);
        assertThat(brokenQuote.text("detail")).startsWith("Line 3:");
        Api.Response unknownColumn = importCsv(api, "/api/program/risks/import", "title,colour\r\nx,red\r\n");
        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.text("detail")).startsWith("Line 1:").contains("colour");
        assertThat(count("program_risks")).isEqualTo(before);

        String good = header + "\r\n" + ",New risk,phishing,,Staff click links,,164.308(a)(5)(ii)(A),high,high,"
                + "very-low,,,,,,,,,open\r\n";
        Api.Response imported = importCsv(api, "/api/program/risks/import", good);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
        assertThat(count("program_risks")).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT level FROM program_risks WHERE title = 'New risk'").query(String.class).single())
                .as("the level column is recomputed, not imported").isEqualTo("high");
    }

    @Test
    void aFinalizedAnalysisFreezesTheRegisterAndGoesStaleAfter12Months() {
        Api api = compliance().api();
        String veryHigh = api.post("/api/program/risks", risk("Vendor breach", "very-high", "very-high")).text("id");
        assertThat(posture.anyVeryHighRiskWithoutTreatmentPlan()).isTrue();
        assertThat(posture.veryHighRisksWithoutTreatmentPlan()).extracting(Risk::id).contains(veryHigh);
        assertThat(posture.openRisksByLevel()).containsOnlyKeys(RiskLevel.values());
        assertThat(posture.openRisksByLevel().get(RiskLevel.VERY_HIGH)).isPositive();

        Api.Response finalized = api.post("/api/program/risk-analyses", Api.map("scope",
                "All ePHI created, received, maintained or transmitted by the clinic"));
        assertThat(finalized.status()).as(finalized.toString()).isEqualTo(201);
        assertThat(finalized.json().get("stale").asBoolean()).isFalse();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThat(finalized.text("reviewDue")).isEqualTo(today.plusMonths(12).toString());
        String analysisId = finalized.text("id");
        int version = finalized.json().get("version").asInt();
        JsonNode snapshot = api.get("/api/program/risk-analyses/" + analysisId).json().get("snapshot");
        assertThat(snapshot.get("risks").findValuesAsString("id")).contains(veryHigh);
        assertThat(posture.latestAnalysis()).get().extracting(RiskAnalysis::version).isEqualTo(version);
        assertThat(posture.analysisCurrent()).isTrue();

        // Later changes do not reach the frozen snapshot.
        api.put("/api/program/risks/" + veryHigh, risk("Vendor breach", "low", "low"));
        JsonNode frozen = api.get("/api/program/risk-analyses/" + analysisId).json().get("snapshot");
        assertThat(frozen).isEqualTo(snapshot);

        assertThat(api.post("/api/program/risk-analyses", Api.map("scope", "x", "reviewDue",
                today.plusMonths(13).toString())).status()).isEqualTo(400);
        assertThat(api.post("/api/program/risk-analyses", Api.map("scope", " ")).status()).isEqualTo(400);

        clock.advance(Duration.ofDays(366));
        assertThat(posture.analysisCurrent()).isFalse();
        assertThat(posture.latestAnalysis()).get().extracting(RiskAnalysis::stale).isEqualTo(true);
        Api again = asOfficer();
        JsonNode listed = again.get("/api/program/risk-analyses").json();
        assertThat(listed.get(0).get("id").asString()).isEqualTo(analysisId);
        assertThat(listed.get(0).get("stale").asBoolean()).isTrue();
        Api.Response next = again.post("/api/program/risk-analyses", Api.map("scope", "Annual review"));
        assertThat(next.json().get("version").asInt()).isEqualTo(version + 1);
        assertThat(posture.analysisCurrent()).isTrue();
    }

    @Test
    void auditorsReadButDoNotWriteAndOtherRolesAreKeptOut() {
        Api auditor = newUser("auditor").api();
        assertThat(auditor.get("/api/program/risks").status()).isEqualTo(200);
        assertThat(auditor.get("/api/program/risks/heat-map").status()).isEqualTo(200);
        assertThat(auditor.get("/api/program/threats").json().size()).isGreaterThanOrEqualTo(35);
        assertThat(auditor.get("/api/program/risk-analyses").status()).isEqualTo(200);
        assertThat(auditor.get("/api/program/risks/export").status()).isEqualTo(200);
        assertThat(auditor.post("/api/program/risks", risk("Auditor's risk", "low", "low")).status()).isEqualTo(403);
        assertThat(auditor.post("/api/program/risk-analyses", Api.map("scope", "x")).status()).isEqualTo(403);
        assertThat(importCsv(auditor, "/api/program/risks/import", "title\r\nx\r\n").status()).isEqualTo(403);
        for (String role : List.of("clinician", "staff")) {
            Api other = newUser(role).api();
            assertThat(other.get("/api/program/risks").status()).as(role).isEqualTo(403);
            assertThat(other.get("/api/program/threats").status()).as(role).isEqualTo(403);
            assertThat(other.post("/api/program/risks", risk("x", "low", "low")).status()).as(role).isEqualTo(403);
        }
        assertThat(client().get("/api/program/risks").status()).isEqualTo(401);
        assertThat(asOfficer().post("/api/program/risks", risk("Officer's risk", "low", "low")).status())
                .isEqualTo(201);
    }

    @Test
    void theHeatMapCountsOpenRisksByLikelihoodAndImpact() {
        Api api = compliance().api();
        JsonNode before = api.get("/api/program/risks/heat-map").json();
        api.post("/api/program/risks", risk("Power outage", "moderate", "very-high"));
        Map<String, Object> closed = risk("Closed one", "moderate", "very-high");
        closed.put("status", "closed");
        api.post("/api/program/risks", closed);
        JsonNode after = api.get("/api/program/risks/heat-map").json();
        JsonNode cell = cell(after, "moderate", "very-high");
        assertThat(cell.get("level").asString()).isEqualTo("high");
        assertThat(cell.get("count").asInt()).isEqualTo(cell(before, "moderate", "very-high").get("count").asInt() + 1);
        assertThat(after.get("rows").size()).isEqualTo(5);
        assertThat(after.get("rows").get(0).get("likelihood").asString()).isEqualTo("very-high");
    }

    private static JsonNode cell(JsonNode map, String likelihood, String impact) {
        for (JsonNode row : map.get("rows")) {
            for (JsonNode cell : row.get("cells")) {
                if (cell.get("likelihood").asString().equals(likelihood) && cell.get("impact").asString().equals(impact)) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell " + likelihood + "/" + impact);
    }

    static Map<String, Object> risk(String title, String likelihood, String impact) {
        return Api.map("title", title, "threatId", "ransomware", "vulnerability", "Backups reachable from the domain",
                "controls", List.of("164.308(a)(7)(ii)(A)", "164.312(a)(1)"), "likelihood", likelihood,
                "impact", impact);
    }

    static Api.Response importCsv(Api api, String path, String csv) {
        return api.send(api.request(path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    static String csv(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        return r.body();
    }
}

@OnDatabase(Database.SQLITE)
class SqliteRiskRegisterIntegrationTests extends RiskRegisterIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresRiskRegisterIntegrationTests extends RiskRegisterIntegrationTests {
}
