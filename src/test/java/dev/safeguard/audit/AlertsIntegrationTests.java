package dev.safeguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.EmbeddedPostgresServer;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Audit alerts end to end (164.308(a)(5)(ii)(C)): failed sign-ins raise one open alert, auditors and security
 * officers acknowledge and resolve it (recorded and audited), others are refused, and every alert reaches a real HTTPS
 * webhook (HMAC-signed) and a real SMTP server, without PHI, even when the inbox cannot store it.
 */
public abstract class AlertsIntegrationTests extends ServerTest {

    static final String SECRET = "test-only webhook secret of at least 32 chars";
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @Autowired
    AuditTrail trail;
    @Autowired
    Alerts alerts;
    @Value("${safeguard.db-username:}")
    String dbUser;

    @DynamicPropertySource
    static void alertChannels(DynamicPropertyRegistry registry) {
        AlertWebhookReceiver receiver = AlertWebhookReceiver.get();
        registry.add("safeguard.audit.alerts.webhook.url", () -> receiver.url().toString());
        registry.add("safeguard.audit.alerts.webhook.secret", () -> SECRET);
        registry.add("safeguard.audit.alerts.webhook.ca-certificate", () -> receiver.certificatePem().toString());
        registry.add("safeguard.audit.alerts.email.to", () -> "security-team@example.test");
        registry.add("safeguard.audit.alerts.email.from", () -> "safeguard@example.test");
        registry.add("safeguard.audit.alerts.delivery.backoff", () -> "50ms");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Test
    void fiveFailedSignInsOnOneAccountRaiseExactlyOneOpenAlert() {
        String userId = failSignIns(6);
        JsonNode page = eventually(() -> asOfficer().get("/api/audit/alerts?rule=failed-logins&subject=" + userId),
                r -> r.status() == 200 && r.json().get("total").asLong() > 0, "the failed sign-in alert").json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode alert = page.get("items").get(0);
        assertThat(alert.get("state").asString()).isEqualTo("OPEN");
        assertThat(alert.get("severity").asString()).isEqualTo("MEDIUM");
        assertThat(alert.get("summary").asString()).contains("5 failed sign-in attempts").contains(userId);
        assertThat(alertsAbout(userId)).isEqualTo(1);
    }

    @Test
    void fourFailedSignInsRaiseNoAlert() {
        String userId = failSignIns(4);
        String other = failSignIns(5);
        eventually(() -> alertsAbout(other), n -> n == 1, "the other account's alert");
        assertThat(alertsAbout(userId)).isZero();
    }

    @Test
    void acknowledgingAndResolvingRecordWhoAndWhen_andAreAudited() {
        long id = alertId(failSignIns(5));
        Instant acknowledgedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Api.Response acknowledged = asOfficer().post("/api/audit/alerts/" + id + "/acknowledge");
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.text("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.text("acknowledgedBy")).isEqualTo(officer().id());
        assertThat(Instant.parse(acknowledged.text("acknowledgedAt"))).isEqualTo(acknowledgedAt);

        SignedIn auditor = newUser("auditor");
        clock.advance(java.time.Duration.ofMinutes(3));
        Instant resolvedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Api.Response resolved = auditor.api().post("/api/audit/alerts/" + id + "/resolve");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        JsonNode alert = auditor.api().get("/api/audit/alerts/" + id).json();
        assertThat(alert.get("state").asString()).isEqualTo("RESOLVED");
        assertThat(alert.get("acknowledgedBy").asString()).isEqualTo(officer().id());
        assertThat(alert.get("resolvedBy").asString()).isEqualTo(auditor.id());
        assertThat(Instant.parse(alert.get("resolvedAt").asString())).isEqualTo(resolvedAt);
        assertThat(alert.get("stateChangedBy").asString()).isEqualTo(auditor.id());

        List<String> audited = jdbc.sql("SELECT subtype || ' ' || agent_user FROM audit_events WHERE type = 'alert' "
                + "AND entity_type = 'Alert' AND entity_id = ? ORDER BY seq").param(Long.toString(id))
                .query(String.class).list();
        assertThat(audited).containsExactly("acknowledge " + officer().id(), "resolve " + auditor.id());
    }

    @Test
    void aUserWhoIsNeitherAuditorNorSecurityOfficer_isRefused() {
        long id = alertId(failSignIns(5));
        Api clinician = newUser("clinician").api();
        Api.Response list = clinician.get("/api/audit/alerts");
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.header("Content-Type")).startsWith("application/problem+json");
        assertThat(clinician.get("/api/audit/alerts/" + id).status()).isEqualTo(403);
        assertThat(clinician.post("/api/audit/alerts/" + id + "/resolve").status()).isEqualTo(403);
        assertThat(client().get("/api/audit/alerts").status()).isEqualTo(401);
        assertThat(alerts.get(id).state()).isEqualTo(Alerts.State.OPEN);
    }

    @Test
    void badInputIsAnswered4xxWithAProblemDocument() {
        Api officer = asOfficer();
        assertProblem(officer.get("/api/audit/alerts/987654321"), 404, "not-found");
        assertProblem(officer.get("/api/audit/alerts/not-a-number"), 400, "validation");
        assertProblem(officer.get("/api/audit/alerts?size=1000000"), 400, "validation");
        assertProblem(officer.get("/api/audit/alerts?size=0"), 400, "validation");
        assertProblem(officer.get("/api/audit/alerts?page=-1"), 400, "validation");
        assertProblem(officer.get("/api/audit/alerts?state=closed"), 400, "validation");
        assertProblem(officer.get("/api/audit/alerts?rule=%27%20OR%201%3D1"), 400, "validation");
        assertProblem(officer.post("/api/audit/alerts/987654321/acknowledge"), 404, "not-found");

        long id = alertId(failSignIns(5));
        officer = asOfficer();
        assertThat(officer.post("/api/audit/alerts/" + id + "/resolve").status()).isEqualTo(200);
        assertProblem(officer.post("/api/audit/alerts/" + id + "/acknowledge"), 409, "conflict");
        assertProblem(officer.post("/api/audit/alerts/" + id + "/resolve"), 409, "conflict");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE type = 'alert' AND entity_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).as("refused changes are not audited")
                .isEqualTo(1);
    }

