package dev.safeguard.program.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguard.program.AccessReviewCampaign;
import dev.safeguard.program.AccessReviews;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.Evidence;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/**
 * Access reviews against the real server: a campaign snapshots roles, care-team assignments and service clients with
 * their last activity taken from audit events made through the API, and flags what was unused for more than 90 days
 * (both sides of the boundary); items go to the manager, the official or another officer, never to their subject;
 * revocations and modifications take effect at the next request (FHIR 403, API key 401, role access gone); the
 * security-officer rules hold; reviewers decide only their own items of open campaigns, bad input changes nothing;
 * the completed campaign is signed evidence; the schedule, the overdue alert, the checks and the metrics follow.
 */
public abstract class AccessReviewIntegrationTests extends ServerTest {

    private static final String CAMPAIGNS = "/api/program/access-reviews";
    private static final String MINE = "/api/me/access-reviews";

    @Autowired
    AccessReviews reviews;
    @Autowired
    Evaluation evaluation;
    @Autowired
    Evidence evidence;

    private final Map<String, SignedIn> people = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private SignedIn deputy;
    private Api loader;
    private String alice;
    private String bob;
    private String carol;
    private String dave;

    @BeforeAll
    void workforceAndPatients() {
        people.put(officer().id(), officer());
        deputy = person("security-officer");
        loader = client().bearer(apiKey(List.of("system/*.read", "system/*.write")).get("apiKey"));
        alice = patient("Alice");
        bob = patient("Bob");
        carol = patient("Carol");
        dave = patient("Dave");
    }

    /** Each test starts without an open campaign, even when an earlier one failed half-way. */
    @BeforeEach
    void completeOpenCampaigns() {
        for (JsonNode c : list(as(officer()).get(CAMPAIGNS + "?status=open").json())) {
            decideAll(c.get("id").asString());
        }
        for (JsonNode c : list(as(officer()).get(CAMPAIGNS + "?status=overdue").json())) {
            decideAll(c.get("id").asString());
        }
    }

