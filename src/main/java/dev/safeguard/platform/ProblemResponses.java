package dev.safeguard.platform;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds RFC 9457 {@code application/problem+json} answers, for controllers and for servlet filters that answer
 * before any controller runs. Every Safeguard error goes through here, so the shape is the same everywhere.
 */
@Component
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** The problem document as a map, ready to serialize. */
    public static Map<String, Object> body(ProblemKind kind, String detail, String instance,
                                           Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.type().toString());
        body.put("title", kind.title());
        body.put("status", kind.status());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(properties);
        return body;
    }

    public ResponseEntity<Map<String, Object>> entity(ProblemException problem, HttpServletRequest request) {
        return entity(problem.kind(), problem.getMessage(), request, problem.retryAfter(), problem.properties());
    }

    public ResponseEntity<Map<String, Object>> entity(ProblemKind kind, String detail, HttpServletRequest request,
                                                      Duration retryAfter, Map<String, Object> properties) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(kind.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        return builder.body(body(kind, detail, request.getRequestURI(), properties));
    }

    /** Writes the problem directly to a servlet response (for filters). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemKind kind, String detail,
                      Duration retryAfter) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(kind.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        json.writeValue(response.getOutputStream(), body(kind, detail, request.getRequestURI(), Map.of()));
        response.flushBuffer();
    }
}