    @Test
    void theWebhookReceivesTheAlertSignedWithTheSharedSecret() throws Exception {
        String userId = failSignIns(5);
        AlertWebhookReceiver.Received delivery = webhook(userId);
        assertThat(delivery.header("Content-Type")).startsWith("application/json");
        String signature = delivery.header("X-Safeguard-Signature");
        assertThat(signature).isEqualTo("sha256=" + hmac(SECRET, delivery.body()));
        assertThat(signature).isNotEqualTo("sha256=" + hmac(SECRET + "x", delivery.body()));
        JsonNode body = Api.JSON.readTree(delivery.text());
        assertThat(body.get("rule").asString()).isEqualTo("failed-logins");
        assertThat(body.get("subject").asString()).isEqualTo(userId);
        assertThat(body.get("stored").asBoolean()).isTrue();
        assertThat(body.get("id").asLong()).isEqualTo(alertId(userId));
    }

    @Test
    void aFailedWebhookDeliveryIsRetried() {
        String subject = "retry-" + UUID.randomUUID();
        AlertWebhookReceiver.get().failOnce(subject);
        alerts.raise("test-retry", Alerts.Severity.LOW, subject, "A synthetic alert to test retries");
        List<AlertWebhookReceiver.Received> attempts = eventually(() -> received(subject), r -> r.size() >= 2,
                "a retried delivery");
        assertThat(attempts.get(0).answered()).isEqualTo(503);
        assertThat(attempts.get(1).answered()).isEqualTo(204);
        assertThat(attempts.get(1).header("X-Safeguard-Delivery")).isEqualTo(attempts.get(0).header(
                "X-Safeguard-Delivery"));
    }

    @Test
    void breakGlassAlertsReachEveryChannelWithoutPhi() throws Exception {
        SignedIn clinician = newUser("clinician");
        String patient = "Patient/synthetic-" + UUID.randomUUID();
        long seq = trail.append(new AuditEvent("rest", "GET /fhir/Patient/{id}", Action.R, Outcome.SUCCESS, 200,
                new Agent(clinician.id(), null, List.of("clinician"), null, "127.0.0.1", "test"), "ETREAT", null,
                null, null, patient, "name=Synthetic Person", 1, null, null));
        String pseudonym = jdbc.sql("SELECT patient_pseudonym FROM audit_events WHERE seq = ?").param(seq)
                .query(String.class).single();
        assertThat(pseudonym).isNotBlank();

        Alerts.Alert stored = alerts.get(alertId("break-glass", clinician.id()));
        assertThat(stored.severity()).isEqualTo(Alerts.Severity.HIGH);
        assertThat(stored.firstSeq()).isEqualTo(seq);
        String webhook = webhook(clinician.id()).text();
        MimeMessage mail = mail(clinician.id());
        assertThat(mail.getSubject()).contains("break-glass");
        String text = mail.getContent().toString();
        for (String content : List.of(stored.summary(), stored.subject(), webhook, mail.getSubject(), text)) {
            assertThat(content).doesNotContain(patient.substring(8)).doesNotContain(pseudonym)
                    .doesNotContain("Synthetic Person").doesNotContain(clinician.username());
        }
    }

