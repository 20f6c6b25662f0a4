package dev.safeguard.access.web;

import dev.safeguard.access.BreakGlass;
import dev.safeguard.access.BreakGlassGrant;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/break-glass}: clinicians request emergency access (re-authenticating with password and TOTP) and see
 * their grants; security officers see every grant, the review queue ({@code ?queue=true}) and review.
 */
@RestController
@RequestMapping("/api/break-glass")
class BreakGlassController {

    private final BreakGlass breakGlass;

    BreakGlassController(BreakGlass breakGlass) {
        this.breakGlass = breakGlass;
    }

    record Request(@NotNull @Size(max = 64) String patientId, @NotNull @Size(max = 2000) String reason,
                   @Size(max = 20) String purpose, @Min(1) @Max(1440) Integer minutes,
                   @NotNull @Size(max = 1024) String password, @NotNull @Size(max = 16) String code) {
        @Override
        public String toString() {
            return "Request[patient access]";
        }
    }

    record Review(@NotNull @Size(max = 20) String outcome, @NotNull @Size(max = 2000) String notes) {
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    BreakGlassGrant request(@AuthenticationPrincipal Actor actor, @Valid @RequestBody Request body,
                            HttpServletRequest request) {
        return breakGlass.request(actor, body.patientId(), body.reason(), body.purpose(),
                body.minutes() == null ? null : Duration.ofMinutes(body.minutes()), body.password(), body.code(),
                RequestOrigin.of(request));
    }

    @GetMapping
    List<BreakGlassGrant> list(@AuthenticationPrincipal Actor actor,
                               @RequestParam(defaultValue = "false") boolean queue) {
        return breakGlass.list(actor, queue);
    }

    @GetMapping("/{id}")
    BreakGlassGrant get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return breakGlass.get(actor, id);
    }

    @PostMapping("/{id}/end")
    BreakGlassGrant end(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        return breakGlass.end(actor, id, RequestOrigin.of(request));
    }

    @PostMapping(path = "/{id}/review", consumes = "application/json")
    BreakGlassGrant review(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                           @Valid @RequestBody Review body, HttpServletRequest request) {
        return breakGlass.review(actor, id, body.outcome(), body.notes(), RequestOrigin.of(request));
    }
}
