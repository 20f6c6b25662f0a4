package dev.safeguard.program.incidents.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.BreachAssessment;
import dev.safeguard.program.BreachAssessments;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/incidents/{id}/assessment}: the four-factor breach risk assessment and its conclusion. */
@RestController
@RequestMapping("/api/program/incidents/{id}/assessment")
@Tag(name = "Incidents")
class BreachAssessmentController {

    private final BreachAssessments assessments;

    BreachAssessmentController(BreachAssessments assessments) {
        this.assessments = assessments;
    }

    /**
     * @param conclusion {@code breach}, {@code low-probability}, {@code secured-phi} or {@code exception}
     * @param notes      why, 1 to 4,000 characters
     */
    record Conclusion(String conclusion, String notes) {
    }

    record Reopen(String reason) {
    }

    @GetMapping
    @Operation(summary = "The assessment (404 until one is saved)")
    BreachAssessment get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return assessments.get(actor, id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No breach risk assessment has been saved for this incident"));
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Save the four factors (rating low, moderate or high, and notes), the safe-harbor answer "
            + "(secured or unsecured) and any 164.402(1) exception; 409 once concluded")
    BreachAssessment save(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                          @RequestBody BreachAssessments.Draft body, HttpServletRequest request) {
        return assessments.save(actor, id, body, RequestOrigin.of(request));
    }

    @PostMapping(path = "/conclusion", consumes = "application/json")
    @Operation(summary = "Conclude as the acting officer: every factor rated with notes, the safe harbor answered")
    BreachAssessment conclude(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                              @RequestBody Conclusion body, HttpServletRequest request) {
        return assessments.conclude(actor, id, body.conclusion(), body.notes(), RequestOrigin.of(request));
    }

    @PostMapping(path = "/reopen", consumes = "application/json")
    @Operation(summary = "Reopen a concluded assessment with a reason")
    BreachAssessment reopen(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody Reopen body,
                            HttpServletRequest request) {
        return assessments.reopen(actor, id, body.reason(), RequestOrigin.of(request));
    }
}
