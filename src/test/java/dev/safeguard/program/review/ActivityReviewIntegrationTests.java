package dev.safeguard.program.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.program.ActivityReview;
import dev.safeguard.program.ActivityReviews;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.Evidence;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Information system activity review against the real server: the summary counts audit events made through the API
 * (a denied FHIR read, a failed sign-in, a new service client, a tripled volume), the named reviewer's sign-off
 * becomes attestation evidence that verifies and is final, bad input changes nothing, auditors read but do not sign,
 * the schedule opens each ended period once, and the evaluation check follows the age of the latest sign-off.
 */
public abstract class ActivityReviewIntegrationTests extends ServerTest {

    private static final String REVIEWS = "/api/program/activity-reviews";

    @Autowired
    ActivityReviews reviews;
    @Autowired
    ReviewPeriods periods;
    @Autowired
    Evaluation evaluation;
    @Autowired
    Evidence evidence;

    @Test
    void summaryCountsDenialsFailedSignInsAndNewServiceClientsOfThePeriod() {
        asOfficer();
        Instant from = clock.instant();
        Api.Response key = asOfficer().post("/api/service-clients", Api.map("name", "loader " + UUID.randomUUID(),
                "scopes", List.of("system/*.read", "system/*.write"), "patients", List.of(), "expiresInDays", 30));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        String clientId = key.json().get("client").get("id").asString();
        String patient = createPatient(client().bearer(key.text("apiKey")));
        SignedIn clinician = newUser("clinician");
        assertThat(clinician.api().get("/fhir/Patient/" + patient).status()).isEqualTo(403);
        assertThat(client().post("/api/auth/login", Api.map("username", clinician.username(), "password",
                "not the passphrase")).status()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(1));

        Api.Response opened = asOfficer().post(REVIEWS, Api.map("from", from.toString(), "to",
                clock.instant().toString()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        JsonNode summary = opened.json().get("summary");
        assertThat(opened.text("status")).isEqualTo(ActivityReview.OPEN);
        assertThat(opened.text("reviewerId")).isEqualTo(officer().id());
        assertThat(count(summary.get("denials"), clinician.id())).isEqualTo(1);
        assertThat(count(summary.get("failedSignIns"), clinician.id())).isEqualTo(1);
        assertThat(strings(summary.get("newServiceClients"))).containsExactly(clientId);
        assertThat(summary.get("events").asLong()).isGreaterThan(5);
        assertThat(summary.toString()).doesNotContain(patient);

        String id = opened.text("id");
        assertThat(asOfficer().get(REVIEWS + "/" + id).json().get("summary")).isEqualTo(summary);
        assertThat(asOfficer().post(REVIEWS, Api.map("from", from.toString(), "to", clock.instant().toString()))
                .status()).as("the same period twice").isEqualTo(409);
    }

    @Test
    void signOffBecomesVerifiedAttestationEvidence_once() {
        String id = openPastHour();
        Api.Response empty = asOfficer().post(REVIEWS + "/" + id + "/sign-off", Api.map("notes", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.header("Content-Type")).contains("application/problem+json");
        Api.Response tooLong = asOfficer().post(REVIEWS + "/" + id + "/sign-off", Api.map("notes", "x".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        JsonNode unchanged = asOfficer().get(REVIEWS + "/" + id).json();
        assertThat(unchanged.get("status").asString()).isEqualTo(ActivityReview.OPEN);
        assertThat(unchanged.get("evidenceId").isNull()).isTrue();
        Api.Response page = asOfficer().get("/program/reviews/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"sign-off\"", "Denials (403)", "Unusual volumes");
        assertThat(asOfficer().get("/program/reviews").body()).contains("/program/reviews/" + id,
                "Activity reviews");

        Api.Response signed = asOfficer().post(REVIEWS + "/" + id + "/sign-off", Api.map("notes",
                "Reviewed the denials and failed sign-ins; all explained by onboarding."));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(signed.text("status")).isEqualTo(ActivityReview.SIGNED);
        assertThat(signed.text("signedOffBy")).isEqualTo(officer().id());
        String evidenceId = signed.text("evidenceId");
        assertThat(evidence.verify(evidenceId).valid()).isTrue();
        JsonNode stored = asOfficer().get("/api/program/evidence/" + evidenceId).json();
        assertThat(stored.get("kind").asString()).isEqualTo("attestation");
        assertThat(strings(stored.get("controls"))).contains("164.308(a)(1)(ii)(D)", "164.312(b)");

        Api.Response again = asOfficer().post(REVIEWS + "/" + id + "/sign-off", Api.map("notes", "Second opinion"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(asOfficer().get(REVIEWS + "/" + id).text("evidenceId")).isEqualTo(evidenceId);
        assertThat(asOfficer().get(REVIEWS + "?status=signed").json().toString()).contains(id);
        assertThat(asOfficer().get("/program/reviews/" + id).body()).contains("id=\"signed-off\"")
                .doesNotContain("id=\"sign-off\"");
    }

    @Test
    void auditorsReadButNeitherOpenNorSignOff_andBadInputIsRefused() {
        String id = openPastHour();
        Api auditor = newUser("auditor").api();
        assertThat(auditor.get(REVIEWS).status()).isEqualTo(200);
        assertThat(auditor.get(REVIEWS + "/" + id).status()).isEqualTo(200);
        Api.Response page = auditor.get("/program/reviews/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"sign-off\"");
        assertThat(auditor.post(REVIEWS + "/" + id + "/sign-off", Api.map("notes", "Looks fine")).status())
                .isEqualTo(403);
        assertThat(auditor.post(REVIEWS, Api.map("from", clock.instant().minus(Duration.ofDays(2)).toString(), "to",
                clock.instant().minus(Duration.ofDays(1)).toString())).status()).isEqualTo(403);
        assertThat(newUser("clinician").api().get(REVIEWS).status()).isEqualTo(403);
        assertThat(asOfficer().get(REVIEWS + "/" + id).text("status")).isEqualTo(ActivityReview.OPEN);

        Instant now = clock.instant();
        assertThat(asOfficer().post(REVIEWS, Api.map("from", now.toString(), "to", now.minusSeconds(60).toString()))
                .status()).as("from after to").isEqualTo(400);
        assertThat(asOfficer().post(REVIEWS, Api.map("from", now.toString(), "to", now.plusSeconds(3600).toString()))
                .status()).as("a period not yet ended").isEqualTo(400);
        assertThat(asOfficer().post(REVIEWS, Api.map("from", now.minusSeconds(60).toString(), "to", now.toString(),
                "reviewerId", newUser("clinician").id())).status()).as("a reviewer who is no officer").isEqualTo(400);
        assertThat(asOfficer().post(REVIEWS, Api.map("from", "yesterday", "to", now.toString())).status())
                .isEqualTo(400);
        assertThat(asOfficer().get(REVIEWS + "?status=closed").status()).isEqualTo(400);
        assertThat(asOfficer().get(REVIEWS + "/no-such-review").status()).isEqualTo(404);
    }

    @Test
    void onlyTheNamedReviewerSignsOff() {
        SignedIn compliance = newUser("compliance-officer");
        Instant now = clock.instant();
        Api.Response opened = asOfficer().post(REVIEWS, Api.map("from", now.minus(Duration.ofMinutes(30)).toString(),
                "to", now.minus(Duration.ofMinutes(20)).toString(), "reviewerId", compliance.id()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.text("id");
        assertThat(asOfficer().post(REVIEWS + "/" + id + "/sign-off", Api.map("notes", "Not mine")).status())
                .isEqualTo(403);
        assertThat(compliance.api().post(REVIEWS + "/" + id + "/sign-off", Api.map("notes", "Reviewed")).status())
                .isEqualTo(200);
    }

    @Test
    void unusualVolume_flagsAnAgentWhoseEventsMoreThanTripled() {
        Instant first = clock.instant();
        SignedIn busy = newUser("auditor");
        clock.advance(Duration.ofMinutes(10));
        Instant from = clock.instant();
        assertThat(Duration.between(first, from)).isEqualTo(Duration.ofMinutes(10));
        for (int i = 0; i < 25; i++) {
            assertThat(busy.api().get(REVIEWS).status()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(10));
        Api.Response opened = asOfficer().post(REVIEWS, Api.map("from", from.toString(), "to",
                clock.instant().toString()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        List<JsonNode> flagged = new ArrayList<>();
        opened.json().get("summary").get("unusualVolumes").forEach(flagged::add);
        assertThat(flagged).anySatisfy(v -> {
            assertThat(v.get("agent").asString()).isEqualTo(busy.id());
            assertThat(v.get("reason").asString()).isEqualTo("tripled");
            assertThat(v.get("count").asLong()).isGreaterThanOrEqualTo(25);
        });
    }

    @Test
    void theScheduleOpensTheLatestEndedPeriodOnceForTheSecurityOfficial() {
        asOfficer();
        reviews.openDue();
        ReviewPeriods.Period last = periods.latestEnded(clock.instant());
        assertThat(periods.length()).isEqualTo(Duration.ofDays(7));
        assertThat(reviews.openDue()).isEmpty();
        JsonNode list = asOfficer().get(REVIEWS).json();
        List<JsonNode> matching = new ArrayList<>();
        list.forEach(r -> {
            if (Instant.parse(r.get("periodFrom").asString()).equals(last.from())
                    && Instant.parse(r.get("periodTo").asString()).equals(last.to())) {
                matching.add(r);
            }
        });
        assertThat(matching).hasSize(1);
        assertThat(matching.get(0).get("origin").asString()).isEqualTo("scheduled");
        assertThat(matching.get(0).get("reviewerId").asString()).isEqualTo(officer().id());
    }

    @Test
    void theCheckFailsWithoutARecentSignOff_passesAfterOne_andFailsAgain31DaysLater() {
        clock.advance(Duration.ofDays(31));
        assertThat(evaluation.run("program.activity-review").result()).isEqualTo("fail");
        String id = openPastHour();
        assertThat(asOfficer().post(REVIEWS + "/" + id + "/sign-off", Api.map("notes", "Nothing unusual"))
                .status()).isEqualTo(200);
        assertThat(evaluation.run("program.activity-review").result()).isEqualTo("pass");
        clock.advance(Duration.ofDays(31));
        assertThat(evaluation.run("program.activity-review").result()).isEqualTo("fail");
    }

    private String openPastHour() {
        Instant now = clock.instant();
        Api.Response opened = asOfficer().post(REVIEWS, Api.map("from", now.minus(Duration.ofHours(1)).toString(),
                "to", now.toString()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(1));
        return opened.text("id");
    }

    private static long count(JsonNode counts, String agent) {
        for (JsonNode c : counts) {
            if (c.get("agent").asString().equals(agent)) {
                return c.get("count").asLong();
            }
        }
        return 0;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String createPatient(Api api) {
        Map<String, Object> patient = Api.map("resourceType", "Patient", "name", List.of(Api.map("family",
                "Review", "given", List.of("Test"))), "gender", "female", "birthDate", "1970-01-01");
        Api.Response created = api.send(api.request("/fhir/Patient").header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(patient))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}

@OnDatabase(Database.SQLITE)
class SqliteActivityReviewIntegrationTests extends ActivityReviewIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresActivityReviewIntegrationTests extends ActivityReviewIntegrationTests {
}
