package dev.safeguard.program.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.access.AccessPolicy;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Role;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.Evidence;
import dev.safeguard.program.Supervision;
import dev.safeguard.program.Terminations;
import dev.safeguard.program.TrainingAssignments;
import dev.safeguard.program.TrainingReports;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The workforce roster and termination against the real server: terminating a member revokes every session, API key,
 * care-team assignment and break-glass grant of every account they hold in one request, with the latency measured
 * from the effective time (both sides of the one-hour target); a scheduled termination is carried out by the schedule
 * with the schedule's lag; refusals change nothing; the roster validates its input, names managers for access
 * reviews, keeps sanctions sealed and visible to officers and auditors only, and finds orphan accounts. Training falls
 * due at hire and a year after each completion (both sides of each date), members complete only their own
 * assignments with an attestation of the version they read, the on-schedule metric is what the assignments show,
 * modules and reminders are rendered safely, and training reports are signed evidence.
 */
@TestPropertySource(properties = {"safeguard.program.workforce.termination-interval=15m",
        "safeguard.program.workforce.training-first-delay=24h"})
public abstract class WorkforceIntegrationTests extends ServerTest {

    static final String ROSTER = "/api/program/workforce";

    @Autowired
    Terminations terminations;
    @Autowired
    Evaluation evaluation;
    @Autowired
    Evidence evidence;
    @Autowired
    Supervision supervision;
    @Autowired
    AccessPolicy policy;
    @Autowired
    TrainingAssignments assignments;
    @Autowired
    TrainingReports reports;

