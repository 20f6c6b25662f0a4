package dev.safeguard.audit.web;

import dev.safeguard.audit.AuditDetails;
import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.audit.AuditUnavailable;
import dev.safeguard.audit.RequestEvents;
import dev.safeguard.platform.ProblemResponses;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every request to {@code /api} and {@code /fhir} (type {@code rest}) and to the console's audit and
 * administration pages (type {@code console}: auditors are audited) in the audit trail before its answer leaves: the response
 * is held in memory until the event is committed. If the trail cannot record it, the held answer is discarded and the
 * caller gets 503 with {@code Retry-After} instead (fail closed). It wraps the security filters, so denials are
 * recorded too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AuditRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditRequestFilter.class);
    static final String REQUEST_ID = "X-Request-Id";

    private final AuditTrail trail;
    private final ProblemResponses problems;

    AuditRequestFilter(AuditTrail trail, ProblemResponses problems) {
        this.trail = trail;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(api(path) || path.startsWith("/audit/") || path.startsWith("/admin/")
                || path.startsWith("/program/"));
    }

    private static boolean api(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/fhir");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = UUID.randomUUID().toString();
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        held.setHeader(REQUEST_ID, requestId);
        request.setAttribute(AuditDetails.REQUEST_ID_ATTRIBUTE, requestId);
        try {
            chain.doFilter(request, held);
        } finally {
            try {
                // Again: a servlet may have reset the response's headers (HAPI's RestfulServer does).
                held.setHeader(REQUEST_ID, requestId);
                if (!Boolean.TRUE.equals(request.getAttribute(AuditDetails.RECORDED_ATTRIBUTE))) {
                    trail.append(event(request, held.getStatus(), requestId));
                }
                held.copyBodyToResponse();
            } catch (AuditUnavailable e) {
                log.atWarn().addKeyValue("requestId", requestId).addKeyValue("reason", e.internalReason())
                        .log("Refused a response: the audit trail could not record it");
                held.resetBuffer();
                response.reset();
                response.setHeader(REQUEST_ID, requestId);
                problems.write(request, response, ProblemKind.SERVICE_UNAVAILABLE, e.getMessage(), e.retryAfter());
            }
        }
    }

    static AuditEvent event(HttpServletRequest request, int status, String requestId) {
        return RequestEvents.of(request, status, requestId);
    }
}
