package dev.safeguard.audit.internal.alerts;

import dev.safeguard.audit.AlertSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Delivers alerts as plain-text e-mail through the SMTP server configured with {@code spring.mail.*}. The subject
 * names the severity and rule; the body repeats the alert's fields, which carry no PHI. Refuses to start when
 * recipients are configured but no mail server is.
 */
@Component
class EmailChannel implements AlertChannel {

    private final AlertSettings.Email settings;
    private final JavaMailSender sender;

    EmailChannel(AlertSettings settings, ObjectProvider<JavaMailSender> sender) {
        this.settings = settings.email();
        this.sender = sender.getIfAvailable();
        if (this.settings.enabled() && this.sender == null) {
            throw new IllegalStateException("safeguard.audit.alerts.email.to is set but no mail server is configured; "
                    + "set spring.mail.host (and spring.mail.port, username, password as needed)");
        }
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public void send(AlertNotice notice) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(settings.to().toArray(String[]::new));
        message.setSubject(subject(notice));
        message.setText(body(notice));
        sender.send(message);
    }

    static String subject(AlertNotice notice) {
        return "[Safeguard] " + notice.severity() + " alert: " + notice.rule();
    }

    static String body(AlertNotice notice) {
        return "Safeguard raised an audit alert.\n\n"
                + "Rule:       " + notice.rule() + "\n"
                + "Severity:   " + notice.severity() + "\n"
                + "Subject:    " + notice.subject() + "\n"
                + "Summary:    " + notice.summary() + "\n"
                + "Raised at:  " + notice.createdAt() + " on " + notice.node() + "\n"
                + (notice.stored() ? "Alert id:   " + notice.id() + " (GET /api/audit/alerts/" + notice.id() + ")\n"
                : "NOT STORED: the alert inbox could not record this alert; check the audit store.\n")
                + "Delivery:   " + notice.deliveryId() + "\n\n"
                + "Review it in the alert inbox; acknowledge it when you start handling it and resolve it when done.\n";
    }
}