    @Test
    void terminationRevokesEverythingOfEveryAccountInOneRequest_withTheLatencyFromTheEffectiveTime() {
        SignedIn first = newUser("clinician");
        SignedIn second = newUser("staff");
        String patient = patient();
        String other = patient();
        String member = member("Dana Whitfield", LocalDate.of(2019, 3, 4), first.id(), second.id());
        // The accounts exist well before the effective time; sessions opened now are live at the termination.
        clock.advance(Duration.ofMinutes(40));
        Api clinician = signIn(first);
        Api staff = signIn(second);
        Key key = apiKey(first.id(), List.of("system/*.read"));
        Api app = client().bearer(key.key());
        assertThat(app.get("/api/ping").status()).isEqualTo(200);
        String assignment = asOfficer().post("/api/care-team", Api.map("userId", first.id(), "patientId", patient))
                .text("id");
        assertThat(clinician.get("/fhir/Patient/" + patient).status()).isEqualTo(200);
        Api.Response grant = clinician.post("/api/break-glass", Api.map("patientId", other, "reason", "Patient "
                + "collapsed in the waiting room, no record here", "password", first.password(), "code",
                nextCode(first.totpSecret())));
        assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
        String grantId = grant.text("id");
        assertThat(staff.get("/api/session").status()).isEqualTo(200);

        JsonNode preview = asOfficer().get(ROSTER + "/" + member + "/termination-preview").json();
        assertThat(preview.get("blockers")).isEmpty();
        JsonNode firstPreview = account(preview, first.id());
        assertThat(firstPreview.get("sessions").size()).isGreaterThanOrEqualTo(2);
        assertThat(firstPreview.get("apiKeys").get(0).get("clientId").asString()).isEqualTo(key.clientId());
        assertThat(texts(firstPreview.get("access"), "id")).containsExactlyInAnyOrder(assignment, grantId);
        assertThat(account(preview, second.id()).get("sessions").size()).isGreaterThanOrEqualTo(1);
        Api.Response confirmPage = asOfficer().get("/program/workforce/" + member + "/terminate");
        assertThat(confirmPage.status()).isEqualTo(200);
        assertThat(confirmPage.body()).contains("What will be revoked", key.clientId(), assignment, grantId,
                "id=\"confirm-terminate\"");

        Instant effective = clock.instant().minus(Duration.ofMinutes(25));
        Api.Response done = asOfficer().post(ROSTER + "/" + member + "/terminate", Api.map("effectiveAt",
                effective.toString(), "reason", "resignation", "notes", "Last shift ended at 14:00"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        JsonNode t = done.json();
        assertThat(t.get("status").asString()).isEqualTo("executed");
        assertThat(t.get("latencySeconds").asLong()).isEqualTo(Duration.ofMinutes(25).toSeconds());
        assertThat(t.get("withinTarget").asBoolean()).isTrue();
        List<String> kinds = new ArrayList<>();
        for (JsonNode item : t.get("items")) {
            kinds.add(item.get("kind").asString());
            assertThat(Instant.parse(item.get("revokedAt").asString()))
                    .isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(item.get("latencySeconds").asLong()).isEqualTo(1500);
        }
        assertThat(kinds).containsOnly("ACCOUNT", "SESSION", "API_KEY", "CARE_TEAM_ASSIGNMENT", "BREAK_GLASS_GRANT")
                .containsOnlyOnce("API_KEY", "CARE_TEAM_ASSIGNMENT", "BREAK_GLASS_GRANT");
        assertThat(kinds.stream().filter("ACCOUNT"::equals)).hasSize(2);
        assertThat(kinds.stream().filter("SESSION"::equals).count()).isGreaterThanOrEqualTo(3);
        assertThat(texts(t.get("items"), "reference")).contains(key.clientId(), assignment, grantId, first.id(),
                second.id());
        assertThat(t.get("eventsAfterEffective").asLong()).as("what the member did after the effective time")
                .isGreaterThanOrEqualTo(5);

        // Every credential stopped working at once; the assignment and grant no longer admit the clinician.
        assertThat(clinician.get("/api/session").status()).isEqualTo(401);
        assertThat(clinician.get("/fhir/Patient/" + patient).status()).isEqualTo(401);
        assertThat(staff.get("/api/session").status()).isEqualTo(401);
        assertThat(app.get("/api/ping").status()).isEqualTo(401);
        Actor asBefore = new Actor(Actor.Kind.USER, first.id(), first.username(), Set.of(Role.CLINICIAN), Set.of(),
                null, null);
        assertThat(policy.decide(asBefore, AccessPolicy.Operation.READ, "Observation", patient).allowed()).isFalse();
        assertThat(policy.decide(asBefore, AccessPolicy.Operation.READ, "Observation", other).allowed()).isFalse();
        assertThat(asOfficer().get("/api/care-team?userId=" + first.id()).json().get(0).get("state").asString())
                .isEqualTo("ended");
        assertThat(asOfficer().get("/api/break-glass/" + grantId).json().get("state").asString()).isEqualTo("ended");
        assertThat(jdbc.sql("SELECT terminated_at FROM users WHERE id = ?").param(first.id()).query(Long.class)
                .single()).as("identity measures from the effective time").isEqualTo(effective.toEpochMilli());

        JsonNode after = asOfficer().get(ROSTER + "/" + member).json();
        assertThat(after.get("status").asString()).isEqualTo("terminated");
        assertThat(texts(after.get("accounts"), "status")).containsOnly("terminated");
        assertThat(asOfficer().get("/api/program/training/assignments?member=" + member + "&status=pending").json())
                .as("open training is cancelled").isEmpty();
        String evidenceId = t.get("evidenceId").asString();
        assertThat(evidence.verify(evidenceId).valid()).isTrue();
        JsonNode stored = asOfficer().get("/api/program/evidence/" + evidenceId).json();
        assertThat(texts(stored.get("controls"), null)).containsExactly("164.308(a)(3)(ii)(C)");
        assertThat(stored.get("result").asString()).isEqualTo("pass");
        assertThat(asOfficer().get("/api/program/terminations/" + t.get("id").asString()).json().get("items"))
                .isEqualTo(t.get("items"));
        assertThat(evaluation.run("program.termination-revocation").result()).isEqualTo("pass");
        Api.Response recordPage = asOfficer().get("/program/terminations/" + t.get("id").asString());
        assertThat(recordPage.status()).isEqualTo(200);
        assertThat(recordPage.body()).contains("25 min 0 s", "within the 1-hour target", key.clientId());
        assertThat(asOfficer().get("/program/workforce/" + member).body()).contains("Dana Whitfield")
                .doesNotContain("id=\"terminate\"");
        assertThat(asOfficer().post(ROSTER + "/" + member + "/terminate", Api.map("reason", "dismissal")).status())
                .as("a member is terminated once").isEqualTo(409);

        // The one-hour target, on both sides: exactly an hour is within it, a second more is not.
        String onTime = terminatedWithLatency(Duration.ofHours(1));
        assertThat(asOfficer().get("/api/program/terminations/" + onTime).json().get("withinTarget").asBoolean())
                .isTrue();
        assertThat(evaluation.run("program.termination-revocation").result()).isEqualTo("pass");
        String late = terminatedWithLatency(Duration.ofHours(1).plusSeconds(1));
        JsonNode lateRecord = asOfficer().get("/api/program/terminations/" + late).json();
        assertThat(lateRecord.get("latencySeconds").asLong()).isEqualTo(3601);
        assertThat(lateRecord.get("withinTarget").asBoolean()).isFalse();
        assertThat(asOfficer().get("/api/program/evidence/" + lateRecord.get("evidenceId").asString()).text("result"))
                .isEqualTo("fail");
        assertThat(observed("program.termination-revocation")).contains("\"result\":\"fail\"").contains(late);
    }

    @Test
    void aScheduledTerminationIsCarriedOutAtItsEffectiveTime_withTheSchedulesLagAsLatency() {
        SignedIn user = newUser("staff");
        String member = member("Rory Ames", LocalDate.of(2021, 6, 1), user.id());
        Instant effective = clock.instant().plus(Duration.ofMinutes(10));
        Api.Response scheduled = asOfficer().post(ROSTER + "/" + member + "/terminate", Api.map("effectiveAt",
                effective.toString(), "reason", "end-of-contract"));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.text("status")).isEqualTo("scheduled");
        assertThat(scheduled.json().get("items")).isEmpty();
        assertThat(asOfficer().get(ROSTER + "/" + member).text("status")).isEqualTo("termination-scheduled");

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        terminations.executeDue();
        assertThat(user.api().get("/api/session").status()).as("still at work before the effective time")
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(1).plusMinutes(2));
        assertThat(terminations.executeDue()).isEqualTo(1);
        JsonNode done = asOfficer().get("/api/program/terminations/" + scheduled.text("id")).json();
        assertThat(done.get("status").asString()).isEqualTo("executed");
        assertThat(done.get("executedBy").asString()).isEqualTo(officer().id());
        assertThat(done.get("latencySeconds").asLong()).as("the schedule's lag").isEqualTo(120);
        assertThat(user.api().get("/api/session").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT terminated_at FROM users WHERE id = ?").param(user.id()).query(Long.class)
                .single()).isEqualTo(effective.toEpochMilli());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-termination' AND subtype = "
                + "'execute' AND entity_id = ? AND agent_user_agent = 'safeguard/termination-schedule'")
                .param(scheduled.text("id")).query(Long.class).single()).isEqualTo(1);
        assertThat(asOfficer().post("/api/program/terminations/" + scheduled.text("id") + "/cancel").status())
                .as("carried out is final").isEqualTo(409);

        SignedIn stays = newUser("staff");
        String kept = member("Noor Haddad", LocalDate.of(2022, 1, 10), stays.id());
        String id = asOfficer().post(ROSTER + "/" + kept + "/terminate", Api.map("effectiveAt",
                clock.instant().plus(Duration.ofDays(3)).toString(), "reason", "transfer")).text("id");
        Api.Response cancelled = asOfficer().post("/api/program/terminations/" + id + "/cancel");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        clock.advance(Duration.ofDays(4));
        terminations.executeDue();
        assertThat(asOfficer().get(ROSTER + "/" + kept).text("status")).isEqualTo("active");
        assertThat(jdbc.sql("SELECT status FROM users WHERE id = ?").param(stays.id()).query(String.class).single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void refusedTerminationsChangeNothing_isRefused() {
        SignedIn holder = newUser("staff");
        String member = member("Kim Osei", LocalDate.of(2020, 9, 1), holder.id());
        SignedIn compliance = newUser("compliance-officer");
        SignedIn auditor = newUser("auditor");
        long before = count("program_terminations");
        assertThat(compliance.api().post(ROSTER + "/" + member + "/terminate", Api.map("reason", "resignation"))
                .status()).isEqualTo(403);
        assertThat(auditor.api().post(ROSTER + "/" + member + "/terminate", Api.map("reason", "resignation"))
                .status()).isEqualTo(403);
        assertThat(auditor.api().get(ROSTER + "/" + member + "/termination-preview").status()).isEqualTo(200);
        assertThat(newUser("clinician").api().get(ROSTER + "/" + member + "/termination-preview").status())
                .isEqualTo(403);
        Map<String, Api.Response> bad = Map.of(
                "unknown reason", terminate(member, Api.map("reason", "vanished")),
                "no reason", terminate(member, Api.map("notes", "left")),
                "before the hire date", terminate(member, Api.map("reason", "resignation", "effectiveAt",
                        "2020-08-31T23:59:59Z")),
                "more than a year ahead", terminate(member, Api.map("reason", "resignation", "effectiveAt",
                        clock.instant().plus(Duration.ofDays(367)).toString())),
                "not an instant", terminate(member, Api.map("reason", "resignation", "effectiveAt", "tomorrow")),
                "notes too long", terminate(member, Api.map("reason", "resignation", "notes", "x".repeat(2001))),
                "an unknown field", terminate(member, Api.map("reason", "resignation", "force", true)));
        bad.forEach((why, r) -> {
            assertThat(r.status()).as(why + ": " + r).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(why).contains("application/problem+json");
        });
        assertThat(terminate("no-such-member", Api.map("reason", "resignation")).status()).isEqualTo(404);

        // One account of the member is the officer's own: identity refuses it, and the other account stays too.
        String mixed = member("Officer Twin", LocalDate.of(2018, 1, 1));
        SignedIn colleague = newUser("clinician");
        assertThat(asOfficer().post(ROSTER + "/" + mixed + "/accounts", Api.map("userId", colleague.id())).status())
                .isEqualTo(200);
        assertThat(asOfficer().post(ROSTER + "/" + mixed + "/accounts", Api.map("userId", officer().id())).status())
                .isEqualTo(200);
        assertThat(asOfficer().get(ROSTER + "/" + mixed + "/termination-preview").json().get("blockers").toString())
                .contains("your own");
        Api.Response refused = terminate(mixed, Api.map("reason", "dismissal"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(colleague.api().get("/api/session").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT status FROM users WHERE id = ?").param(colleague.id()).query(String.class)
                .single()).isEqualTo("ACTIVE");
        assertThat(asOfficer().get(ROSTER + "/" + mixed).text("status")).isEqualTo("active");
        assertThat(asOfficer().get(ROSTER + "/" + member).text("status")).isEqualTo("active");
        assertThat(holder.api().get("/api/session").status()).isEqualTo(200);
        assertThat(count("program_terminations")).isEqualTo(before);
    }

    @Test
    void theRosterValidatesItsInput_namesManagers_andKeepsSanctionsForOfficersAndAuditors() {
        SignedIn lead = newUser("clinician");
        SignedIn nurse = newUser("clinician");
        String manager = member("Avery Stone", LocalDate.of(2015, 5, 1), lead.id());
        Api.Response created = asOfficer().post(ROSTER, Api.map("name", "Jo Park", "jobTitle", "Registered nurse",
                "department", "Cardiology", "workforceType", "contractor", "managerId", manager, "hireDate",
                "2023-02-01", "userIds", List.of(nurse.id())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String member = created.text("id");
        assertThat(created.text("managerName")).isEqualTo("Avery Stone");
        assertThat(created.text("workforceType")).isEqualTo("contractor");
        assertThat(supervision.managerOf(nurse.id())).contains(lead.id());
        assertThat(supervision.managerOf(lead.id())).isEmpty();
        assertThat(asOfficer().get(ROSTER + "?status=active").body()).contains(member, manager);

        long members = count("program_workforce_members");
        Map<String, Map<String, Object>> bad = Map.of(
                "no name", Api.map("jobTitle", "Nurse", "hireDate", "2024-01-01"),
                "no hire date", Api.map("name", "A B", "jobTitle", "Nurse"),
                "a name too long", Api.map("name", "n".repeat(101), "jobTitle", "Nurse", "hireDate", "2024-01-01"),
                "a control character", Api.map("name", "Bad\u0007Name", "jobTitle", "Nurse", "hireDate", "2024-01-01"),
                "an unknown type", Api.map("name", "A B", "jobTitle", "Nurse", "hireDate", "2024-01-01",
                        "workforceType", "intern"),
                "a hire date in 1899", Api.map("name", "A B", "jobTitle", "Nurse", "hireDate", "1899-12-31"),
                "a date that is not one", Api.map("name", "A B", "jobTitle", "Nurse", "hireDate", "2024-02-30"),
                "an unknown manager", Api.map("name", "A B", "jobTitle", "Nurse", "hireDate", "2024-01-01",
                        "managerId", "nobody"),
                "an unknown account", Api.map("name", "A B", "jobTitle", "Nurse", "hireDate", "2024-01-01",
                        "userIds", List.of("nobody")));
        bad.forEach((why, body) -> {
            Api.Response r = asOfficer().post(ROSTER, body);
            assertThat(r.status()).as(why + ": " + r).isEqualTo(400);
        });
        assertThat(asOfficer().post(ROSTER, Api.map("name", "A B", "jobTitle", "Nurse", "hireDate", "2024-01-01",
                "userIds", List.of(nurse.id()))).status()).as("an account held by another member").isEqualTo(409);
        assertThat(count("program_workforce_members")).as("nothing half-created").isEqualTo(members);
        Api.Response cycle = asOfficer().put(ROSTER + "/" + manager, Api.map("name", "Avery Stone", "jobTitle",
                "Charge nurse", "hireDate", "2015-05-01", "managerId", member));
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(400);
        assertThat(cycle.text("detail")).contains("manage themselves");
        assertThat(asOfficer().put(ROSTER + "/no-such", Api.map("name", "X Y", "jobTitle", "Z", "hireDate",
                "2020-01-01")).status()).isEqualTo(404);

        Api.Response clearance = asOfficer().post(ROSTER + "/" + member + "/clearances", Api.map("kind",
                "background-check", "completedOn", "2023-01-20", "outcome", "cleared", "notes", "Vendor ref 4471"));
        assertThat(clearance.status()).as(clearance.toString()).isEqualTo(201);
        assertThat(asOfficer().post(ROSTER + "/" + member + "/clearances", Api.map("kind", "background-check",
                "completedOn", LocalDate.now(ZoneOffset.UTC).plusDays(400).toString(), "outcome", "cleared"))
                .status()).as("a completion date ahead").isEqualTo(400);
        assertThat(asOfficer().post(ROSTER + "/" + member + "/clearances", Api.map("kind", "horoscope",
                "completedOn", "2023-01-20", "outcome", "cleared")).status()).isEqualTo(400);

        String what = "Opened the chart of a neighbour, patient MRN 55-1234, without a work reason";
        Api.Response sanction = asOfficer().post(ROSTER + "/" + member + "/sanctions", Api.map("imposedOn",
                "2024-03-05", "policy", "Information access policy §3", "description", what, "sanction",
                "written-warning"));
        assertThat(sanction.status()).as(sanction.toString()).isEqualTo(201);
        assertThat(sanction.text("imposedBy")).isEqualTo(officer().id());
        assertThat(asOfficer().post(ROSTER + "/" + member + "/sanctions", Api.map("imposedOn", "2023-01-31",
                "policy", "P", "description", "D", "sanction", "verbal-warning")).status())
                .as("before the hire date").isEqualTo(400);
        byte[] sealed = jdbc.sql("SELECT description FROM program_workforce_sanctions WHERE id = ?")
                .param(sanction.text("id")).query(byte[].class).single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("MRN", "chart");
        Api auditor = newUser("auditor").api();
        assertThat(auditor.get(ROSTER + "/" + member + "/sanctions").json().get(0).get("description").asString())
                .isEqualTo(what);
        assertThat(auditor.post(ROSTER + "/" + member + "/sanctions", Api.map("imposedOn", "2024-03-05", "policy",
                "P", "description", "D", "sanction", "verbal-warning")).status()).isEqualTo(403);
        assertThat(nurse.api().get(ROSTER + "/" + member + "/sanctions").status()).as("not even their own")
                .isEqualTo(403);
        assertThat(nurse.api().get(ROSTER).status()).isEqualTo(403);
        assertThat(nurse.api().get("/program/workforce/" + member).status()).isEqualTo(403);
        Api.Response page = asOfficer().get("/program/workforce/" + member);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Jo Park", "Avery Stone", "written-warning", "background-check",
                "id=\"add-sanction\"", "id=\"terminate\"");
        Api.Response auditorPage = auditor.get("/program/workforce/" + member);
        assertThat(auditorPage.body()).contains("written-warning").doesNotContain("id=\"add-sanction\"",
                "id=\"terminate\"");
        assertThat(auditor.get("/program/workforce").body()).contains("Jo Park", "Avery Stone")
                .doesNotContain("id=\"add-member\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-workforce' AND subtype = "
                + "'sanction' AND entity_id = ?").param(sanction.text("id")).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type LIKE 'program-%' AND (reason LIKE ? OR "
                + "entity_id LIKE ?)").params("%Jo Park%", "%Jo Park%").query(Long.class).single()).isZero();

        // Accounts outside the roster are found; linking them clears the finding.
        SignedIn orphan = newUser("staff");
        assertThat(observed("program.workforce-accounts")).contains(orphan.id());
        assertThat(asOfficer().delete(ROSTER + "/" + member + "/accounts/" + lead.id()).status())
                .as("an account the member does not hold").isEqualTo(404);
        assertThat(asOfficer().post(ROSTER + "/" + member + "/accounts", Api.map("userId", orphan.id())).status())
                .isEqualTo(200);
        assertThat(observed("program.workforce-accounts")).doesNotContain(orphan.id());
        assertThat(asOfficer().delete(ROSTER + "/" + member + "/accounts/" + orphan.id()).status()).isEqualTo(200);
        assertThat(asOfficer().get(ROSTER + "/" + member).json().get("accounts")).hasSize(1);
    }


    @Test
    void trainingFallsDueAtHireAndAnnually_onBothSidesOfEachDate_andMembersCompleteOnlyTheirOwn() {
        SignedIn learner = newUser("clinician");
        SignedIn peer = newUser("staff");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String mine = member("Sam Rivera", today, learner.id());
        String theirs = member("Pat Lowe", today);
        assertThat(assignments(theirs)).as("no account, nothing to complete in the console").isEmpty();
        assertThat(asOfficer().post(ROSTER + "/" + theirs + "/accounts", Api.map("userId", peer.id())).status())
                .isEqualTo(200);
        assertThat(assignments(theirs)).hasSize(6);
        List<JsonNode> atHire = assignments(mine);
        assertThat(atHire).hasSize(6).allSatisfy(a -> {
            assertThat(a.get("reason").asString()).isEqualTo("at-hire");
            assertThat(a.get("dueOn").asString()).isEqualTo(today.plusDays(30).toString());
            assertThat(a.get("status").asString()).isEqualTo("open");
        });

        JsonNode overview = learner.api().get("/api/me/training").json();
        assertThat(overview.get("memberId").asString()).isEqualTo(mine);
        assertThat(overview.get("securityOfficial").asString()).isEqualTo("Security Officer");
        assertThat(overview.get("assignments")).hasSize(6);
        String awareness = atHire.stream().filter(a -> a.get("moduleId").asString().equals("security-awareness"))
                .findFirst().orElseThrow().get("id").asString();
        JsonNode opened = learner.api().get("/api/me/training/assignments/" + awareness).json();
        String version = opened.get("module").get("version").asString();
        assertThat(opened.get("module").get("html").asString()).contains("<h1>Security awareness");
        assertThat(opened.get("module").get("statement").asString()).startsWith("By completing this module");
        assertThat(learner.api().get("/me/training").body()).contains("Security awareness", "Phishing",
                "/me/training/" + awareness);
        assertThat(learner.api().get("/me/training/" + awareness).body()).contains("id=\"attest-form\"",
                "By completing this module");

        // Another member's assignment is out of reach, and stays open.
        String peers = assignments(theirs).get(0).get("id").asString();
        assertThat(learner.api().get("/api/me/training/assignments/" + peers).status()).isEqualTo(404);
        assertThat(learner.api().get("/me/training/" + peers).status()).isEqualTo(404);
        assertThat(learner.api().post("/api/me/training/assignments/" + peers + "/completion", Api.map("attested",
                true, "version", version)).status()).isEqualTo(404);
        assertThat(status(theirs, peers)).isEqualTo("open");
        assertThat(client().bearer(apiKey(officer().id(), List.of("system/*.read")).key()).get("/api/me/training")
                .status()).as("a service client has no training").isEqualTo(403);

        String completion = "/api/me/training/assignments/" + awareness + "/completion";
        assertThat(learner.api().post(completion, Api.map("attested", false, "version", version)).status())
                .isEqualTo(400);
        assertThat(learner.api().post(completion, Api.map("attested", true, "version", "0".repeat(64))).status())
                .as("a version other than the one shown").isEqualTo(409);
        Instant completedAt = clock.instant();
        Api.Response completed = learner.api().post(completion, Api.map("attested", true, "version", version));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("completed");
        assertThat(completed.text("completedVersion")).isEqualTo(version);
        assertThat(learner.api().post(completion, Api.map("attested", true, "version", version)).status())
                .as("a completion is final").isEqualTo(409);
        assertThat(learner.api().get("/me/training/" + awareness).body()).contains("id=\"completed-at\"")
                .doesNotContain("id=\"attest-form\"");
        assertThat(asOfficer().get("/program/training").body()).contains("Pending assignments", "Sam Rivera");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'program-training' AND subtype = "
                + "'complete' AND entity_id = ? AND entity_version = ?").params(awareness, version)
                .query(Long.class).single()).isEqualTo(1);

        // At-hire: open until the end of the due date (UTC), overdue from the next day.
        Instant deadline = today.plusDays(31).atStartOfDay(ZoneOffset.UTC).toInstant();
        clock.advance(Duration.between(clock.instant(), deadline).minusMinutes(2));
        asOfficer(); // signing in again moves the clock to the next code: do it before the boundary
        clock.advance(Duration.between(clock.instant(), deadline).minusMillis(1));
        assertThat(assignments(mine)).filteredOn(a -> !a.get("id").asString().equals(awareness))
                .allSatisfy(a -> assertThat(a.get("status").asString()).isEqualTo("open"));
        assertThat(observed("program.training-overdue")).doesNotContain(mine);
        clock.advance(Duration.ofMillis(1));
        assertThat(assignments(mine)).filteredOn(a -> !a.get("id").asString().equals(awareness))
                .allSatisfy(a -> assertThat(a.get("status").asString()).isEqualTo("overdue"));
        assertThat(observed("program.training-overdue")).contains(mine).contains("\"result\":\"fail\"");
        assertThat(observed("program.training-at-hire")).contains(mine);
        Api later = signIn(learner);
        String phishing = assignments(mine).stream().filter(a -> a.get("moduleId").asString().equals("phishing"))
                .findFirst().orElseThrow().get("id").asString();
        String phishingVersion = later.get("/api/me/training/assignments/" + phishing).json().get("module")
                .get("version").asString();
        assertThat(later.post("/api/me/training/assignments/" + phishing + "/completion", Api.map("attested", true,
                "version", phishingVersion)).text("status")).isEqualTo("completed-late");

        // The metric is what the assignments show: of those that fell due in the last 365 days, completed in time.
        JsonNode metric = metric("training-on-schedule");
        long due = 0;
        long onTime = 0;
        Instant now = clock.instant();
        for (JsonNode a : asOfficer().get("/api/program/training/assignments").json()) {
            Instant dl = LocalDate.parse(a.get("dueOn").asString()).plusDays(1).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            if (!a.get("status").asString().equals("cancelled") && !dl.isAfter(now)
                    && dl.isAfter(now.minus(Duration.ofDays(365)))) {
                due++;
                onTime += a.get("status").asString().equals("completed") ? 1 : 0;
            }
        }
        assertThat(metric.get("denominator").asLong()).isEqualTo(due).isGreaterThanOrEqualTo(12);
        assertThat(metric.get("numerator").asLong()).isEqualTo(onTime).isGreaterThanOrEqualTo(1);
        assertThat(metric("training-overdue").get("value").asDouble()).isGreaterThanOrEqualTo(9);
        assertThat(asOfficer().get("/program/training").body()).contains(" of " + due + " assignments due in the "
                + "last 365 days");

        // Annual: a year after the last completion, created 30 days ahead (not 31).
        LocalDate anniversary = LocalDate.ofInstant(completedAt, ZoneOffset.UTC).plusYears(1);
        clock.advance(Duration.between(clock.instant(), anniversary.minusDays(31).atTime(12, 0)
                .toInstant(ZoneOffset.UTC)));
        assignments.assignAllDue();
        assertThat(assignments(mine)).filteredOn(a -> a.get("moduleId").asString().equals("security-awareness"))
                .hasSize(1);
        clock.advance(Duration.ofDays(1));
        assignments.assignAllDue();
        List<JsonNode> annual = assignments(mine).stream().filter(a -> a.get("moduleId").asString()
                .equals("security-awareness") && a.get("reason").asString().equals("annual")).toList();
        assertThat(annual).hasSize(1);
        assertThat(annual.get(0).get("dueOn").asString()).isEqualTo(anniversary.toString());
        assertThat(annual.get(0).get("status").asString()).isEqualTo("open");
        assignments.assignAllDue();
        assertThat(assignments(mine)).as("the schedule creates each assignment once").hasSize(7);
    }

    @Test
    void officersWriteModulesAndRemindersSafely_andTheTrainingReportIsSignedEvidence() throws Exception {
        List<JsonNode> shipped = new ArrayList<>();
        asOfficer().get("/api/program/training/modules").json().forEach(m -> {
            if (!m.get("source").asString().equals("custom")) {
                shipped.add(m);
            }
        });
        assertThat(texts(Api.JSON.valueToTree(shipped), "id")).contains("security-awareness", "phishing",
                "password-management", "malicious-software", "log-in-monitoring", "incident-reporting");
        for (JsonNode m : shipped) {
            if (m.get("source").asString().equals("shipped")) {
                String text = new String(getClass().getClassLoader().getResourceAsStream("program/training/"
                        + m.get("id").asString() + ".md").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(m.get("version").asString()).isEqualTo(sha256(text));
                assertThat(m.get("atHire").asBoolean() && m.get("annual").asBoolean()).isTrue();
                assertThat(m.get("words").asInt()).isGreaterThanOrEqualTo(600);
            }
        }

        String words = " Keep printed schedules face down and shred them at the end of the day.".repeat(8);
        String hostile = "# Printed records at the front desk\n\n" + words + "\n\n<script>alert('x')</script>\n\n"
                + "[Open the form](javascript:alert(1))\n\n## Acknowledgment\n\nI will shred printed records.\n";
        Api.Response created = asOfficer().post("/api/program/training/modules", Api.map("content", hostile,
                "atHire", false, "annual", false));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(id).isEqualTo("printed-records-at-the-front-desk");
        assertThat(created.text("statement")).isEqualTo("I will shred printed records.");
        String html = asOfficer().get("/api/program/training/modules/" + id + "/text").text("html");
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("javascript:");
        Api.Response modulePage = asOfficer().get("/program/training/modules/" + id);
        assertThat(modulePage.status()).isEqualTo(200);
        assertThat(modulePage.body()).contains("&lt;script&gt;", "I will shred printed records.")
                .doesNotContain("<script>alert");
        assertThat(asOfficer().get("/program/training/modules/new").status()).isEqualTo(200);
        Map<String, Map<String, Object>> bad = Map.of(
                "no title", Api.map("content", words),
                "too short", Api.map("content", "# Short\n\nOnly a few words here."),
                "too long", Api.map("content", "# Long\n\n" + "x ".repeat(50_001)),
                "a bad id", Api.map("id", "Bad ID", "content", "# T\n\n" + words),
                "an unknown citation", Api.map("content", "# T2\n\n" + words, "citations", List.of("164.999")),
                "a control character", Api.map("content", "# T3\n\n" + words + "\u0000"));
        bad.forEach((why, body) -> assertThat(asOfficer().post("/api/program/training/modules", body).status())
                .as(why).isEqualTo(400));
        assertThat(asOfficer().post("/api/program/training/modules", Api.map("content", hostile)).status())
                .as("the same id twice").isEqualTo(409);
        assertThat(newUser("clinician").api().post("/api/program/training/modules", Api.map("content",
                "# Other\n\n" + words)).status()).isEqualTo(403);

        Api.Response changed = asOfficer().put("/api/program/training/modules/" + id, Api.map("content",
                hostile.replace("front desk", "reception desk")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("version")).isNotEqualTo(created.text("version"));
        assertThat(changed.json().get("versions")).hasSize(2);
        assertThat(asOfficer().put("/api/program/training/modules/log-in-monitoring", Api.map("content",
                "# Log-in monitoring at our clinic\n\n" + words)).text("source")).isEqualTo("customized");

        SignedIn learner = newUser("staff");
        String member = member("Ira Bell", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), learner.id());
        LocalDate inAWeek = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(7);
        Api.Response assigned = asOfficer().post("/api/program/training/assignments", Api.map("memberId", member,
                "moduleId", id, "dueOn", inAWeek.toString()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        assertThat(assigned.text("reason")).isEqualTo("assigned");
        assertThat(asOfficer().post("/api/program/training/assignments", Api.map("memberId", member, "moduleId", id,
                "dueOn", inAWeek.toString())).status()).as("one open assignment per module").isEqualTo(409);
        assertThat(asOfficer().post("/api/program/training/assignments", Api.map("memberId", member, "moduleId",
                "phishing", "dueOn", inAWeek.minusDays(8).toString())).status()).isEqualTo(400);
        assertThat(asOfficer().put("/api/program/training/modules/" + id, Api.map("active", false)).status())
                .isEqualTo(200);
        assertThat(status(member, assigned.text("id"))).as("a withdrawn module's assignments end")
                .isEqualTo("cancelled");

        // Security reminders: published by officers, seen once by each user.
        assertThat(learner.api().post("/api/program/training/reminders", Api.map("title", "T", "body", "B"))
                .status()).isEqualTo(403);
        assertThat(asOfficer().post("/api/program/training/reminders", Api.map("title", "Line\none", "body", "B"))
                .status()).isEqualTo(400);
        Api.Response reminder = asOfficer().post("/api/program/training/reminders", Api.map("title",
                "Lock your screen", "body", "Press **Windows key + L** whenever you step away."));
        assertThat(reminder.status()).as(reminder.toString()).isEqualTo(201);
        assertThat(reminder.text("html")).contains("<strong>Windows key + L</strong>");
        assertThat(texts(learner.api().get("/api/me/training").json().get("reminders"), "id"))
                .contains(reminder.text("id"));
        assertThat(learner.api().post("/api/me/training/reminders/" + reminder.text("id") + "/read").status())
                .isEqualTo(204);
        assertThat(texts(learner.api().get("/api/me/training").json().get("reminders"), "id"))
                .doesNotContain(reminder.text("id"));
        assertThat(learner.api().post("/api/me/training/reminders/no-such/read").status()).isEqualTo(404);
        assertThat(evaluation.run("program.security-reminders").result()).isEqualTo("pass");
        assertThat(asOfficer().get("/program/training").body()).contains("Lock your screen", "read by 1");

        // The training report: signed export evidence on request, automated evidence on the schedule.
        Api.Response recorded = asOfficer().post("/api/program/training/reports", Api.map());
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String evidenceId = recorded.text("evidenceId");
        assertThat(evidence.verify(evidenceId).valid()).isTrue();
        assertThat(asOfficer().get("/api/program/evidence/" + evidenceId).text("kind")).isEqualTo("export");
        JsonNode report = asOfficer().get("/api/program/evidence/" + evidenceId + "/content").json();
        assertThat(texts(report.get("modules"), "moduleId")).contains("security-awareness", id);
        assertThat(asOfficer().get("/api/program/training/reports/current").json().get("modules").size())
                .isEqualTo(report.get("modules").size());
        Instant now = clock.instant();
        assertThat(asOfficer().get("/api/program/training/reports/current?from=" + now + "&to="
                + now.minusSeconds(60)).status()).isEqualTo(400);
        assertThat(asOfficer().post("/api/program/training/reports", Api.map("to", now.plusSeconds(60).toString()))
                .status()).isEqualTo(400);
        assertThat(reports.recordIfDue()).as("a report was recorded just now").isEmpty();
        clock.advance(Duration.ofDays(31));
        String automated = reports.recordIfDue().orElseThrow().evidenceId();
        JsonNode scheduled = asOfficer().get("/api/program/evidence/" + automated).json();
        assertThat(scheduled.get("kind").asString()).isEqualTo("export");
        assertThat(scheduled.get("collectorType").asString()).isEqualTo("system");
        assertThat(scheduled.get("series").asString()).isEqualTo("training-report");
        assertThat(asOfficer().get("/api/program/evidence/" + evidenceId).json().get("supersededFor"))
                .as("the scheduled report supersedes the officer's: one series").isNotEmpty();
        assertThat(reports.recordIfDue()).isEmpty();

        clock.advance(Duration.ofDays(60));
        assertThat(evaluation.run("program.security-reminders").result()).as("91 days after the reminder")
                .isEqualTo("fail");
    }

    // ---- helpers

    /** Runs a check through the API and returns its result and what it observed (its evidence's content). */
    String observed(String checkId) {
        Api.Response run = asOfficer().post("/api/program/checks/" + checkId + "/run");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        Api.Response content = asOfficer().get("/api/program/evidence/" + run.text("evidenceId") + "/content");
        assertThat(content.status()).as(content.toString()).isEqualTo(200);
        return "{\"result\":\"" + run.text("result") + "\",\"observed\":" + content.body() + "}";
    }

    private List<JsonNode> assignments(String member) {
        List<JsonNode> list = new ArrayList<>();
        asOfficer().get("/api/program/training/assignments?member=" + member).json().forEach(list::add);
        return list;
    }

    private String status(String member, String assignment) {
        return assignments(member).stream().filter(a -> a.get("id").asString().equals(assignment)).findFirst()
                .orElseThrow().get("status").asString();
    }

    private JsonNode metric(String id) {
        for (JsonNode m : asOfficer().get("/api/program/metrics").json()) {
            if (m.get("id").asString().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no metric " + id);
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private String terminatedWithLatency(Duration latency) {
        SignedIn user = newUser("staff");
        String member = member("Lee " + UUID.randomUUID().toString().substring(0, 6), LocalDate.of(2020, 1, 1),
                user.id());
        clock.advance(latency.plusMinutes(5));
        asOfficer(); // signs in again if needed (which moves the clock) before the effective time is taken
        Api.Response done = terminate(member, Api.map("reason", "retirement", "effectiveAt",
                clock.instant().minus(latency).toString()));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("latencySeconds").asLong()).isEqualTo(latency.toSeconds());
        return done.text("id");
    }

    private Api.Response terminate(String member, Map<String, Object> body) {
        return asOfficer().post(ROSTER + "/" + member + "/terminate", body);
    }

    String member(String name, LocalDate hired, String... userIds) {
        Api.Response created = asOfficer().post(ROSTER, Api.map("name", name, "jobTitle", "Clinic staff",
                "hireDate", hired.toString(), "userIds", List.of(userIds)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    record Key(String key, String clientId) {
    }

    Key apiKey(String ownerId, List<String> scopes) {
        Api.Response created = asOfficer().post("/api/service-clients", Api.map("name", "app " + UUID.randomUUID(),
                "ownerId", ownerId, "scopes", scopes, "expiresInDays", 30));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Key(created.text("apiKey"), created.json().get("client").get("id").asString());
    }

    private String patient() {
        Map<String, Object> patient = Api.map("resourceType", "Patient", "name", List.of(Api.map("family",
                "Synthetic", "given", List.of("Test"))), "gender", "other", "birthDate", "1980-01-01");
        // A new key each time: the test clock moves by months, and keys expire.
        Api loader = client().bearer(apiKey(officer().id(), List.of("system/*.read", "system/*.write")).key());
        Api.Response created = loader.send(loader.request("/fhir/Patient").header("Content-Type",
                "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(
                Api.JSON.writeValueAsString(patient))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static JsonNode account(JsonNode preview, String userId) {
        for (JsonNode a : preview.get("accounts")) {
            if (a.get("userId").asString().equals(userId)) {
                return a;
            }
        }
        throw new AssertionError("no account " + userId + " in " + preview);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(field == null ? v.asString() : v.get(field).asString()));
        return values;
    }
}

@OnDatabase(Database.SQLITE)
class SqliteWorkforceIntegrationTests extends WorkforceIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresWorkforceIntegrationTests extends WorkforceIntegrationTests {
}
