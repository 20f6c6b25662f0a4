package dev.safeguard.audit.internal.alerts;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Safeguard-Signature} value: {@code sha256=} and the lower-case hex HMAC-SHA256 of the exact body bytes.
 *
 * <p>IMPORTANT: receivers verify this format; it must never change (a new scheme gets a new prefix).
 */
final class WebhookSignature {

    static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    WebhookSignature(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    String header(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** IMPORTANT: never prints the key. */
    @Override
    public String toString() {
        return "WebhookSignature[HmacSHA256]";
    }
}
