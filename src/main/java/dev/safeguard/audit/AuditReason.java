package dev.safeguard.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * A fixed reason code for the audit event of a refused request, e.g. {@code baa-not-in-force}: a handler that refuses
 * for a reason an auditor must be able to find sets it on the request, and {@link RequestEvents} records it as the
 * event's {@code reason} when the answer is a 4xx or 5xx (never on a success, so a code left from an earlier step of
 * a batch cannot mislabel it). Codes are fixed identifiers, never free text, names or PHI.
 */
public final class AuditReason {

    public static final String REQUEST_ATTRIBUTE = AuditReason.class.getName();
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

    private AuditReason() {
    }

    /**
     * Sets the reason code of the request's audit event; {@code null} removes it.
     *
     * @throws IllegalArgumentException when the code is not {@code [a-z0-9][a-z0-9.-]{0,63}}
     */
    public static void set(HttpServletRequest request, String code) {
        if (code == null) {
            request.removeAttribute(REQUEST_ATTRIBUTE);
            return;
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A reason code is [a-z0-9][a-z0-9.-]{0,63}; got '" + code + "'");
        }
        request.setAttribute(REQUEST_ATTRIBUTE, code);
    }

    /** The reason code set on the request, or {@code null}. */
    public static String of(HttpServletRequest request) {
        return request.getAttribute(REQUEST_ATTRIBUTE) instanceof String code ? code : null;
    }
}
