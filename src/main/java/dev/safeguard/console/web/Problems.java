package dev.safeguard.console.web;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;

/**
 * Puts a caller's mistake on the page that is rendered again: the problem's message (safe to show by contract of
 * {@link ProblemException}), how long to wait when throttled, and the problem's HTTP status.
 */
final class Problems {

    private Problems() {
    }

    static void show(Model model, HttpServletResponse response, ProblemException problem) {
        model.addAttribute("error", describe(problem));
        response.setStatus(problem.kind().status());
        if (problem.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds(problem.retryAfter())));
        }
    }

    /**
     * Refuses a form field longer than the JSON API accepts for the same value, before any service (or password
     * hashing) sees it.
     */
    static String limited(String value, int max, String label) {
        if (value.length() > max) {
            throw new ProblemException(ProblemKind.VALIDATION, "The " + label + " can have at most " + max
                    + " characters");
        }
        return value;
    }

    static String describe(ProblemException problem) {
        String message = problem.getMessage();
        if (problem.retryAfter() == null) {
            return message;
        }
        long seconds = seconds(problem.retryAfter());
        String wait = seconds < 120 ? seconds + (seconds == 1 ? " second" : " seconds")
                : ((seconds + 59) / 60) + " minutes";
        return message + ". Try again in " + wait + ".";
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
