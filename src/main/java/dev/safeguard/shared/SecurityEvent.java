package dev.safeguard.shared;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One security-relevant fact, in the shape the audit trail persists (NIST SP 800-53 AU-3: what, when, where, source,
 * outcome, who, on what). Modules publish it through {@link SecurityEventRecorder}.
 *
 * <p>It must never carry PHI, a password, a token, a TOTP code or a key: agents are identified by ids, free text is
 * limited to fixed reason codes.
 *
 * @param type       event family, e.g. {@code authentication}, {@code user-admin}, {@code service-client}
 * @param subtype    what happened, e.g. {@code login}, {@code mfa}, {@code lockout}, {@code terminate}
 * @param action     C/R/U/D/E as in FHIR AuditEvent.action
 * @param outcome    success, minor failure (caller's mistake) or serious failure
 * @param occurredAt when it happened (the injected clock)
 * @param agent      who acted (user id, service client id, or an unauthenticated caller)
 * @param entity     what it was done to, or {@code null}
 * @param reason     a fixed reason code for failures, or {@code null}
 */
public record SecurityEvent(
        String type,
        String subtype,
        Action action,
        Outcome outcome,
        Instant occurredAt,
        Agent agent,
        Entity entity,
        String reason) {

    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subtype, "subtype");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(agent, "agent");
    }

    /** FHIR AuditEvent.action codes. */
    public enum Action { C, R, U, D, E }

    /** FHIR AuditEvent.outcome, reduced to the three Safeguard uses. */
    public enum Outcome { SUCCESS, MINOR_FAILURE, SERIOUS_FAILURE }

    /**
     * Who acted.
     *
     * @param userId     the workforce user's immutable id, or {@code null}
     * @param clientId   the service client's id, or {@code null}
     * @param roles      the roles in force
     * @param sessionRef a non-secret reference to the session (a digest prefix), or {@code null}
     * @param address    the network address the request came from
     * @param userAgent  the user agent, truncated to 200 characters
     */
    public record Agent(String userId, String clientId, List<String> roles, String sessionRef, String address,
                        String userAgent) {

        /** Request attribute under which the authenticating filter leaves the request's agent for the audit trail. */
        public static final String REQUEST_ATTRIBUTE = Agent.class.getName();

        public Agent {
            roles = roles == null ? List.of() : List.copyOf(roles);
            if (userAgent != null && userAgent.length() > 200) {
                userAgent = userAgent.substring(0, 200);
            }
        }

        public static Agent anonymous(String address, String userAgent) {
            return new Agent(null, null, List.of(), null, address, userAgent);
        }
    }

    /** What the action touched: a type (e.g. {@code User}, {@code ServiceClient}) and its id. */
    public record Entity(String type, String id) {
    }
}
