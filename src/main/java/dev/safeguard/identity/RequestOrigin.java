package dev.safeguard.identity;

/**
 * Where a request came from, for throttling and audit records.
 *
 * @param address   the client's network address
 * @param userAgent the user agent header, truncated to 200 characters, or {@code null}
 */
public record RequestOrigin(String address, String userAgent) {
    public RequestOrigin {
        address = address == null ? "unknown" : address;
        if (userAgent != null && userAgent.length() > 200) {
            userAgent = userAgent.substring(0, 200);
        }
    }
}
