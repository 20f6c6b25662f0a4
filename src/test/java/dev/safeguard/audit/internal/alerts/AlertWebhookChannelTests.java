package dev.safeguard.audit.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguard.audit.AlertSettings;
import dev.safeguard.audit.AlertWebhookReceiver;
import dev.safeguard.audit.Alerts.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook channel against a real HTTPS receiver: it signs the exact body, trusts only the configured CA (or the
 * JVM's trust store), and treats a non-2xx answer as a failure.
 */
class AlertWebhookChannelTests {

    private static final String SECRET = "unit-test webhook secret, 32+ characters";
    private final AlertWebhookReceiver receiver = AlertWebhookReceiver.get();

    @Test
    void theBodyIsSignedWithHmacSha256OfTheSecret() throws Exception {
        String subject = "subject-" + UUID.randomUUID();
        channel(receiver.certificatePem()).send(notice(subject));
        AlertWebhookReceiver.Received received = receiver.received().stream()
                .filter(r -> r.text().contains(subject)).findFirst().orElseThrow();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(received.header("X-Safeguard-Signature"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(received.body())));
        assertThat(received.text()).startsWith("{\"version\":1,").contains("\"rule\":\"failed-logins\"");
    }

    @Test
    void aServerNotCertifiedByTheConfiguredCa_isRefused() {
        String subject = "subject-" + UUID.randomUUID();
        assertThatThrownBy(() -> channel(AlertWebhookReceiver.unrelatedCertificatePem()).send(notice(subject)))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(receiver.received()).noneMatch(r -> r.text().contains(subject));
    }

    @Test
    void withoutACaFileASelfSignedServer_isRefused() {
        String subject = "subject-" + UUID.randomUUID();
        assertThatThrownBy(() -> channel(null).send(notice(subject))).isInstanceOf(SSLHandshakeException.class);
        assertThat(receiver.received()).noneMatch(r -> r.text().contains(subject));
    }

    @Test
    void anAnswerOtherThan2xx_isAFailure() {
        String subject = "subject-" + UUID.randomUUID();
        receiver.failOnce(subject);
        assertThatThrownBy(() -> channel(receiver.certificatePem()).send(notice(subject)))
                .isInstanceOf(DeliveryFailed.class).hasMessage("the webhook answered HTTP 503");
    }

    private WebhookChannel channel(Path ca) {
        AlertSettings settings = new AlertSettings(null, null, null, null, null, null,
                new AlertSettings.Webhook(receiver.url(), SECRET, ca, null), null, null);
        return new WebhookChannel(settings, JsonMapper.builder().build());
    }

    private static AlertNotice notice(String subject) {
        return AlertNotice.of(new AlertDraft("failed-logins", Severity.MEDIUM, subject, "5 failed sign-in attempts",
                7L, 1_800_000_000_000L), 42L, "node-1");
    }
}
