package dev.safeguard.identity;

/**
 * A started TOTP enrollment: what the authenticator app needs. The secret is shown to the user once, for manual
 * entry; it is stored sealed.
 *
 * @param otpauthUri the {@code otpauth://totp/...} URI
 * @param qrPng      the URI as a PNG QR code
 * @param secret     the base32 secret
 */
public record Enrollment(String otpauthUri, byte[] qrPng, String secret) {
    @Override
    public String toString() {
        return "Enrollment[qrPng=" + qrPng.length + " bytes]";
    }
}
