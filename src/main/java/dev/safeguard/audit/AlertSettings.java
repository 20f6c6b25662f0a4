package dev.safeguard.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Audit alert rules and their delivery (45 CFR 164.308(a)(5)(ii)(C), 164.308(a)(1)(ii)(D)), validated at start-up.
 * Every rule can be switched off; windows and thresholds default to the values below.
 *
 * @param breakGlass               any event with purpose of use {@code ETREAT}
 * @param failedLogins             failed sign-ins (password or second factor) on one account: 5 in 10 min
 * @param patientVolume            one user touching distinct patients: 50 in 10 min
 * @param patientAccessDenied      a patient record access that was denied (403)
 * @param accountLockout           an account locked after repeated failures
 * @param auditVerificationFailure an audit verification that found the trail altered
 * @param webhook                  signed HTTPS delivery; off unless {@code url} is set
 * @param email                    SMTP delivery (server from {@code spring.mail.*}); off unless {@code to} is set
 * @param delivery                 retries and queue of both channels
 */
@ConfigurationProperties("safeguard.audit.alerts")
public record AlertSettings(Rule breakGlass, Rule failedLogins, Rule patientVolume, Rule patientAccessDenied,
                            Rule accountLockout, Rule auditVerificationFailure, Webhook webhook, Email email,
                            Delivery delivery) {

    static final String PREFIX = "safeguard.audit.alerts.";
    static final Duration WINDOW = Duration.ofMinutes(10);

    public AlertSettings {
        breakGlass = Rule.resolve(breakGlass, 1, "break-glass");
        failedLogins = Rule.resolve(failedLogins, 5, "failed-logins");
        patientVolume = Rule.resolve(patientVolume, 50, "patient-volume");
        patientAccessDenied = Rule.resolve(patientAccessDenied, 1, "patient-access-denied");
        accountLockout = Rule.resolve(accountLockout, 1, "account-lockout");
        auditVerificationFailure = Rule.resolve(auditVerificationFailure, 1, "audit-verification-failure");
        webhook = webhook == null ? new Webhook(null, null, null, null) : webhook;
        email = email == null ? new Email(null, null) : email;
        delivery = delivery == null ? new Delivery(null, null, null) : delivery;
    }

    /**
     * One rule. {@code window} is both the sliding window of counting rules and the time within which the same rule
     * does not alert twice about the same subject.
     */
    public record Rule(Boolean enabled, Integer threshold, Duration window) {

        static Rule resolve(Rule rule, int defaultThreshold, String name) {
            Rule r = rule == null ? new Rule(null, null, null) : rule;
            int threshold = r.threshold() == null ? defaultThreshold : r.threshold();
            Duration window = r.window() == null ? WINDOW : r.window();
            if (threshold < 1 || threshold > 100_000) {
                throw new IllegalArgumentException(PREFIX + name + ".threshold must be between 1 and 100000; got "
                        + threshold);
            }
            if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException(PREFIX + name + ".window must be between 1s and 24h; got "
                        + window);
            }
            return new Rule(r.enabled() == null || r.enabled(), threshold, window);
        }
    }

    /**
     * @param url           where alerts are POSTed; must be {@code https}
     * @param secret        HMAC-SHA256 key of the {@code X-Safeguard-Signature} header, at least 32 characters
     * @param caCertificate PEM file of the CA (or certificate) to trust for {@code url}; default: the JVM trust store
     * @param timeout       connect and response timeout (default 10 s)
     */
    public record Webhook(URI url, String secret, Path caCertificate, Duration timeout) {

        public Webhook {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            if (url != null) {
                if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                    throw new IllegalArgumentException(PREFIX + "webhook.url must be an https:// URL with a host; got "
                            + "scheme '" + url.getScheme() + "'");
                }
                if (secret == null || secret.isBlank()) {
                    throw new IllegalArgumentException(PREFIX + "webhook.secret must be set when webhook.url is set");
                }
                if (secret.length() < 32) {
                    throw new IllegalArgumentException(PREFIX + "webhook.secret must have at least 32 characters; "
                            + "got " + secret.length());
                }
            }
        }

        public boolean enabled() {
            return url != null;
        }

        /** IMPORTANT: never prints the secret. */
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=" + (secret == null ? "unset" : "(redacted)") + ", caCertificate="
                    + caCertificate + ", timeout=" + timeout + "]";
        }
    }

    /**
     * @param to   recipients; e-mail is off when empty
     * @param from sender address, required when {@code to} is set
     */
    public record Email(List<String> to, String from) {

        public Email {
            to = to == null ? List.of() : List.copyOf(to);
            for (String address : to) {
                if (address == null || !address.matches("[^@\\s]+@[^@\\s]+")) {
                    throw new IllegalArgumentException(PREFIX + "email.to has an entry that is not an e-mail address: '"
                            + address + "'");
                }
            }
            if (!to.isEmpty() && (from == null || !from.matches("[^@\\s]+@[^@\\s]+"))) {
                throw new IllegalArgumentException(PREFIX
                        + "email.from must be an e-mail address when email.to is set");
            }
        }

        public boolean enabled() {
            return !to.isEmpty();
        }
    }

    /**
     * @param attempts      tries per channel and alert (default 5)
     * @param backoff       wait before the first retry, doubled after each (default 2 s, at most 5 min)
     * @param queueCapacity alerts and retries that may wait; beyond that they are logged and dropped (default 1000)
     */
    public record Delivery(Integer attempts, Duration backoff, Integer queueCapacity) {

        public Delivery {
            attempts = attempts == null ? 5 : attempts;
            backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
            queueCapacity = queueCapacity == null ? 1000 : queueCapacity;
            if (attempts < 1 || attempts > 20) {
                throw new IllegalArgumentException(PREFIX + "delivery.attempts must be between 1 and 20; got "
                        + attempts);
            }
            if (backoff.toMillis() < 10 || backoff.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException(PREFIX + "delivery.backoff must be between 10ms and 5m; got "
                        + backoff);
            }
            if (queueCapacity < 1 || queueCapacity > 100_000) {
                throw new IllegalArgumentException(PREFIX + "delivery.queue-capacity must be between 1 and 100000; "
                        + "got " + queueCapacity);
            }
        }
    }
}
