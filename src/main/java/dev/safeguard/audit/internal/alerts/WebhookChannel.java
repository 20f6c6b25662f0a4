package dev.safeguard.audit.internal.alerts;

import dev.safeguard.audit.AlertSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Delivers alerts as an HTTPS POST of a JSON body with {@code X-Safeguard-Signature: sha256=<hex HMAC-SHA256 of the
 * raw body>} keyed by the configured secret. The server must present a certificate chaining to the configured CA PEM
 * (or, without one, to the JVM's trust store) for the URL's host name; redirects are not followed; any answer but 2xx
 * is a failure, retried by the caller.
 */
@Component
class WebhookChannel implements AlertChannel {

    static final String SIGNATURE_HEADER = "X-Safeguard-Signature";
    static final String DELIVERY_HEADER = "X-Safeguard-Delivery";

    private final AlertSettings.Webhook settings;
    private final ObjectMapper json;
    private final WebhookSignature signature;
    private final HttpClient http;

    WebhookChannel(AlertSettings settings, ObjectMapper json) {
        this.settings = settings.webhook();
        this.json = json;
        boolean on = this.settings.enabled();
        this.signature = on ? new WebhookSignature(this.settings.secret().getBytes(StandardCharsets.UTF_8)) : null;
        this.http = on ? HttpClient.newBuilder().sslContext(trust(this.settings.caCertificate()))
                .connectTimeout(this.settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build() : null;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public void send(AlertNotice notice) throws IOException, InterruptedException, DeliveryFailed {
        byte[] body = json.writeValueAsBytes(notice.payload());
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Safeguard-Alerts/1")
                .header(SIGNATURE_HEADER, signature.header(body))
                .header(DELIVERY_HEADER, notice.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailed("the webhook answered HTTP " + response.statusCode());
        }
    }

    /** The CA PEM's certificates as the only trust anchors, or the JVM default without a file. */
    static SSLContext trust(Path caPem) {
        try {
            if (caPem == null) {
                return SSLContext.getDefault();
            }
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(caPem)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty()) {
                throw new IllegalStateException("safeguard.audit.alerts.webhook.ca-certificate " + caPem
                        + " contains no PEM certificate");
            }
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                anchors.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use safeguard.audit.alerts.webhook.ca-certificate " + caPem
                    + " as a trust anchor: " + e.getMessage(), e);
        }
    }
}
