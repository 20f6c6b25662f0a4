package dev.safeguard.program.workforce.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Termination;
import dev.safeguard.program.TerminationPreview;
import dev.safeguard.program.Terminations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/workforce/{id}/terminat…}: what terminating a member revokes, and the termination itself. */
@RestController
@RequestMapping("/api/program/workforce/{id}")
@Tag(name = "Program: workforce")
class MemberTerminationController {

    private final Terminations terminations;

    MemberTerminationController(Terminations terminations) {
        this.terminations = terminations;
    }

    /**
     * @param effectiveAt when the member's access ends (ISO-8601 instant); omitted: now; in the past: recorded as
     *                    terminated from then; ahead (at most 366 days): scheduled
     * @param reason      resignation, dismissal, end-of-contract, retirement, transfer, death or other
     */
    record TerminateBody(Instant effectiveAt, String reason, String notes) {
    }

    @GetMapping("/termination-preview")
    @Operation(summary = "Exactly what a termination would revoke now, and what would refuse it")
    TerminationPreview preview(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return terminations.preview(actor, id);
    }

    @PostMapping(path = "/terminate", consumes = "application/json")
    @Operation(summary = "Terminate the member: every account, session, API key, care-team assignment and "
            + "break-glass grant in one transaction, each revocation with its time (security officer)")
    Termination terminate(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                          @RequestBody TerminateBody body, HttpServletRequest request) {
        return terminations.terminate(actor, id, body.effectiveAt(), body.reason(), body.notes(),
                RequestOrigin.of(request));
    }
}
