package dev.safeguard.audit;

import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The audit event of an HTTP request: who (the agent the authenticating filter left on the request, or an anonymous
 * caller), what (the route, or the handler's {@link AuditDetails}), the status and its outcome, the query (stored
 * only as a pseudonym), the request id, and for a refusal the handler's {@link AuditReason}. The audit filter
 * records it for every API request; a handler that records its change atomically builds the same event here.
 */
public final class RequestEvents {

    private RequestEvents() {
    }

    public static AuditEvent of(HttpServletRequest request, int status) {
        Object requestId = request.getAttribute(AuditDetails.REQUEST_ID_ATTRIBUTE);
        return of(request, status, requestId == null ? null : requestId.toString());
    }

    public static AuditEvent of(HttpServletRequest request, int status, String requestId) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern == null ? "(unmatched)" : pattern.toString();
        Object agent = request.getAttribute(Agent.REQUEST_ATTRIBUTE);
        Agent who = agent instanceof Agent a ? a
                : Agent.anonymous(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        Outcome outcome = status >= 500 ? Outcome.SERIOUS_FAILURE
                : status >= 400 ? Outcome.MINOR_FAILURE : Outcome.SUCCESS;
        AuditDetails details = request.getAttribute(AuditDetails.REQUEST_ATTRIBUTE) instanceof AuditDetails d ? d
                : new AuditDetails(null, null, null, null, null, null, null);
        String path = request.getRequestURI();
        boolean api = path.startsWith("/api/") || path.equals("/api") || path.startsWith("/fhir");
        return new AuditEvent(api ? "rest" : "console", details.subtype(request.getMethod(), route),
                action(request.getMethod(), route), outcome, status, who, details.purposeOfUse(),
                details.entityType(), details.entityId(), details.entityVersion(), details.patientReference(),
                request.getQueryString(), details.resultCount(), requestId,
                status >= 400 ? AuditReason.of(request) : null);
    }

    static Action action(String method, String route) {
        return switch (method) {
            case "GET", "HEAD" -> Action.R;
            case "POST" -> route.startsWith("/api/auth") || route.contains("/mfa") ? Action.E : Action.C;
            case "PUT", "PATCH" -> Action.U;
            case "DELETE" -> Action.D;
            default -> Action.E;
        };
    }
}
