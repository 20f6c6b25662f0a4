package dev.safeguard.identity;

/**
 * Where a request came from, for throttling and audit records.
 *
 * @param address   the client's network address
 * @param userAgent the user agent header, truncated to 200 characters, or {@code null}
 */
public record RequestOrigin(String address, String userAgent) {

    /** The origin of an HTTP request: its remote address and {@code User-Agent}. */
    public static RequestOrigin of(jakarta.servlet.http.HttpServletRequest request) {
        return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
    public RequestOrigin {
        address = address == null ? "unknown" : address;
        if (userAgent != null && userAgent.length() > 200) {
            userAgent = userAgent.substring(0, 200);
        }
    }
}
