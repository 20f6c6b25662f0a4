package dev.safeguard.program.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.Evidence;
import dev.safeguard.program.Policies;
import dev.safeguard.program.PolicyAcknowledgments;
import dev.safeguard.program.PolicyCoverage;
import dev.safeguard.program.PolicyDetail;
import dev.safeguard.program.PolicyDraft;
import dev.safeguard.program.PolicyVersion;
import dev.safeguard.program.PolicyVersions;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Policies and documentation (164.316) and emergency mode (164.308(a)(7)(ii)(C)) against the real server: templates
 * become drafts with their placeholders filled; approval needs another officer; approved and effective versions never
 * change (API and database triggers); a new effective version supersedes the old one and needs new acknowledgments;
 * versions younger than six years cannot be deleted (API 409, database trigger) and older ones can; reviews, checks and
 * metrics follow the clock; and while the vault is in emergency mode every write is refused, reads work and are
 * audited. The template test runs first: it needs a core topic no other test has created yet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class PolicyIntegrationTests extends ServerTest {

    private static final String POLICIES = "/api/program/policies";
    private static final String MINE = "/api/me/policies";
    private static final String EMERGENCY = "/api/emergency-mode";
    private static final RequestOrigin LOCAL = new RequestOrigin("127.0.0.1", "policy-tests");

    @Autowired
    Policies policies;
    @Autowired
    PolicyVersions versions;
    @Autowired
    PolicyAcknowledgments acknowledgments;
    @Autowired
    Evaluation evaluation;
    @Autowired
    Evidence evidence;
    @Autowired
    Workforce workforce;

    private final Map<String, SignedIn> people = new HashMap<>();
    private final Map<String, Api> sessions = new HashMap<>();

    // ---- policies

    @Test
    @Order(1)
    void aTemplateBecomesADraftWithItsPlaceholdersFilled_oncePerTopic_andBadInputChangesNothing() {
        Api compliance = as(person("compliance-officer"));
        assertThat(compliance.get("/api/program/policy-templates").json()).hasSize(17);
        Api.Response created = compliance.post(POLICIES, Api.map("template", "access-control", "organization",
                "Riverside Family Clinic"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode policy = created.json().get("policy");
        assertThat(policy.get("topic").asString()).isEqualTo("access-control");
        assertThat(policy.get("title").asString()).isEqualTo("Access Control Policy");
        assertThat(strings(policy.get("citations"))).containsExactly("164.312(a)(2)(i)", "164.312(a)(2)(ii)",
                "164.312(a)(2)(iii)", "164.312(a)(2)(iv)");
        assertThat(policy.get("pendingState").asString()).isEqualTo("draft");
        assertThat(policy.get("effectiveVersion").isNull()).isTrue();
        JsonNode v1 = created.json().get("versions").get(0);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("state").asString()).isEqualTo(PolicyVersion.DRAFT);
        // The text states this server's settings: 15-minute logoff, 12-hour sessions, 60-minute break-glass grants.
        assertThat(v1.get("markdown").asString()).contains("Riverside Family Clinic", "15 minutes of inactivity",
                "12 hours", "for 60 minutes by default", "at most 4 hours", "72 hours").doesNotContain("{{");
        assertThat(v1.get("retainUntil").asString()).isEqualTo(Instant.parse(v1.get("createdAt").asString())
                .atZone(ZoneOffset.UTC).plusYears(6).toInstant().toString());
        assertThat(events("create", policy.get("id").asString())).isEqualTo(1);

        long before = count("program_policies");
        long versionsBefore = count("program_policy_versions");
        assertThat(compliance.post(POLICIES, Api.map("template", "access-control")).status())
                .as("one policy per core topic").isEqualTo(409);
        List<Map<String, Object>> bad = List.of(
                Api.map("template", "no-such-template"),
                Api.map("title", "Clean desk", "markdown", "# Clean desk\n"),
                Api.map("title", "Clean desk", "citations", List.of("164.999(z)"), "markdown", "# Clean desk\n"),
                Api.map("title", "Clean desk", "citations", List.of("164.310(b)")),
                Api.map("title", "x".repeat(201), "citations", List.of("164.310(b)"), "markdown", "# A\n"),
                Api.map("title", "Clean\u0007desk", "citations", List.of("164.310(b)"), "markdown", "# A\n"),
                Api.map("title", "Clean desk", "citations", List.of("164.310(b)"), "markdown", "# A\u0000\n"),
                Api.map("title", "Clean desk", "citations", List.of("164.310(b)"), "markdown", "#".repeat(200_001)),
                Api.map("title", "Clean desk", "citations", List.of("164.310(b)"), "markdown", "# A\n",
                        "reviewMonths", 0),
                Api.map("title", "Clean desk", "citations", List.of("164.310(b)"), "markdown", "# A\n",
                        "topic", "gardening"),
                Api.map("title", "Clean desk", "citations", List.of("164.310(b)"), "markdown", "# A\n",
                        "ownerId", "nobody"),
                Api.map("template", "sanctions", "organization", "{{security_official}}"));
        for (Map<String, Object> body : bad) {
            Api.Response refused = compliance.post(POLICIES, body);
            assertThat(refused.status()).as(body.keySet() + " " + refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(compliance.post(POLICIES, "{\"title\": 5, \"citations\": \"164.310(b)\"}").status())
                .isEqualTo(400);
        assertThat(as(person("auditor")).post(POLICIES, Api.map("template", "sanctions")).status())
                .isEqualTo(403);
        assertThat(as(person("clinician")).get(POLICIES).status()).isEqualTo(403);
        assertThat(count("program_policies")).isEqualTo(before);
        assertThat(count("program_policy_versions")).isEqualTo(versionsBefore);
        assertThat(compliance.get(POLICIES + "/no-such-policy").status()).isEqualTo(404);
        assertThat(compliance.get(POLICIES + "/" + policy.get("id").asString() + "/versions/one").status())
                .isEqualTo(400);
    }

    @Test
    void approvalNeedsAnotherOfficer_approvedVersionsNeverChange_andANewEffectiveVersionSupersedesAndAsksAgain() {
        SignedIn author = person("compliance-officer");
        SignedIn nurse = person("clinician");
        String id = created(as(author), custom("Clean Desk Procedure " + UUID.randomUUID()));
        String v1 = POLICIES + "/" + id + "/versions/1";
        Api.Response edited = as(author).put(v1, Api.map("markdown", "# Clean Desk Procedure\n\nLock the screen "
                + "(Win+L) whenever you step away.\n", "changeSummary", "Shortcut added"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(as(author).put(v1, Api.map("markdown", "# Stale\n", "baseSha256", "0".repeat(64))).status())
                .as("an edit based on an older text").isEqualTo(409);

        assertThat(as(author).post(v1 + "/approval", Api.map()).status()).as("the author").isEqualTo(403);
        assertThat(as(person("auditor")).post(v1 + "/approval", Api.map()).status()).isEqualTo(403);
        assertThat(as(author).post(v1 + "/effective", Api.map()).status()).as("a draft").isEqualTo(409);
        Api.Response approved = asOfficer().post(v1 + "/approval", Api.map("note", "Matches the workstation rules"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("state")).isEqualTo(PolicyVersion.APPROVED);
        assertThat(approved.text("approvedBy")).isEqualTo(officer().id());
        String approval = approved.text("approvalEvidenceId");
        assertThat(evidence.verify(approval).valid()).isTrue();
        JsonNode record = asOfficer().get("/api/program/evidence/" + approval).json();
        assertThat(strings(record.get("controls"))).contains("164.310(b)", "164.316(a)", "164.316(b)(2)(i)");
        assertThat(asOfficer().get("/api/program/evidence/" + approval + "/content").body())
                .contains("Lock the screen", approved.text("contentSha256"));
        assertThat(asOfficer().post(v1 + "/approval", Api.map()).status()).as("approved once").isEqualTo(409);
        assertThat(as(author).put(v1, Api.map("markdown", "# Changed after approval\n")).status())
                .isEqualTo(409);

        Api.Response effective = as(author).post(v1 + "/effective", Api.map());
        assertThat(effective.status()).as(effective.toString()).isEqualTo(200);
        assertThat(effective.text("state")).isEqualTo(PolicyVersion.EFFECTIVE);
        assertThat(effective.text("effectiveOn")).isEqualTo(today().toString());
        assertThat(effective.json().get("retainUntil").isNull()).as("retained while in force").isTrue();
        assertThat(as(author).put(v1, Api.map("markdown", "# Changed in force\n")).status()).isEqualTo(409);
        assertThatThrownBy(() -> jdbc.sql("UPDATE program_policy_versions SET markdown = 'changed' WHERE policy_id = ? "
                + "AND version = 1").param(id).update()).as("the database refuses editing it too")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE program_policy_versions SET state = 'draft', approved_at = NULL, "
                + "approved_by = NULL WHERE policy_id = ? AND version = 1").param(id).update())
                .isInstanceOf(RuntimeException.class);
        assertThat(as(author).get(v1).text("markdown")).contains("Lock the screen");

        assertThat(as(nurse).post(MINE + "/" + id + "/acknowledgment", Api.map("version", 1)).status())
                .isEqualTo(200);

        Api.Response changed = as(author).put(POLICIES + "/" + id, Api.map("title", "Clean Desk and Screen "
                + "Procedure", "ownerId", officer().id(), "citations", List.of("164.310(b)"), "reviewMonths", 6,
                "acknowledgmentRequired", true));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("nextReviewOn")).as("the cadence moves the review date")
                .isEqualTo(today().plusMonths(6).toString());
        assertThat(strings(changed.json().get("citations"))).containsExactly("164.310(b)");
        for (Map<String, Object> bad : List.of(
                Api.map("title", "T", "ownerId", officer().id(), "citations", List.of(), "reviewMonths", 6,
                        "acknowledgmentRequired", true),
                Api.map("title", "T", "ownerId", officer().id(), "citations", List.of("164.310(b)"),
                        "acknowledgmentRequired", true),
                Api.map("title", "T", "ownerId", officer().id(), "citations", List.of("164.310(b)"), "reviewMonths",
                        37, "acknowledgmentRequired", true),
                Api.map("title", " ", "ownerId", officer().id(), "citations", List.of("164.310(b)"), "reviewMonths",
                        6, "acknowledgmentRequired", true))) {
            assertThat(as(author).put(POLICIES + "/" + id, bad).status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(as(person("auditor")).put(POLICIES + "/" + id, Api.map("title", "T")).status()).isEqualTo(403);
        assertThat(as(author).put(POLICIES + "/nope", Api.map("title", "T", "ownerId", officer().id(), "citations",
                List.of("164.310(b)"), "reviewMonths", 6, "acknowledgmentRequired", true)).status()).isEqualTo(404);
        assertThat(as(author).get(POLICIES + "/" + id).json().get("policy").get("title").asString())
                .isEqualTo("Clean Desk and Screen Procedure");
        assertThat(events("update", id)).isEqualTo(1);
        Api.Response started = as(author).post(POLICIES + "/" + id + "/versions", Api.map("changeSummary",
                "Add printers"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.json().get("version").asInt()).isEqualTo(2);
        assertThat(started.text("markdown")).contains("Lock the screen");
        assertThat(as(author).post(POLICIES + "/" + id + "/versions", Api.map()).status())
                .as("one pending version at a time").isEqualTo(409);
        String v2 = POLICIES + "/" + id + "/versions/2";
        assertThat(as(author).put(v2, Api.map("markdown", "# Clean Desk Procedure\n\nLock the screen whenever "
                + "you step away. Collect printouts at once.\n")).status()).isEqualTo(200);
        Api.Response ownForm = as(author).send(as(author).request("/program/policies/" + id + "/versions/2/approval")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("note=Looks+good")));
        assertThat(ownForm.status()).as("the console refuses the author too").isEqualTo(403);
        assertThat(ownForm.body()).contains("another security or compliance officer must approve it");
        Api auditor = as(person("auditor"));
        assertThat(auditor.get("/program/policies/" + id).body()).contains("Clean Desk and Screen Procedure")
                .doesNotContain("id=\"save-policy\"", "id=\"start-version\"", "id=\"record-review\"");
        assertThat(auditor.get("/program/policies/" + id + "/versions/2").body()).contains("id=\"policy-text\"")
                .doesNotContain("id=\"approve\"", "id=\"save-draft\"");
        assertThat(as(person("clinician")).get("/program/policies").status()).isEqualTo(403);
        assertThat(asOfficer().get("/program/policies/" + id + "/versions/2").body()).contains("id=\"approve\"");
        assertThat(asOfficer().post(v2 + "/approval", Api.map()).status()).isEqualTo(200);

        // Scheduled for tomorrow: nothing changes until the date comes, then v2 takes effect and v1 is superseded.
        LocalDate tomorrow = today().plusDays(1);
        assertThat(as(author).post(v2 + "/effective", Api.map("effectiveOn", today().minusDays(1).toString()))
                .status()).as("before the approval").isEqualTo(400);
        assertThat(as(author).post(v2 + "/effective", Api.map("effectiveOn", today().plusYears(1).plusDays(1)
                .toString())).status()).as("more than a year ahead").isEqualTo(400);
        assertThat(as(author).post(v2 + "/effective", Api.map("effectiveOn", "next week")).status()).isEqualTo(400);
        Api.Response scheduled = as(author).post(v2 + "/effective", Api.map("effectiveOn", tomorrow.toString()));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.text("state")).isEqualTo(PolicyVersion.APPROVED);
        assertThat(scheduled.json().get("scheduled").asBoolean()).isTrue();
        clock.set(tomorrow.atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1));
        versions.activateDue();
        assertThat(policies.get(actor(author, Role.COMPLIANCE_OFFICER), id).policy().effectiveVersion())
                .isEqualTo(1);
        clock.set(tomorrow.atStartOfDay(ZoneOffset.UTC).toInstant());
        versions.activateDue();
        PolicyDetail after = policies.get(actor(author, Role.COMPLIANCE_OFFICER), id);
        assertThat(after.policy().effectiveVersion()).isEqualTo(2);
        assertThat(after.policy().pendingVersion()).isNull();
        PolicyVersion superseded = after.versions().get(1);
        assertThat(superseded.state()).isEqualTo(PolicyVersion.SUPERSEDED);
        assertThat(superseded.supersededByVersion()).isEqualTo(2);
        assertThat(superseded.supersededAt()).isEqualTo(clock.instant());
        assertThat(superseded.retainUntil()).isEqualTo(clock.instant().atZone(ZoneOffset.UTC).plusYears(6)
                .toInstant());
        assertThat(events("supersede", id)).isEqualTo(1);
        assertThat(events("effective", id)).isEqualTo(2);

        Api nurseApi = as(nurse);
        JsonNode mine = nurseApi.get(MINE + "/" + id).json();
        assertThat(mine.get("version").asInt()).isEqualTo(2);
        assertThat(mine.get("acknowledgedAt").isNull()).as("a new version needs a new acknowledgment").isTrue();
        assertThat(nurseApi.post(MINE + "/" + id + "/acknowledgment", Api.map("version", 1)).status())
                .as("the superseded version").isEqualTo(409);
        assertThat(nurseApi.post(MINE + "/" + id + "/acknowledgment", Api.map("version", 2)).status()).isEqualTo(200);
    }

    @Test
    void deletingAVersionYoungerThanSixYearsIsRefusedByTheApiAndTheDatabase_andAnOlderOneIsDeleted() {
        SignedIn author = person("compliance-officer");
        String young = created(as(author), custom("Visitor Log Procedure " + UUID.randomUUID()));
        JsonNode draft = as(author).get(POLICIES + "/" + young + "/versions/1").json();
        Api.Response refused = as(author).delete(POLICIES + "/" + young + "/versions/1");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("deletableFrom")).isEqualTo(draft.get("retainUntil").asString());
        assertThat(refused.text("detail")).contains("retained until", "164.316(b)(2)(i)");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM program_policy_versions WHERE policy_id = ?").param(young)
                .update()).as("the database refuses it by its own clock").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE program_policy_versions SET retain_until = created_at WHERE "
                + "policy_id = ?").param(young).update()).as("and moving its retention date earlier")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM program_policies WHERE id = ?").param(young).update())
                .isInstanceOf(RuntimeException.class);
        assertThat(as(author).get(POLICIES + "/" + young + "/versions/1").status()).isEqualTo(200);
        assertThat(events("version-delete", young)).isZero();

        // Seven years ago (by the real time: the database's trigger reads its own clock), v1 took effect and was
        // superseded by v2 the next day; v2 by v3 a day later.
        Instant present = clock.instant();
        Actor writer = actor(author, Role.COMPLIANCE_OFFICER);
        Actor approver = actor(officer(), Role.SECURITY_OFFICER);
        SignedIn reader = person("staff");
        clock.set(Instant.now().minus(Duration.ofDays(7 * 365 + 10)));
        String old = policies.create(writer, new PolicyDraft(null, null, "Key Handover Procedure "
                + UUID.randomUUID(), null, null, List.of("164.310(a)(2)(iii)"), null, true,
                "# Key Handover Procedure\n\nKeys are signed out and in.\n"), LOCAL).policy().id();
        inForce(writer, approver, old, 1);
        acknowledgments.acknowledge(actor(reader, Role.STAFF), old, 1, LOCAL);
        clock.advance(Duration.ofDays(1));
        versions.start(writer, old, "# Key Handover Procedure\n\nKeys are signed out and in, with a witness.\n",
                null, LOCAL);
        inForce(writer, approver, old, 2);
        clock.advance(Duration.ofDays(1));
        versions.start(writer, old, null, null, LOCAL);
        inForce(writer, approver, old, 3);
        acknowledgments.acknowledge(actor(reader, Role.STAFF), old, 3, LOCAL);

        Instant v1Until = versions.get(writer, old, 1).retainUntil();
        assertThat(v1Until).isEqualTo(versions.get(writer, old, 1).supersededAt().atZone(ZoneOffset.UTC).plusYears(6)
                .toInstant());
        clock.set(v1Until.minusMillis(1));
        assertThatThrownBy(() -> versions.delete(writer, old, 1, LOCAL)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).kind()).isEqualTo(ProblemKind.CONFLICT));
        clock.set(v1Until);
        versions.delete(writer, old, 1, LOCAL);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM program_policy_acknowledgments WHERE policy_id = ? AND version = 1")
                .param(old).query(Long.class).single()).as("its acknowledgments go with it").isZero();

        clock.set(present.plus(Duration.ofMinutes(1)));
        Api api = as(author);
        assertThat(api.delete(POLICIES + "/" + old + "/versions/2").status()).isEqualTo(204);
        assertThat(api.delete(POLICIES + "/" + old + "/versions/2").status()).isEqualTo(404);
        Api.Response inForce = api.delete(POLICIES + "/" + old + "/versions/3");
        assertThat(inForce.status()).as("the version in force").isEqualTo(409);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM program_policy_acknowledgments WHERE policy_id = ? AND "
                + "version = 3").param(old).update()).isInstanceOf(RuntimeException.class);
        JsonNode remaining = api.get(POLICIES + "/" + old + "/versions").json();
        assertThat(remaining).hasSize(1);
        assertThat(remaining.get(0).get("version").asInt()).isEqualTo(3);
        assertThat(api.post(POLICIES + "/" + old + "/versions", Api.map()).json().get("version").asInt())
                .as("a version number is never used twice").isEqualTo(4);
        assertThat(events("version-delete", old)).isEqualTo(2);
    }

    @Test
    void everyCorePolicyInForce_reviewsKeepTheirSchedule_andTheChecksAndMetricsFollow() {
        SignedIn author = person("compliance-officer");
        Actor writer = actor(author, Role.COMPLIANCE_OFFICER);
        Actor approver = actor(officer(), Role.SECURITY_OFFICER);
        if (evaluation.run("program.policies-in-force").result().equals("pass")) {
            throw new AssertionError("no test but this one puts every core policy in force");
        }
        Map<String, String> byTopic = new HashMap<>();
        policies.all().stream().filter(p -> p.topic() != null).forEach(p -> byTopic.put(p.topic(), p.id()));
        for (JsonNode template : as(author).get("/api/program/policy-templates").json()) {
            String topic = template.get("id").asString();
            String id = byTopic.containsKey(topic) ? byTopic.get(topic) : policies.create(writer, new PolicyDraft(
                    topic, null, null, null, null, null, null, null, null), LOCAL).policy().id();
            PolicyDetail detail = policies.get(writer, id);
            if (detail.policy().effectiveVersion() == null) {
                inForce(writer, approver, id, detail.policy().pendingVersion());
            }
        }
        assertThat(evaluation.run("program.policies-in-force").result()).isEqualTo("pass");

        String id = policies.all().stream().filter(p -> "evaluation".equals(p.topic())).findFirst().orElseThrow().id();
        JsonNode policy = as(author).get(POLICIES + "/" + id).json().get("policy");
        LocalDate next = LocalDate.parse(policy.get("nextReviewOn").asString());
        assertThat(next).isEqualTo(LocalDate.ofInstant(Instant.parse(policy.get("effectiveAt").asString()),
                ZoneOffset.UTC).plusMonths(12));
        clock.set(next.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1));
        assertThat(policies.get(writer, id).policy().reviewOverdue()).as("on the review date").isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(policies.get(writer, id).policy().reviewOverdue()).as("the day after").isTrue();
        assertThat(evaluation.run("program.policy-reviews").result()).isEqualTo("fail");
        long overdue = policies.all().stream().filter(dev.safeguard.program.Policy::reviewOverdue).count();
        assertThat(metric(dev.safeguard.program.Metric.OVERDUE_POLICY_REVIEWS).get("value").asDouble())
                .isEqualTo((double) overdue);

        Api api = as(author);
        String reviews = POLICIES + "/" + id + "/reviews";
        assertThat(api.post(reviews, Api.map("outcome", "maybe", "notes", "Read it")).status()).isEqualTo(400);
        assertThat(api.post(reviews, Api.map("outcome", "no-change", "notes", " ")).status()).isEqualTo(400);
        assertThat(as(person("auditor")).post(reviews, Api.map("outcome", "no-change", "notes", "Fine")).status())
                .isEqualTo(403);
        Api.Response reviewed = api.post(reviews, Api.map("outcome", "no-change", "notes", "Checked against the "
                + "evaluation checks list; still accurate."));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(201);
        JsonNode now = reviewed.json().get("policy");
        assertThat(now.get("reviewOverdue").asBoolean()).isFalse();
        assertThat(now.get("nextReviewOn").asString()).isEqualTo(today().plusMonths(12).toString());
        String review = reviewed.json().get("reviews").get(0).get("evidenceId").asString();
        assertThat(evidence.verify(review).valid()).isTrue();
        assertThat(asOfficer().get("/api/program/evidence/" + review).json().get("kind").asString())
                .isEqualTo("attestation");

        String documentation = policies.all().stream().filter(p -> "documentation".equals(p.topic())).findFirst()
                .orElseThrow().id();
        Api.Response revise = api.post(POLICIES + "/" + documentation + "/reviews", Api.map("outcome", "revise",
                "notes", "Add the new records retention schedule"));
        assertThat(revise.status()).isEqualTo(201);
        assertThat(revise.json().get("policy").get("pendingState").asString()).as("a new draft").isEqualTo("draft");
        String young = created(api, custom("Nothing In Force " + UUID.randomUUID()));
        assertThat(api.post(POLICIES + "/" + young + "/reviews", Api.map("outcome", "no-change", "notes", "x"))
                .status()).as("nothing in force to review").isEqualTo(409);

        for (dev.safeguard.program.Policy p : policies.all()) {
            if (p.reviewOverdue()) {
                assertThat(api.post(POLICIES + "/" + p.id() + "/reviews", Api.map("outcome", "no-change", "notes",
                        "Annual review")).status()).isEqualTo(201);
            }
        }
        assertThat(evaluation.run("program.policy-reviews").result()).isEqualTo("pass");
        assertThat(metric(dev.safeguard.program.Metric.OVERDUE_POLICY_REVIEWS).get("value").asDouble()).isZero();
    }

    @Test
    void membersAcknowledgeThePolicyInForceForThemselvesOnly_andCoverageAndOverdueFollowTheClock() {
        SignedIn author = person("compliance-officer");
        SignedIn nurse = person("clinician");
        SignedIn clerk = person("staff");
        String id = created(as(author), custom("Screen Privacy Procedure " + UUID.randomUUID()));
        inForce(actor(author, Role.COMPLIANCE_OFFICER), actor(officer(), Role.SECURITY_OFFICER), id, 1);
        Instant effectiveAt = policies.get(actor(author, Role.COMPLIANCE_OFFICER), id).policy().effectiveAt();

        JsonNode listed = null;
        for (JsonNode p : as(nurse).get(MINE).json()) {
            if (p.get("policyId").asString().equals(id)) {
                listed = p;
            }
        }
        assertThat(listed).as("on the nurse's list").isNotNull();
        assertThat(listed.get("acknowledged").asBoolean()).isFalse();
        assertThat(listed.get("dueOn").asString()).isEqualTo(LocalDate.ofInstant(effectiveAt.plus(Duration.ofDays(30)),
                ZoneOffset.UTC).toString());
        assertThat(as(nurse).get(MINE + "/" + id).text("markdown")).contains("Screen Privacy Procedure");
        String ack = MINE + "/" + id + "/acknowledgment";
        assertThat(as(nurse).post(ack, Api.map()).status()).isEqualTo(400);
        assertThat(as(nurse).post(ack, Api.map("version", 2)).status()).isEqualTo(409);
        assertThat(as(nurse).post(ack, Api.map("version", 1, "userId", clerk.id())).status())
                .as("nobody acknowledges for someone else").isEqualTo(400);
        Api.Response given = as(nurse).post(ack, Api.map("version", 1));
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        assertThat(given.json().get("acknowledged").asBoolean()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(as(nurse).post(ack, Api.map("version", 1)).text("acknowledgedAt"))
                .as("a repeat changes nothing").isEqualTo(given.text("acknowledgedAt"));
        assertThat(events("acknowledge", id)).isEqualTo(1);
        assertThat(as(clerk).get(MINE + "/" + id).json().get("acknowledged").asBoolean())
                .as("the nurse's acknowledgment is the nurse's only").isFalse();
        assertThat(client().bearer(serviceClientKey()).get(MINE).status()).isEqualTo(403);
        assertThat(as(nurse).get(MINE + "/no-such-policy").status()).isEqualTo(404);
        String quiet = created(as(author), Api.map("title", "Officers' Runbook " + UUID.randomUUID(), "citations",
                List.of("164.308(a)(6)(ii)"), "markdown", "# Runbook\n", "acknowledgmentRequired", false));
        inForce(actor(author, Role.COMPLIANCE_OFFICER), actor(officer(), Role.SECURITY_OFFICER), quiet, 1);
        assertThat(as(nurse).get(MINE + "/" + quiet).status()).as("asks no acknowledgment").isEqualTo(404);

        long active = workforce.active().size();
        PolicyCoverage coverage = coverageOf(id);
        assertThat(coverage.required()).isEqualTo(active);
        assertThat(coverage.acknowledged()).isEqualTo(1);
        assertThat(coverage.pending()).contains(clerk.id()).doesNotContain(nurse.id());
        assertThat(coverage.overdue()).isEmpty();
        assertThat(as(nurse).get("/api/program/policy-acknowledgments").status()).isEqualTo(403);
        JsonNode who = asOfficer().get(POLICIES + "/" + id + "/acknowledgments").json();
        assertThat(who).hasSize(1);
        assertThat(who.get(0).get("userId").asString()).isEqualTo(nurse.id());

        clock.set(effectiveAt.plus(Duration.ofDays(30)));
        assertThat(coverageOf(id).overdue()).as("on the due time").doesNotContain(clerk.id());
        clock.advance(Duration.ofMillis(1));
        assertThat(coverageOf(id).overdue()).as("just after").contains(clerk.id());
        assertThat(as(clerk).get(MINE + "/" + id).json().get("overdue").asBoolean()).isTrue();
        SignedIn joiner = newUser("staff");
        assertThat(coverageOf(id).pending()).as("a member who just joined has 30 days").contains(joiner.id());
        assertThat(evaluation.run("program.policy-acknowledgments").result()).isEqualTo("fail");

        Api.Response report = asOfficer().post("/api/program/policy-acknowledgments/report");
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        assertThat(report.text("kind")).isEqualTo("export");
        assertThat(report.text("result")).isEqualTo("fail");
        assertThat(evidence.verify(report.text("id")).valid()).isTrue();
        JsonNode metric = metric(dev.safeguard.program.Metric.POLICY_ACKNOWLEDGMENT_COVERAGE);
        List<PolicyCoverage> all = acknowledgments.coverage();
        assertThat(metric.get("numerator").asLong()).isEqualTo(all.stream().mapToLong(PolicyCoverage::acknowledged)
                .sum());
        assertThat(metric.get("denominator").asLong()).isEqualTo(all.stream().mapToLong(PolicyCoverage::required)
                .sum());

        // Everyone acknowledges everything in force: the check passes.
        for (PolicyCoverage c : all) {
            for (String user : c.overdue()) {
                acknowledgments.acknowledge(member(user), c.policyId(), c.version(), LOCAL);
            }
        }
        assertThat(evaluation.run("program.policy-acknowledgments").result()).isEqualTo("pass");
    }

    // ---- emergency mode

    @Test
    void inEmergencyModeEveryWriteIsRefused_readsStillWorkAndAreAudited_andWritesWorkAfterwards() {
        String key = serviceClientKey();
        Api app = client().bearer(key);
        String clientId = key.split("\\.")[1];
        String patient = fhirCreate(app, "Patient", patientJson("Before"));
        String observation = fhirCreate(app, "Observation", observationJson(patient));
        Api.Response on = asOfficer().post(EMERGENCY, Api.map("active", true, "reason", "Suspected ransomware on "
                + "the file server; restore in progress"));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(on.json().get("active").asBoolean()).isTrue();
        try {
            long versions = count("fhir_versions");
            long mark = lastSeq();
            assertRefused(fhir(app, "POST", "/fhir/Patient", patientJson("During")));
            assertRefused(fhir(app, "PUT", "/fhir/Patient/" + patient, patientJson("During").replace(
                    "\"resourceType\": \"Patient\"", "\"resourceType\": \"Patient\", \"id\": \"" + patient + "\"")));
            assertRefused(fhir(app, "DELETE", "/fhir/Observation/" + observation, null));
            assertRefused(fhir(app, "POST", "/fhir", bundle("transaction", "{\"request\": {\"method\": \"POST\", "
                    + "\"url\": \"Patient\"}, \"resource\": " + patientJson("InBundle") + "}")));
            assertRefused(fhir(app, "POST", "/fhir", bundle("batch", "{\"request\": {\"method\": \"GET\", \"url\": "
                    + "\"Patient/" + patient + "\"}}, {\"request\": {\"method\": \"DELETE\", \"url\": \"Observation/"
                    + observation + "\"}}")));
            assertRefused(fhir(app, "POST", "/fhir", "{\"resourceType\": \"Bundle\", \"type\": \"batch\", \"entry\": "
                    + "[{\"request\": {\"method\": \"GET\", \"url\": \"Patient/" + patient + "\"}}, {]}"));
            assertThat(fhir(app, "PATCH", "/fhir/Patient/" + patient, "[]").status()).isGreaterThanOrEqualTo(400);
            for (Api.Response keys : List.of(asOfficer().post("/api/keys/kek/rotate"),
                    asOfficer().post("/api/keys/patients/" + patient + "/rotate"),
                    asOfficer().post("/api/keys/patients/" + patient + "/shred", Api.map("confirm", "Patient/"
                            + patient)),
                    asOfficer().post("/api/keys/kek/minimum", Api.map("version", 1)))) {
                assertThat(keys.status()).as(keys.toString()).isEqualTo(503);
                assertThat(keys.header("Content-Type")).contains("application/problem+json");
                assertThat(keys.header("Retry-After")).isEqualTo("300");
                assertThat(keys.text("detail")).contains("emergency mode (read-only)");
            }
            assertThat(count("fhir_versions")).as("nothing was written").isEqualTo(versions);

            Api.Response read = app.get("/fhir/Patient/" + patient);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.body()).contains("Before");
            assertThat(app.get("/fhir/Observation?subject=Patient/" + patient).status()).isEqualTo(200);
            assertThat(fhir(app, "POST", "/fhir", bundle("batch", "{\"request\": {\"method\": \"GET\", \"url\": "
                    + "\"Patient/" + patient + "\"}}")).status()).as("a batch of reads").isEqualTo(200);
            assertThat(asOfficer().get("/api/keys").status()).isEqualTo(200);
            assertThat(asOfficer().post("/fhir/$verify").status()).as("a read-only operation").isEqualTo(200);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE seq > ? AND agent_client = ? AND subtype = "
                    + "'fhir read Patient' AND status = 200").params(mark, clientId).query(Long.class).single())
                    .as("the read is audited").isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE seq > ? AND agent_client = ? AND subtype "
                    + "LIKE 'fhir % refused-emergency-mode%' AND status = 503").params(mark, clientId)
                    .query(Long.class).single()).as("and so are the refusals").isGreaterThanOrEqualTo(5);
        } finally {
            Api.Response off = asOfficer().post(EMERGENCY, Api.map("active", false, "reason", "Restore verified"));
            assertThat(off.status()).as(off.toString()).isEqualTo(200);
        }
        assertThat(fhir(app, "POST", "/fhir/Patient", patientJson("After")).status()).isEqualTo(201);
        assertThat(fhir(app, "DELETE", "/fhir/Observation/" + observation, null).status()).isEqualTo(204);
        assertThat(asOfficer().post("/api/keys/patients/" + patient + "/rotate").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'emergency-mode' AND subtype IN "
                + "('switch-on', 'switch-off') AND agent_user = ?").param(officer().id()).query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
        awaitAlert("emergency-mode", "vault");
    }

    @Test
    void onlyASecurityOfficerSwitchesEmergencyMode_withAReason_andEveryNodeSeesTheStateInTheDatabase() {
        SignedIn clinician = person("clinician");
        long switches = count("records_emergency_mode");
        assertThat(as(person("compliance-officer")).post(EMERGENCY, Api.map("active", true, "reason",
                "Drill")).status()).isEqualTo(403);
        assertThat(as(clinician).post(EMERGENCY, Api.map("active", true, "reason", "Drill")).status())
                .isEqualTo(403);
        assertThat(client().bearer(serviceClientKey()).post(EMERGENCY, Api.map("active", true, "reason", "Drill"))
                .status()).isEqualTo(403);
        for (Map<String, Object> bad : List.of(Api.map("reason", "Drill"), Api.map("active", true),
                Api.map("active", true, "reason", "Line one\nline two"), Api.map("active", true, "reason",
                        "x".repeat(501)), Api.map("active", "yes", "reason", "Drill"))) {
            assertThat(asOfficer().post(EMERGENCY, bad).status()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(asOfficer().post(EMERGENCY, Api.map("active", false)).status()).as("off already").isEqualTo(409);
        assertThat(count("records_emergency_mode")).isEqualTo(switches);
        assertThat(as(clinician).get(EMERGENCY).json().get("active").asBoolean()).isFalse();
        assertThat(as(clinician).get("/").body()).doesNotContain("id=\"emergency-banner\"");

        // Another node switched it on: this node refuses writes at once (no cache to wait for).
        long latest = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM records_emergency_mode").query(Long.class).single();
        jdbc.sql("INSERT INTO records_emergency_mode (previous_seq, active, switched_at, switched_by, reason) VALUES "
                + "(?, 1, ?, ?, 'Failover drill')").params(latest, clock.millis(), officer().id()).update();
        try {
            Api app = client().bearer(serviceClientKey());
            assertRefused(fhir(app, "POST", "/fhir/Patient", patientJson("Elsewhere")));
            JsonNode state = as(clinician).get(EMERGENCY).json();
            assertThat(state.get("active").asBoolean()).isTrue();
            assertThat(state.get("reason").asString()).isEqualTo("Failover drill");
            assertThat(as(clinician).get("/").body()).contains("id=\"emergency-banner\"", "Failover drill");
            assertThat(asOfficer().post(EMERGENCY, Api.map("active", true, "reason", "Again")).status())
                    .as("on already").isEqualTo(409);
            assertThatThrownBy(() -> jdbc.sql("UPDATE records_emergency_mode SET active = 0").update())
                    .isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM records_emergency_mode").update())
                    .isInstanceOf(RuntimeException.class);
            assertThat(as(clinician).get(EMERGENCY + "/switches").status()).isEqualTo(403);
            JsonNode history = as(person("auditor")).get(EMERGENCY + "/switches").json();
            assertThat(history.get(0).get("reason").asString()).isEqualTo("Failover drill");
            assertThat(asOfficer().get("/admin/emergency-mode").body()).contains("Failover drill", "id=\"switch-off\"");
        } finally {
            assertThat(asOfficer().post(EMERGENCY, Api.map("active", false)).status()).isEqualTo(200);
        }
        assertThat(as(clinician).get(EMERGENCY).json().get("active").asBoolean()).isFalse();
        assertThat(as(person("compliance-officer")).get("/admin/emergency-mode").status()).isEqualTo(403);
    }

    // ---- helpers

    /** One member per role, shared by the tests (a new user costs three Argon2 hashes). */
    private synchronized SignedIn person(String role) {
        SignedIn existing = people.get(role);
        if (existing == null) {
            existing = newUser(role);
            people.put(role, existing);
        }
        return existing;
    }

    /** A client signed in as the user: the cached one while its session lives, else a new sign-in. */
    private synchronized Api as(SignedIn user) {
        Api api = sessions.getOrDefault(user.id(), user.api());
        if (api.get("/api/session").status() != 200) {
            api = signIn(user);
        }
        sessions.put(user.id(), api);
        return api;
    }

    private Map<String, Object> custom(String title) {
        return Api.map("title", title, "citations", List.of("164.310(b)", "164.310(c)"), "markdown", "# " + title
                + "\n\nLock the screen whenever you step away from a workstation.\n", "acknowledgmentRequired", true);
    }

    private String created(Api api, Map<String, Object> body) {
        Api.Response created = api.post(POLICIES, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("policy").get("id").asString();
    }

    /** Approves version {@code n} (by the approver) and makes it effective today. */
    private void inForce(Actor writer, Actor approver, String id, int n) {
        versions.approve(approver, id, n, null, LOCAL);
        versions.makeEffective(writer, id, n, null, LOCAL);
    }

    private PolicyCoverage coverageOf(String id) {
        return acknowledgments.coverage().stream().filter(c -> c.policyId().equals(id)).findFirst().orElseThrow();
    }

    private JsonNode metric(String id) {
        for (JsonNode m : asOfficer().get("/api/program/metrics").json()) {
            if (m.get("id").asString().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no metric " + id);
    }

    private long events(String subtype, String policyId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = ? AND subtype = ? AND entity_id = ?")
                .params(Policies.EVENT_TYPE, subtype, policyId).query(Long.class).single();
    }

    private long lastSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_events").query(Long.class).single();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Actor actor(SignedIn user, Role role) {
        return new Actor(Actor.Kind.USER, user.id(), user.username(), Set.of(role), Set.of(), null, null);
    }

    private Actor member(String userId) {
        Workforce.Member m = workforce.find(userId).orElseThrow();
        return new Actor(Actor.Kind.USER, m.id(), m.username(), m.roles(), Set.of(), null, null);
    }

    private String serviceClientKey() {
        Api.Response created = asOfficer().post("/api/service-clients", Api.map("name", "emr " + UUID.randomUUID(),
                "scopes", List.of("system/*.read", "system/*.write"), "patients", List.of(), "expiresInDays", 30));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("apiKey");
    }

    private static Api.Response fhir(Api api, String method, String path, String body) {
        HttpRequest.Builder request = api.request(path).header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json");
        return api.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String fhirCreate(Api api, String type, String body) {
        Api.Response created = fhir(api, "POST", "/fhir/" + type, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** 503 with an OperationOutcome that says why and when to retry. */
    private static void assertRefused(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("300");
        JsonNode outcome = response.json();
        assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(outcome.get("issue").get(0).get("code").asString()).isEqualTo("transient");
        assertThat(outcome.get("issue").get(0).get("diagnostics").asString()).contains("emergency mode (read-only)",
                "reads keep working");
    }

    private static String patientJson(String family) {
        return "{\"resourceType\": \"Patient\", \"name\": [{\"family\": \"" + family + "\", \"given\": [\"Test\"]}], "
                + "\"gender\": \"female\", \"birthDate\": \"1980-02-03\"}";
    }

    private static String observationJson(String patient) {
        return "{\"resourceType\": \"Observation\", \"status\": \"final\", \"code\": {\"text\": \"Heart rate\"}, "
                + "\"subject\": {\"reference\": \"Patient/" + patient + "\"}, \"valueQuantity\": {\"value\": 72, "
                + "\"unit\": \"/min\"}}";
    }

    private static String bundle(String type, String entries) {
        return "{\"resourceType\": \"Bundle\", \"type\": \"" + type + "\", \"entry\": [" + entries + "]}";
    }

    private void awaitAlert(String rule, String subject) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = ? AND subject = ?").params(rule, subject)
                    .query(Long.class).single() > 0) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("No " + rule + " alert about " + subject);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}

@OnDatabase(Database.SQLITE)
class SqlitePolicyIntegrationTests extends PolicyIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresPolicyIntegrationTests extends PolicyIntegrationTests {
}
