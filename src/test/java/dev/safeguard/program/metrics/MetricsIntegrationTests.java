package dev.safeguard.program.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.program.Metric;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The compliance metrics read the real system (a user without MFA lowers MFA coverage, a termination is measured,
 * an implemented control and an overdue review count), snapshots give one point per metric per day, only officers
 * record, and malformed series requests are refused with a problem.
 */
public abstract class MetricsIntegrationTests extends ServerTest {

    private JsonNode metric(String id) {
        Api.Response current = asOfficer().get("/api/program/metrics");
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        for (JsonNode m : current.json()) {
            if (m.get("id").asString().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("No metric " + id + " in " + current.body());
    }

    private static Double value(JsonNode metric) {
        JsonNode value = metric.get("value");
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void everyMetricIsMeasured_andNoneIsAStub() {
        List<String> ids = Metric.all().stream().map(Metric::id).toList();
        JsonNode current = asOfficer().get("/api/program/metrics").json();
        assertThat(current).hasSize(ids.size());
        assertThat(ids).contains(Metric.MFA_COVERAGE, Metric.MEAN_TIME_TO_REVOKE, Metric.CENTRAL_LOGGING_COVERAGE,
                Metric.OPEN_HIGH_RISKS, Metric.OPEN_VERY_HIGH_RISKS, Metric.FAILING_CHECKS,
                Metric.OVERDUE_BREAK_GLASS_REVIEWS, Metric.OVERDUE_CONTROL_REVIEWS, "controls-implemented.technical",
                Metric.VENDORS_BAA_BEFORE_CONNECTIVITY, Metric.VENDORS_BAA_COVERAGE, Metric.TRAINING_ON_SCHEDULE,
                Metric.TRAINING_OVERDUE);
        assertThat(asOfficer().get("/api/program/metrics/definitions").json()).hasSize(ids.size());
    }

    @Test
    void mfaCoverageDropsWhenAnAccountWithoutMfaIsCreated() {
        JsonNode before = metric(Metric.MFA_COVERAGE);
        Api.Response created = asOfficer().post("/api/users", Api.map("username", "nomfa" + UUID.randomUUID()
                .toString().substring(0, 8), "displayName", "No Second Factor", "password",
                "a long passphrase for nomfa", "roles", List.of("clinician")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode after = metric(Metric.MFA_COVERAGE);
        assertThat(after.get("denominator").asLong()).isEqualTo(before.get("denominator").asLong() + 1);
        assertThat(after.get("numerator").asLong()).isEqualTo(before.get("numerator").asLong());
        assertThat(value(after)).isLessThan(value(before));
        assertThat(after.get("unit").asString()).isEqualTo("percent");
    }

    @Test
    void meanTimeToRevokeIsMeasuredWhenAUserWithAKeyIsTerminated() {
        SignedIn leaver = newUser("security-officer");
        Api.Response client = asOfficer().post("/api/service-clients", Api.map("name", "leaver metrics app",
                "ownerId", leaver.id(), "scopes", List.of("system/*.read"), "expiresInDays", 30));
        assertThat(client.status()).as(client.toString()).isEqualTo(201);
        assertThat(asOfficer().post("/api/users/" + leaver.id() + "/terminate").status()).isEqualTo(200);
        Double measured = value(metric(Metric.MEAN_TIME_TO_REVOKE));
        assertThat(measured).as("measured once a terminated user had something revoked").isNotNull()
                .isGreaterThanOrEqualTo(0.0);
        jdbc.sql("UPDATE credential_revocations SET revoked_at = revoked_at + ? WHERE user_id = ?")
                .params(Duration.ofHours(10_000).toMillis(), leaver.id()).update();
        assertThat(value(metric(Metric.MEAN_TIME_TO_REVOKE))).as("a slow revocation raises the mean")
                .isGreaterThan(measured);
    }

    @Test
    void loggingCoverageAndImplementedControlsFollowTheInventoryAndTheControls() {
        JsonNode logging = metric(Metric.CENTRAL_LOGGING_COVERAGE);
        Api.Response asset = asOfficer().post("/api/program/assets", Api.map("name", "Unlogged kiosk "
                + UUID.randomUUID().toString().substring(0, 6), "kind", "device", "ephi", true, "location",
                "Waiting room", "encryption", "encrypted", "centralLogging", false));
        assertThat(asset.status()).as(asset.toString()).isEqualTo(201);
        JsonNode afterAsset = metric(Metric.CENTRAL_LOGGING_COVERAGE);
        assertThat(afterAsset.get("denominator").asLong()).isEqualTo(logging.get("denominator").asLong() + 1);
        assertThat(afterAsset.get("numerator").asLong()).isEqualTo(logging.get("numerator").asLong());

        String path = "/api/program/controls/164.310(a)(2)(iii)/versions";
        String physical = Metric.CONTROLS_IMPLEMENTED + "physical";
        assertThat(asOfficer().post(path, Api.map("status", "planned")).status()).isEqualTo(201);
        long planned = metric(physical).get("numerator").asLong();
        assertThat(asOfficer().post(path, Api.map("status", "implemented", "nextReviewOn",
                today().plusDays(1).toString())).status()).isEqualTo(201);
        assertThat(metric(physical).get("numerator").asLong()).isEqualTo(planned + 1);

        clock.advance(Duration.ofDays(2));
        long overdue = 0;
        for (JsonNode control : asOfficer().get("/api/program/controls").json()) {
            overdue += control.get("reviewOverdue").asBoolean() ? 1 : 0;
        }
        assertThat(overdue).isGreaterThanOrEqualTo(1);
        assertThat(value(metric(Metric.OVERDUE_CONTROL_REVIEWS))).isEqualTo((double) overdue);
    }

    @Test
    void openHighAndVeryHighRisksFollowTheRegister() {
        double high = value(metric(Metric.OPEN_HIGH_RISKS));
        double veryHigh = value(metric(Metric.OPEN_VERY_HIGH_RISKS));
        SignedIn compliance = newUser("compliance-officer");
        assertThat(compliance.api().post("/api/program/risks", risk("Stolen laptop", "high", "high")).status())
                .isEqualTo(201);
        assertThat(value(metric(Metric.OPEN_HIGH_RISKS))).isEqualTo(high + 1);
        assertThat(compliance.api().post("/api/program/risks", risk("Ransomware", "very-high", "very-high"))
                .status()).isEqualTo(201);
        assertThat(value(metric(Metric.OPEN_VERY_HIGH_RISKS))).isEqualTo(veryHigh + 1);
        assertThat(value(metric(Metric.OPEN_HIGH_RISKS))).isEqualTo(high + 1);
    }

    private static Object risk(String title, String likelihood, String impact) {
        return Api.map("title", title, "threatId", "ransomware", "vulnerability", "Backups reachable from the domain",
                "controls", List.of("164.308(a)(7)(ii)(A)"), "likelihood", likelihood, "impact", impact);
    }

    @Test
    void failingChecksCountTheLatestRuns() {
        Api.Response ran = asOfficer().post("/api/program/checks/run");
        assertThat(ran.status()).isEqualTo(200);
        long failing = 0;
        for (JsonNode run : ran.json()) {
            failing += run.get("result").asString().equals("fail") ? 1 : 0;
        }
        assertThat(value(metric(Metric.FAILING_CHECKS))).isEqualTo((double) failing);
    }

    @Test
    void aSnapshotRecordsOnePointPerMetricForTheDay_andTheNextDayAddsASecond() {
        LocalDate first = today();
        assertThat(asOfficer().post("/api/program/metrics/snapshot").status()).isEqualTo(200);
        assertThat(asOfficer().post("/api/program/metrics/snapshot").status()).as("same day: replaced").isEqualTo(200);
        for (Metric m : Metric.all()) {
            JsonNode series = asOfficer().get("/api/program/metrics/series?metric=" + m.id() + "&from=" + first
                    + "&to=" + first).json();
            assertThat(series).as(m.id()).hasSize(1);
            assertThat(series.get(0).get("day").asString()).isEqualTo(first.toString());
        }
        clock.advance(Duration.ofDays(1));
        assertThat(asOfficer().post("/api/program/metrics/snapshot").status()).isEqualTo(200);
        JsonNode two = asOfficer().get("/api/program/metrics/series?metric=mfa-coverage&from=" + first + "&to="
                + first.plusDays(1)).json();
        assertThat(two).hasSize(2);
        assertThat(two.get(1).get("day").asString()).isEqualTo(first.plusDays(1).toString());
        assertThat(two.get(1).get("denominator").asLong()).isPositive();
        assertThat(asOfficer().get("/api/program/metrics/series?metric=mfa-coverage").json())
                .as("default range: the last 90 days").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void auditorsRead_onlyOfficersRecord_andOthersAreRefused() {
        Api auditor = newUser("auditor").api();
        assertThat(auditor.get("/api/program/metrics").status()).isEqualTo(200);
        assertThat(auditor.get("/api/program/metrics/series?metric=failing-checks").status()).isEqualTo(200);
        assertThat(auditor.post("/api/program/metrics/snapshot").status()).isEqualTo(403);
        assertThat(newUser("compliance-officer").api().post("/api/program/metrics/snapshot").status())
                .isEqualTo(200);
        Api clinician = newUser("clinician").api();
        assertThat(clinician.get("/api/program/metrics").status()).isEqualTo(403);
        assertThat(clinician.get("/api/program/metrics/series?metric=failing-checks").status()).isEqualTo(403);
        assertThat(clinician.post("/api/program/metrics/snapshot").status()).isEqualTo(403);
    }

    @Test
    void malformedSeriesRequests_areRefused() {
        for (String query : List.of("metric=mfa-coverage&from=yesterday", "metric=mfa-coverage&to=2026-13-01",
                "metric=mfa-coverage&from=2026-02-01&to=2026-01-01", "metric=mfa-coverage&from=2020-01-01&to=2026-01-01",
                "metric=training-completion", "from=2026-01-01")) {
            Api.Response r = asOfficer().get("/api/program/metrics/series?" + query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(query).contains("application/problem+json");
        }
    }
}

@OnDatabase(Database.SQLITE)
class SqliteMetricsIntegrationTests extends MetricsIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresMetricsIntegrationTests extends MetricsIntegrationTests {
}