    @Test
    void theAlertEmailNamesTheRuleAndCarriesNoPhi() throws Exception {
        String userId = failSignIns(5);
        MimeMessage mail = mail(userId);
        assertThat(mail.getSubject()).isEqualTo("[Safeguard] MEDIUM alert: failed-logins");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("security-team@example.test");
        String text = mail.getContent().toString();
        assertThat(text).contains("failed-logins").contains(userId).contains("/api/audit/alerts/" + alertId(userId));
        assertThat(text).doesNotContain("wrong passphrase").doesNotContain("127.0.0.1");
    }

    @Test
    void anAlertTheInboxCannotStore_isStillDeliveredByWebhookAndEmail() throws Exception {
        String subject = "audit-trail-" + UUID.randomUUID();
        breakInbox();
        try {
            alerts.raise(Alerts.AUDIT_WRITE_FAILURE, Alerts.Severity.CRITICAL, subject,
                    "The audit trail cannot commit events (synthetic)");
            JsonNode body = Api.JSON.readTree(webhook(subject).text());
            assertThat(body.get("stored").asBoolean()).isFalse();
            assertThat(body.get("id").isNull()).isTrue();
            assertThat(mail(subject).getSubject()).isEqualTo("[Safeguard] CRITICAL alert: audit-write-failure");
        } finally {
            repairInbox();
        }
        assertThat(alertsAbout(subject)).isZero();
    }

    // --- helpers ---

    /** Creates a user and fails to sign in as them {@code times} times with a wrong password; returns their id. */
    private String failSignIns(int times) {
        forgetAddressFailures();
        SignedIn user = newUser("clinician");
        Api stranger = client();
        for (int i = 0; i < times; i++) {
            Api.Response r = stranger.post("/api/auth/login", Api.map("username", user.username(),
                    "password", "wrong passphrase " + i));
            assertThat(r.status()).as(r.toString()).isIn(401, 429);
        }
        return user.id();
    }

    private long alertsAbout(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM alerts WHERE subject = ?").param(subject).query(Long.class).single();
    }

    private long alertId(String subject) {
        return alertId("failed-logins", subject);
    }

    private long alertId(String rule, String subject) {
        return eventually(() -> jdbc.sql("SELECT id FROM alerts WHERE rule = ? AND subject = ?").params(rule, subject)
                .query(Long.class).list(), ids -> !ids.isEmpty(), rule + " alert about " + subject).get(0);
    }

    private AlertWebhookReceiver.Received webhook(String subject) {
        return eventually(() -> received(subject), r -> r.stream().anyMatch(d -> d.answered() == 204),
                "a webhook delivery about " + subject).stream().filter(d -> d.answered() == 204).findFirst()
                .orElseThrow();
    }

    private static List<AlertWebhookReceiver.Received> received(String subject) {
        return AlertWebhookReceiver.get().received().stream().filter(d -> d.text().contains(subject)).toList();
    }

    private static MimeMessage mail(String subject) {
        return eventually(() -> Arrays.stream(MAIL.getReceivedMessages()).filter(m -> body(m).contains(subject))
                .toList(), m -> !m.isEmpty(), "an e-mail about " + subject).get(0);
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void breakInbox() {
        if (storage.postgres()) {
            EmbeddedPostgresServer.asSuperuser(storage.dbUrl(), "REVOKE INSERT ON alerts FROM " + dbUser);
        } else {
            jdbc.sql("CREATE TRIGGER alerts_fault BEFORE INSERT ON alerts "
                    + "BEGIN SELECT RAISE(ABORT, 'alert inbox unavailable'); END").update();
        }
    }

    private void repairInbox() {
        if (storage.postgres()) {
            EmbeddedPostgresServer.asSuperuser(storage.dbUrl(), "GRANT INSERT ON alerts TO " + dbUser);
        } else {
            jdbc.sql("DROP TRIGGER alerts_fault").update();
        }
    }

    private static void assertProblem(Api.Response response, int status, String kind) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:safeguard:problem:" + kind);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("SELECT");
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** Polls for work done asynchronously (the alerts executor); fails after 20 s. */
    static <T> T eventually(Supplier<T> probe, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; last: " + value);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }
}

@OnDatabase(Database.SQLITE)
class AlertsSqliteIntegrationTests extends AlertsIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class AlertsPostgresIntegrationTests extends AlertsIntegrationTests {
}
