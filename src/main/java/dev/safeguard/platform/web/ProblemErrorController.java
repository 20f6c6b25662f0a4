package dev.safeguard.platform.web;

import dev.safeguard.platform.ProblemResponses;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error path ({@code /error}): whatever failed outside a controller still answers a problem
 * document with the original status, and never a stack trace or the default white-label page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemResponses problems;

    ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (cause != null && RequestBodyLimitFilter.exceeded(cause)) {
            status = 413;
        }
        int finalStatus = status;
        ProblemKind kind = Arrays.stream(ProblemKind.values()).filter(k -> k.status() == finalStatus).findFirst()
                .orElse(status >= 500 ? ProblemKind.INTERNAL : ProblemKind.VALIDATION);
        return problems.entity(kind, null, request, null, Map.of());
    }
}
