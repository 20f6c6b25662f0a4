package dev.safeguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguard.audit.AlertSettings.Delivery;
import dev.safeguard.audit.AlertSettings.Email;
import dev.safeguard.audit.AlertSettings.Rule;
import dev.safeguard.audit.AlertSettings.Webhook;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alert settings: documented defaults, and start-up refusal of unsafe or meaningless values with exact messages. */
class AlertSettingsTests {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void defaultsMatchTheDocumentedRules() {
        AlertSettings s = new AlertSettings(null, null, null, null, null, null, null, null, null);
        assertThat(s.failedLogins()).isEqualTo(new Rule(true, 5, Duration.ofMinutes(10)));
        assertThat(s.patientVolume()).isEqualTo(new Rule(true, 50, Duration.ofMinutes(10)));
        assertThat(s.breakGlass().enabled()).isTrue();
        assertThat(s.webhook().enabled()).isFalse();
        assertThat(s.email().enabled()).isFalse();
        assertThat(s.delivery()).isEqualTo(new Delivery(5, Duration.ofSeconds(2), 1000));
    }

    @Test
    void aWebhookWithoutSecret_isRefused() {
        assertThatThrownBy(() -> new Webhook(URI.create("https://hooks.example.test/a"), " ", null, null))
                .hasMessage("safeguard.audit.alerts.webhook.secret must be set when webhook.url is set");
        assertThatThrownBy(() -> new Webhook(URI.create("https://hooks.example.test/a"), "short", null, null))
                .hasMessage("safeguard.audit.alerts.webhook.secret must have at least 32 characters; got 5");
    }

    @Test
    void aPlainHttpWebhook_isRefused() {
        assertThatThrownBy(() -> new Webhook(URI.create("http://hooks.example.test/a"), SECRET, null, null))
                .hasMessage("safeguard.audit.alerts.webhook.url must be an https:// URL with a host; "
                        + "got scheme 'http'");
    }

    @Test
    void theWebhookSecretNeverAppearsInToString() {
        Webhook webhook = new Webhook(URI.create("https://hooks.example.test/a"), SECRET, null, null);
        assertThat(webhook.toString()).doesNotContain(SECRET).contains("(redacted)");
        assertThat(new AlertSettings(null, null, null, null, null, null, webhook, null, null).toString())
                .doesNotContain(SECRET);
    }

    @Test
    void emailWithoutSender_orBadThreshold_isRefused() {
        assertThatThrownBy(() -> new Email(List.of("team@example.test"), null))
                .hasMessage("safeguard.audit.alerts.email.from must be an e-mail address when email.to is set");
        assertThatThrownBy(() -> new AlertSettings(null, new Rule(true, 0, null), null, null, null, null, null, null,
                null)).hasMessage("safeguard.audit.alerts.failed-logins.threshold must be between 1 and 100000; got 0");
    }
}