    @Test
    void snapshotTakesLastActivityFromTheAuditTrail_andFlagsWhatWasUnusedForMoreThan90Days() {
        SignedIn clinician = person("clinician");
        SignedIn manager = person("staff");
        manages(manager, clinician);
        String usedLongAgo = assign(clinician, alice);
        String usedRecently = assign(clinician, bob);
        String neverUsed = assign(clinician, carol);
        Map<String, String> usedKey = apiKey(List.of("system/*.read"));
        Map<String, String> idleKey = apiKey(List.of("system/*.read"));
        Map<String, String> managersKey = apiKey(List.of("system/*.read"), manager);

        // The clinician's own session, without the helper's session checks: every audited request would be activity.
        Api clinicianApi = clinician.api();
        clock.advance(Duration.ofMinutes(1));
        Instant first = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        assertThat(clinicianApi.get("/fhir/Patient/" + alice).status()).isEqualTo(200);
        assertThat(client().bearer(usedKey.get("apiKey")).get("/fhir/Patient/" + alice).status()).isEqualTo(200);
        assertThat(client().bearer(managersKey.get("apiKey")).get("/fhir/Patient/" + bob).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        Instant second = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        assertThat(clinicianApi.get("/fhir/Patient/" + bob).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        // A refusal is no use: this denied read (audited, with the patient) must not count as activity.
        assertThat(clinicianApi.get("/fhir/Patient/" + dave).status()).isEqualTo(403);
        // 90 days after the first use and 1 minute, once the officer has signed in again (one 30-second TOTP step).
        clock.advance(Duration.ofDays(90).minus(Duration.ofMinutes(3)).plusMinutes(1).minusSeconds(30));
        as(officer());
        Instant now = clock.instant();
        assertThat(Duration.between(first, now)).isGreaterThan(Duration.ofDays(90));
        assertThat(Duration.between(second, now)).isLessThan(Duration.ofDays(90));
        Map<String, String> freshKey = apiKey(List.of("system/*.read"));

        JsonNode campaign = start();
        assertThat(campaign.get("status").asString()).isEqualTo("open");
        assertThat(campaign.get("origin").asString()).isEqualTo("requested");
        assertThat(campaign.get("unusedAfterDays").asInt()).isEqualTo(90);
        List<JsonNode> items = items(campaign.get("id").asString());
        assertThat(campaign.get("items").asLong()).isEqualTo(items.size());

        JsonNode roleItem = one(items, i -> kind(i, "role") && subject(i, clinician) && "clinician".equals(
                text(i, "role")));
        assertThat(text(roleItem, "reviewerId")).isEqualTo(manager.id());
        assertThat(text(roleItem, "reviewerSource")).isEqualTo("manager");
        assertThat(instant(roleItem, "lastActivityAt")).as("the clinician's own last successful event")
                .isEqualTo(second);
        assertThat(roleItem.get("unused").asBoolean()).isFalse();

        JsonNode longAgo = careTeam(items, usedLongAgo);
        assertThat(instant(longAgo, "lastActivityAt")).isEqualTo(first);
        assertThat(longAgo.get("unused").asBoolean()).as("last used 90 days and 1 minute ago").isTrue();
        JsonNode recently = careTeam(items, usedRecently);
        assertThat(instant(recently, "lastActivityAt")).isEqualTo(second);
        assertThat(recently.get("unused").asBoolean()).as("last used 90 days less 1 minute ago").isFalse();
        JsonNode never = careTeam(items, neverUsed);
        assertThat(never.get("lastActivityAt").isNull()).isTrue();
        assertThat(never.get("unused").asBoolean()).as("never used and older than 90 days").isTrue();
        assertThat(never.get("patientId").asString()).isEqualTo(carol);

        JsonNode usedClient = clientItem(items, usedKey.get("id"));
        assertThat(instant(usedClient, "lastActivityAt")).isEqualTo(first);
        assertThat(usedClient.get("unused").asBoolean()).isTrue();
        assertThat(text(usedClient, "reviewerId")).as("the key's owner is the official: another officer reviews it")
                .isEqualTo(deputy.id());
        assertThat(text(usedClient, "reviewerSource")).isEqualTo("security-officer");
        assertThat(usedClient.get("clientScopes").toString()).contains("system/*.read");
        JsonNode idle = clientItem(items, idleKey.get("id"));
        assertThat(idle.get("lastActivityAt").isNull()).isTrue();
        assertThat(idle.get("unused").asBoolean()).as("never used and 90 days old").isTrue();
        JsonNode fresh = clientItem(items, freshKey.get("id"));
        assertThat(fresh.get("lastActivityAt").isNull()).isTrue();
        assertThat(fresh.get("unused").asBoolean()).as("never used, but created today").isFalse();

        JsonNode managerRole = one(items, i -> kind(i, "role") && subject(i, manager));
        assertThat(managerRole.get("unused").asBoolean()).as("the manager did nothing for 90 days").isTrue();
        assertThat(instant(managerRole, "lastActivityAt")).as("what the manager's key did is not the manager's "
                + "own activity").isBefore(first);
        JsonNode managersClient = clientItem(items, managersKey.get("id"));
        assertThat(instant(managersClient, "lastActivityAt")).isEqualTo(first);
        assertThat(text(managersClient, "subjectUserId")).isEqualTo(manager.id());
        assertThat(text(managersClient, "reviewerId")).isEqualTo(officer().id());
        assertThat(text(managerRole, "reviewerId")).isEqualTo(officer().id());
        assertThat(text(managerRole, "reviewerSource")).isEqualTo("security-official");
        JsonNode officerRole = one(items, i -> kind(i, "role") && subject(i, officer()));
        assertThat(text(officerRole, "reviewerId")).isEqualTo(deputy.id());
        assertThat(items).noneMatch(i -> text(i, "subjectUserId").equals(text(i, "reviewerId")));
        assertThat(items).allMatch(i -> i.get("decision").isNull());

        assertThat(count("audit_events WHERE type = 'program-access-review' AND subtype = 'open' AND entity_id = '"
                + campaign.get("id").asString() + "'")).isEqualTo(1);
        String page = as(officer()).get("/program/access-reviews/" + campaign.get("id").asString()).body();
        assertThat(page).contains(clinician.username(), "unused", carol);
        assertThat(as(officer()).get("/program/access-reviews").body()).contains("campaign-" + campaign.get("id")
                .asString());
        assertThat(as(manager).get(CAMPAIGNS).status()).as("a manager is no program reader").isEqualTo(403);
        assertThat(as(manager).get("/program/access-reviews").status()).isEqualTo(403);
        assertThat(ids(as(manager).get(MINE).json())).contains(text(roleItem, "id"), text(longAgo, "id"));
        assertThat(as(manager).get("/me/access-reviews").body()).contains("id=\"item-" + text(roleItem, "id"),
                "id=\"decide-" + text(longAgo, "id"), "id=\"unused-" + text(longAgo, "id"))
                .doesNotContain("item-" + text(managerRole, "id"));
        decideAll(campaign.get("id").asString());
    }

    @Test
    void revocationsAndModificationsTakeEffectAtTheNextRequest() {
        SignedIn revokedCare = person("clinician");
        SignedIn shortenedCare = person("clinician");
        SignedIn auditor = person("auditor");
        SignedIn staff = person("staff");
        String revokedAssignment = assign(revokedCare, alice);
        String shortenedAssignment = assign(shortenedCare, bob);
        Map<String, String> revokedKey = apiKey(List.of("system/*.read"));
        Map<String, String> narrowedKey = apiKey(List.of("system/*.read", "system/*.write"));
        Api revokedClient = client().bearer(revokedKey.get("apiKey"));
        Api narrowedClient = client().bearer(narrowedKey.get("apiKey"));
        assertThat(as(revokedCare).get("/fhir/Patient/" + alice).status()).isEqualTo(200);
        assertThat(as(auditor).get("/api/audit/events?size=1").status()).isEqualTo(200);
        assertThat(as(staff).get("/fhir/Patient/" + alice).status()).isEqualTo(200);
        assertThat(revokedClient.get("/fhir/Patient/" + alice).status()).isEqualTo(200);
        assertThat(create(narrowedClient, observation(bob)).status()).isEqualTo(201);

        List<JsonNode> items = items(start().get("id").asString());
        Api officerApi = as(officer());
        decide(officerApi, careTeam(items, revokedAssignment), "revoke", "Moved to another clinic", Map.of(), 200);
        assertThat(as(revokedCare).get("/fhir/Patient/" + alice).status()).as("the same session, next request")
                .isEqualTo(403);
        decide(officerApi, one(items, i -> kind(i, "role") && subject(i, auditor)), "revoke",
                "The external audit ended", Map.of(), 200);
        assertThat(as(auditor).get("/api/audit/events?size=1").status()).isEqualTo(403);
        decide(as(officer()), one(items, i -> kind(i, "role") && subject(i, staff)), "modify",
                "Now reviews the audit trail instead of scheduling", Map.of("role", "auditor"), 200);
        assertThat(as(staff).get("/fhir/Patient/" + alice).status()).isEqualTo(403);
        assertThat(as(staff).get("/api/audit/events?size=1").status()).isEqualTo(200);
        Instant end = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode shortened = decide(as(officer()), careTeam(items, shortenedAssignment), "modify",
                "Cover ends this afternoon", Map.of("endsAt", end.toString()), 200);
        assertThat(shortened.get("modification").get("endsAt").asString()).isEqualTo(end.toString());
        assertThat(shortened.get("effect").asString()).isEqualTo("applied");

        Api deputyApi = as(deputy);
        decide(deputyApi, clientItem(items, revokedKey.get("id")), "revoke", "The pilot is over", Map.of(), 200);
        assertThat(revokedClient.get("/fhir/Patient/" + alice).status()).isEqualTo(401);
        Instant expiry = clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        decide(deputyApi, clientItem(items, narrowedKey.get("id")), "modify", "The loader only reads now",
                Map.of("scopes", List.of("system/*.read"), "expiresAt", expiry.toString()), 200);
        assertThat(create(narrowedClient, observation(bob)).status()).isEqualTo(403);
        assertThat(narrowedClient.get("/fhir/Patient/" + bob).status()).isEqualTo(200);
        JsonNode narrowed = one(list(as(officer()).get("/api/service-clients").json()),
                c -> c.get("id").asString().equals(narrowedKey.get("id")));
        assertThat(instant(narrowed, "expiresAt")).isEqualTo(expiry);
        assertThat(narrowed.get("scopes").toString()).isEqualTo("[\"system/*.read\"]");

        assertThat(as(shortenedCare).get("/fhir/Patient/" + bob).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(61));
        assertThat(as(shortenedCare).get("/fhir/Patient/" + bob).status()).as("the earlier end has passed")
                .isEqualTo(403);
        assertThat(count("audit_events WHERE reason = 'access-review' AND agent_user = '" + officer().id()
                + "'")).as("the identity and access changes name the reviewer").isEqualTo(4);
        assertThat(count("credential_revocations WHERE credential_ref = '" + revokedKey.get("id")
                + "' AND cause = 'ACCESS_REVIEW'")).isEqualTo(1);
        decideAll(items.get(0).get("campaignId").asString());
    }

    @Test
    void securityOfficersRemain_andTheOfficialKeepsTheRole_soSuchARevocationIsRefusedAndTheItemStaysOpen() {
        SignedIn manager = person("staff");
        SignedIn spare = person("security-officer");
        String campaignId = start().get("id").asString();
        List<JsonNode> items = items(campaignId);
        JsonNode officialRole = role(items, officer(), "security-officer");
        // The official's own role goes to another active security officer (the first by username: which of the two
        // depends on how many users the JVM made before, so take the one named).
        assertThat(text(officialRole, "reviewerId")).isIn(deputy.id(), spare.id());
        assertThat(text(officialRole, "reviewerSource")).isEqualTo("security-officer");
        SignedIn officialsReviewer = people.get(text(officialRole, "reviewerId"));
        Api.Response refused = decideResponse(as(officialsReviewer), officialRole, "revoke", "Testing the rule",
                Map.of(), 409);
        assertThat(refused.text("detail")).contains("security official");
        assertThat(reload(officialRole).get("decision").isNull()).isTrue();

        JsonNode deputyRole = role(items, deputy, "security-officer");
        JsonNode spareRole = role(items, spare, "security-officer");
        assertThat(as(deputy).post(CAMPAIGNS + "/" + campaignId + "/items/" + text(deputyRole, "id") + "/reviewer",
                Api.map("reviewerId", manager.id())).status()).as("nobody reassigns their own item").isEqualTo(403);
        reassign(campaignId, deputyRole, manager, as(officer()), 200);
        reassign(campaignId, spareRole, manager, as(officer()), 200);
        // A reviewer who is no security officer only narrows: security-officer to compliance-officer, not to staff.
        Api.Response widening = decideResponse(as(manager), spareRole, "modify", "Scheduling only",
                Map.of("role", "staff"), 403);
        assertThat(widening.text("detail")).contains("Only a security officer may put staff in place");
        assertThat(reload(spareRole).get("decision").isNull()).isTrue();
        decide(as(manager), spareRole, "modify", "Runs the compliance program now",
                Map.of("role", "compliance-officer"), 200);
        assertThat(as(spare).get("/api/users").status()).as("no longer a security officer").isEqualTo(403);
        assertThat(as(spare).get(CAMPAIGNS).status()).as("a compliance officer reads the program").isEqualTo(200);

        // With the official disabled, the deputy is the last active security officer.
        assertThat(as(deputy).post("/api/users/" + officer().id() + "/disable").status()).isEqualTo(200);
        Api.Response last = decideResponse(as(manager), deputyRole, "revoke", "Testing the rule", Map.of(), 409);
        assertThat(last.text("detail")).contains("At least one active security officer must remain");
        decideResponse(as(manager), deputyRole, "modify", "Testing the rule", Map.of("role", "auditor"), 409);
        assertThat(as(deputy).post("/api/users/" + officer().id() + "/reactivate").status()).isEqualTo(200);
        forget(officer());
        assertThat(reload(deputyRole).get("decision").isNull()).isTrue();
        assertThat(as(deputy).get("/api/users").status()).as("the deputy is still a security officer")
                .isEqualTo(200);
        decideAll(campaignId);
    }

    @Test
    void reviewersDecideOnlyTheirOwnItemsOfOpenCampaigns_andBadInputChangesNothing() {
        SignedIn clinician = person("clinician");
        SignedIn auditor = person("auditor");
        String assignment = as(officer()).post("/api/care-team", Api.map("userId", clinician.id(), "patientId", alice,
                "endsAt", clock.instant().plus(Duration.ofDays(30)).toString())).text("id");
        Map<String, String> key = apiKey(List.of("system/*.read", "system/Observation.write"));
        assertThat(as(auditor).post(CAMPAIGNS, Api.map()).status()).isEqualTo(403);
        JsonNode campaign = start();
        String campaignId = campaign.get("id").asString();
        assertThat(as(officer()).post(CAMPAIGNS, Api.map()).status()).as("one open campaign at a time").isEqualTo(409);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO program_access_review_campaigns (id, origin, cycle_start, "
                + "opened_at, due_at, unused_after_days, item_count) VALUES ('second', 'scheduled', 0, 1, 2, 90, 0)")
                .update()).as("the database keeps one open campaign too (two nodes)")
                .isInstanceOf(DataAccessException.class).hasMessageContaining("program_access_review_campaigns_one_open");
        List<JsonNode> items = items(campaignId);
        JsonNode care = careTeam(items, assignment);
        JsonNode role = one(items, i -> kind(i, "role") && subject(i, clinician));
        JsonNode client = clientItem(items, key.get("id"));
        assertThat(text(care, "reviewerId")).isEqualTo(officer().id());
        assertThat(text(client, "reviewerId")).isEqualTo(deputy.id());

        assertThat(as(deputy).get(MINE + "/" + text(care, "id")).status()).as("another reviewer's item")
                .isEqualTo(403);
        decide(as(deputy), care, "revoke", "Not mine to decide", Map.of(), 403);
        decide(as(officer()), client, "keep", null, Map.of(), 403);
        assertThat(loader.get(MINE).status()).as("service clients review nothing").isEqualTo(403);
        assertThat(as(clinician).get(CAMPAIGNS).status()).isEqualTo(403);
        assertThat(as(clinician).get(MINE).json()).isEmpty();
        assertThat(as(auditor).get(CAMPAIGNS + "/" + campaignId).status()).isEqualTo(200);
        assertThat(as(auditor).post(CAMPAIGNS + "/" + campaignId + "/items/" + text(care, "id") + "/reviewer",
                Api.map("reviewerId", deputy.id())).status()).isEqualTo(403);
        String itemPage = "/program/access-reviews/" + campaignId + "/items/" + text(care, "id");
        assertThat(as(auditor).get(itemPage).body()).contains(clinician.username()).doesNotContain("reassign-form");
        assertThat(as(officer()).get(itemPage).body()).contains("id=\"reassign-form\"");
        assertThat(as(auditor).get("/program/access-reviews").body()).doesNotContain("start-campaign");

        Api officerApi = as(officer());
        String path = MINE + "/" + text(care, "id") + "/decision";
        List<Object> bad = List.of(Api.map(), Api.map("decision", "maybe"), Api.map("decision", "revoke"),
                Api.map("decision", "revoke", "comment", "   "),
                Api.map("decision", "revoke", "comment", "x".repeat(2001)),
                Api.map("decision", "revoke", "comment", "bell\u0007"),
                Api.map("decision", "keep", "endsAt", clock.instant().plusSeconds(60).toString()),
                Api.map("decision", "modify", "comment", "why"),
                Api.map("decision", "modify", "comment", "why", "endsAt", clock.instant().minusSeconds(60).toString()),
                Api.map("decision", "modify", "comment", "why", "endsAt",
                        clock.instant().plus(Duration.ofDays(31)).toString()),
                Api.map("decision", "modify", "comment", "why", "endsAt", "tomorrow"),
                Api.map("decision", "modify", "comment", "why", "role", "staff"),
                Api.map("decision", "keep", "surprise", true), "{\"decision\":", "[]");
        for (Object body : bad) {
            Api.Response r = officerApi.post(path, body);
            assertThat(r.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
        }
        String rolePath = MINE + "/" + text(role, "id") + "/decision";
        for (Map<String, Object> body : List.of(Api.map("decision", "modify", "comment", "why", "role", "wizard"),
                Api.map("decision", "modify", "comment", "why", "role", "clinician"),
                Api.map("decision", "modify", "comment", "why", "scopes", List.of("system/*.read")))) {
            assertThat(officerApi.post(rolePath, body).status()).as(body.toString()).isEqualTo(400);
        }
        String clientPath = MINE + "/" + text(client, "id") + "/decision";
        for (Map<String, Object> body : List.of(
                Api.map("decision", "modify", "comment", "why", "scopes", List.of("system/*.write")),
                Api.map("decision", "modify", "comment", "why", "scopes", List.of()),
                Api.map("decision", "modify", "comment", "why", "scopes", List.of("root")),
                Api.map("decision", "modify", "comment", "why", "scopes", List.of("system/*.read",
                        "system/Observation.write")),
                Api.map("decision", "modify", "comment", "why", "expiresAt",
                        clock.instant().plus(Duration.ofDays(400)).toString()))) {
            assertThat(as(deputy).post(clientPath, body).status()).as(body.toString()).isEqualTo(400);
        }
        assertThat(officerApi.post(MINE + "/no-such-item/decision", Api.map("decision", "keep")).status())
                .isEqualTo(404);
        assertThat(as(officer()).post(CAMPAIGNS, Api.map("dueInDays", 0)).status()).isEqualTo(400);
        assertThat(as(officer()).get(CAMPAIGNS + "?status=closed").status()).isEqualTo(400);
        assertThat(as(officer()).get(CAMPAIGNS + "/" + campaignId + "/items?size=501").status()).isEqualTo(400);
        assertThat(as(officer()).get(CAMPAIGNS + "/" + campaignId + "/items?kind=group").status()).isEqualTo(400);
        assertThat(as(officer()).get(CAMPAIGNS + "/nope").status()).isEqualTo(404);
        reassign(campaignId, care, clinician, as(officer()), 400);
        assertThat(as(officer()).post(CAMPAIGNS + "/" + campaignId + "/items/" + text(care, "id") + "/reviewer",
                Api.map("reviewerId", "no-such-user")).status()).isEqualTo(400);
        assertThat(items(campaignId)).allMatch(i -> i.get("decision").isNull());
        assertThat(as(clinician).get("/fhir/Patient/" + alice).status()).as("nothing changed").isEqualTo(200);
        assertThat(count("audit_events WHERE type = 'program-access-review' AND subtype = 'decide' AND entity_id IN ('"
                + text(care, "id") + "', '" + text(role, "id") + "', '" + text(client, "id") + "')")).isZero();

        reassign(campaignId, care, deputy, as(officer()), 200);
        decide(as(officer()), reload(care), "keep", null, Map.of(), 403);
        JsonNode kept = decide(as(deputy), reload(care), "keep", "Still treating", Map.of(), 200);
        assertThat(kept.get("decision").asString()).isEqualTo("keep");
        assertThat(kept.get("effect").isNull()).isTrue();
        decide(as(deputy), kept, "revoke", "Changed my mind", Map.of(), 409);
        JsonNode completed = decideAll(campaignId);
        decide(as(deputy), reload(client), "revoke", "Too late", Map.of(), 409);
        assertThat(completed.get("status").asString()).isEqualTo("completed");
    }

    @Test
    void aCompletedCampaignIsSignedEvidenceOfEveryDecision_andTheChecksScheduleAndAlertsFollow() {
        assertThat(as(officer()).post(CAMPAIGNS, Api.map("dueInDays", 93)).status()).isEqualTo(400);
        JsonNode campaign = as(officer()).post(CAMPAIGNS, Api.map("dueInDays", 1)).json();
        String id = campaign.get("id").asString();
        Instant due = instant(campaign, "dueAt");
        clock.set(due.minus(Duration.ofMinutes(10)));
        Api officerApi = as(officer());
        clock.set(due);
        assertThat(officerApi.get(CAMPAIGNS + "/" + id).text("status")).as("at the due date").isEqualTo("open");
        assertThat(reviews.sweep()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(officerApi.get(CAMPAIGNS + "/" + id).text("status")).isEqualTo("overdue");
        long undecided = campaign.get("items").asLong();
        assertThat(metric("access-review-overdue-items").get("value").asLong()).isEqualTo(undecided);
        assertThat(metric("access-review-decided").get("value").asDouble()).isEqualTo(0.0);
        assertThat(evaluation.run("program.access-review-overdue").result()).isEqualTo("fail");
        assertThat(reviews.sweep()).isEqualTo(1);
        assertThat(reviews.sweep()).as("alerted once").isZero();
        awaitAlert(AccessReviews.OVERDUE_RULE, id);
        assertThat(items(id)).allMatch(i -> i.get("overdue").asBoolean());

        JsonNode completed = decideAll(id);
        assertThat(metric("access-review-overdue-items").get("value").asLong()).isZero();
        assertThat(metric("access-review-decided").get("value").asDouble()).isEqualTo(100.0);
        assertThat(evaluation.run("program.access-review-overdue").result()).isEqualTo("pass");
        assertThat(evaluation.run("program.access-review").result()).isEqualTo("pass");
        String evidenceId = completed.get("evidenceId").asString();
        assertThat(evidence.verify(evidenceId).valid()).isTrue();
        JsonNode record = as(officer()).get("/api/program/evidence/" + evidenceId).json();
        assertThat(record.get("controls").toString()).contains("164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)",
                "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)");
        JsonNode content = Api.JSON.readTree(as(officer()).get("/api/program/evidence/" + evidenceId + "/content")
                .body());
        assertThat(content.get("campaign").asString()).isEqualTo(id);
        List<JsonNode> stored = list(content.get("items"));
        assertThat(stored).hasSize((int) undecided).allSatisfy(i -> {
            assertThat(i.get("decision").asString()).isEqualTo("keep");
            assertThat(i.get("comment").asString()).isEqualTo("Reviewed and still needed");
            assertThat(i.get("decidedBy").asString()).isEqualTo(i.get("reviewer").asString());
            assertThat(i.get("decidedAt").isNull()).isFalse();
        });
        assertThat(ids(list(content.get("items")))).containsExactlyInAnyOrderElementsOf(ids(items(id)));

        assertThat(reviews.openDue()).as("a campaign was opened in this cycle").isEmpty();
        Instant next = ReviewCycles.next(ReviewCycles.start(clock.instant(), 3), 3);
        clock.set(next.minusMillis(1));
        assertThat(reviews.openDue()).isEmpty();
        clock.set(next);
        AccessReviewCampaign scheduled = reviews.openDue().orElseThrow();
        assertThat(scheduled.origin()).isEqualTo("scheduled");
        assertThat(scheduled.openedAt()).isEqualTo(next);
        assertThat(scheduled.dueAt()).isEqualTo(next.plus(Duration.ofDays(14)));
        assertThat(reviews.openDue()).isEmpty();
        Instant completedAt = instant(decideAll(scheduled.id()), "completedAt");
        clock.set(completedAt.plus(Duration.ofDays(92)));
        assertThat(evaluation.run("program.access-review").result()).isEqualTo("pass");
        clock.advance(Duration.ofMinutes(1));
        assertThat(evaluation.run("program.access-review").result()).isEqualTo("fail");
    }

    // ---- helpers

    private SignedIn person(String role) {
        SignedIn user = newUser(role);
        people.put(user.id(), user);
        return user;
    }

    /**
     * A signed-in client for the person: the cached one while its session surely lives (used within the last 10
     * minutes, signed in within 11 hours, by the test clock), else one checked with the server or a new sign-in.
     * Fewer round trips than asking the server every time.
     */
    private Api as(SignedIn user) {
        Instant now = clock.instant();
        Session cached = sessions.get(user.id());
        if (cached != null && cached.lastUsed().isAfter(now.minus(Duration.ofMinutes(10)))
                && cached.signedIn().isAfter(now.minus(Duration.ofHours(11)))) {
            sessions.put(user.id(), new Session(cached.api(), cached.signedIn(), now));
            return cached.api();
        }
        Api api = cached != null ? cached.api() : user.api();
        Instant signedIn = cached != null ? cached.signedIn() : now;
        if (api.get("/api/session").status() != 200) {
            api = signIn(user);
            signedIn = clock.instant();
        }
        sessions.put(user.id(), new Session(api, signedIn, clock.instant()));
        return api;
    }

    /** Forgets the cached session (after the server ended it). */
    private void forget(SignedIn user) {
        sessions.remove(user.id());
    }

    private record Session(Api api, Instant signedIn, Instant lastUsed) {
    }

    private JsonNode start() {
        Api.Response started = as(officer()).post(CAMPAIGNS, Api.map());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json();
    }

    private List<JsonNode> items(String campaignId) {
        Api.Response page = as(officer()).get(CAMPAIGNS + "/" + campaignId + "/items?size=500");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("total").asLong()).isLessThanOrEqualTo(500);
        return list(page.json().get("items"));
    }

    private JsonNode reload(JsonNode item) {
        return as(officer()).get(CAMPAIGNS + "/" + text(item, "campaignId") + "/items/" + text(item, "id")).json();
    }

    private JsonNode decide(Api api, JsonNode item, String decision, String comment, Map<String, Object> change,
                            int status) {
        return decideResponse(api, item, decision, comment, change, status).json();
    }

    private Api.Response decideResponse(Api api, JsonNode item, String decision, String comment,
                                        Map<String, Object> change, int status) {
        Map<String, Object> body = Api.map("decision", decision, "comment", comment);
        body.putAll(change);
        Api.Response r = api.post(MINE + "/" + text(item, "id") + "/decision", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    private JsonNode reassign(String campaignId, JsonNode item, SignedIn reviewer, Api by, int status) {
        Api.Response r = by.post(CAMPAIGNS + "/" + campaignId + "/items/" + text(item, "id") + "/reviewer",
                Api.map("reviewerId", reviewer.id()));
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return status == 200 ? r.json() : null;
    }

    /** Keeps every undecided item, as a reviewer other than its subject (an officer moves it there first). */
    private JsonNode decideAll(String campaignId) {
        for (JsonNode item : items(campaignId)) {
            if (!item.get("decision").isNull()) {
                continue;
            }
            boolean officers = text(item, "subjectUserId").equals(officer().id());
            SignedIn reviewer = officers ? deputy : officer();
            if (!reviewer.id().equals(text(item, "reviewerId"))) {
                reassign(campaignId, item, reviewer, officers ? as(deputy) : as(officer()), 200);
            }
            decide(as(reviewer), item, "keep", "Reviewed and still needed", Map.of(), 200);
        }
        JsonNode campaign = as(officer()).get(CAMPAIGNS + "/" + campaignId).json();
        assertThat(campaign.get("status").asString()).isEqualTo("completed");
        assertThat(campaign.get("decided").asLong()).isEqualTo(campaign.get("items").asLong());
        return campaign;
    }

    private JsonNode metric(String id) {
        return one(list(as(officer()).get("/api/program/metrics").json()), m -> m.get("id").asString().equals(id));
    }

    private Map<String, String> apiKey(List<String> scopes) {
        return apiKey(scopes, officer());
    }

    private Map<String, String> apiKey(List<String> scopes, SignedIn owner) {
        Api.Response created = as(officer()).post("/api/service-clients", Api.map("name", "app " + UUID.randomUUID(),
                "ownerId", owner.id(), "scopes", scopes, "patients", List.of(), "expiresInDays", 365));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Map.of("id", created.json().get("client").get("id").asString(), "apiKey", created.text("apiKey"));
    }

    private String assign(SignedIn clinician, String patient) {
        Api.Response assigned = as(officer()).post("/api/care-team", Api.map("userId", clinician.id(), "patientId",
                patient));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        return assigned.text("id");
    }

    private String patient(String family) {
        Api.Response created = create(loader, Api.map("resourceType", "Patient", "name", List.of(Api.map("family",
                family, "given", List.of("Test"))), "gender", "female", "birthDate", "1970-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Map<String, Object> observation(String patient) {
        return Api.map("resourceType", "Observation", "status", "final", "code", Api.map("coding",
                List.of(Api.map("system", "http://loinc.org", "code", "8867-4"))), "subject",
                Api.map("reference", "Patient/" + patient), "valueQuantity", Api.map("value", 72, "unit", "/min"));
    }

    private static Api.Response create(Api api, Map<String, Object> resource) {
        return api.send(api.request("/fhir/" + resource.get("resourceType")).header("Content-Type",
                "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                resource))));
    }

    private void awaitAlert(String rule, String subject) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("SELECT COUNT(*) FROM alerts WHERE rule = ? AND subject = ?").params(rule, subject)
                    .query(Long.class).single() == 1) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("No single " + rule + " alert about " + subject);
    }

    private static JsonNode role(List<JsonNode> items, SignedIn user, String role) {
        return one(items, i -> kind(i, "role") && subject(i, user) && role.equals(text(i, "role")));
    }

    private static JsonNode careTeam(List<JsonNode> items, String assignmentId) {
        return one(items, i -> kind(i, "care-team") && assignmentId.equals(text(i, "assignmentId")));
    }

    private static JsonNode clientItem(List<JsonNode> items, String clientId) {
        return one(items, i -> kind(i, "service-client") && clientId.equals(text(i, "clientId")));
    }

    private static JsonNode one(List<JsonNode> nodes, Predicate<JsonNode> match) {
        List<JsonNode> found = nodes.stream().filter(match).toList();
        assertThat(found).as("exactly one match").hasSize(1);
        return found.get(0);
    }

    private static boolean kind(JsonNode item, String kind) {
        return kind.equals(text(item, "kind"));
    }

    private static boolean subject(JsonNode item, SignedIn user) {
        return user.id().equals(text(item, "subjectUserId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asString());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static List<String> ids(JsonNode array) {
        return ids(list(array));
    }

    private static List<String> ids(List<JsonNode> nodes) {
        return nodes.stream().map(n -> n.get("id").asString()).toList();
    }
}

@OnDatabase(Database.SQLITE)
class SqliteAccessReviewIntegrationTests extends AccessReviewIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresAccessReviewIntegrationTests extends AccessReviewIntegrationTests {
}
