package dev.safeguard.program.policies.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Policies;
import dev.safeguard.program.PolicyVersion;
import dev.safeguard.program.PolicyVersions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/program/policies/{id}/versions}: a policy's versions, {@code draft → approved → effective →
 * superseded}, and their deletion after the six-year retention (164.316(b)(2)(i)).
 */
@RestController
@RequestMapping("/api/program/policies/{id}/versions")
@Tag(name = "Policies")
class PolicyVersionsController {

    private final Policies policies;
    private final PolicyVersions versions;

    PolicyVersionsController(Policies policies, PolicyVersions versions) {
        this.policies = policies;
        this.versions = versions;
    }

    /**
     * @param markdown      the text (for a new version: default the text in force)
     * @param changeSummary what changed, at most 500 characters
     * @param baseSha256    when editing: the SHA-256 of the text the edit started from (409 when it changed)
     */
    record Text(String markdown, String changeSummary, String baseSha256) {
    }

    /** @param note the approver's note, at most 2,000 characters */
    record Approval(String note) {
    }

    /** @param effectiveOn the date it takes effect (default today, UTC) */
    record Effective(LocalDate effectiveOn) {
    }

    @GetMapping
    @Operation(summary = "The policy's versions, newest first, with their text")
    List<PolicyVersion> list(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return policies.get(actor, id).versions();
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a new draft (409 while a draft or approved version is pending)")
    PolicyVersion start(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody Text body,
                        HttpServletRequest request) {
        return versions.start(actor, id, body.markdown(), body.changeSummary(), RequestOrigin.of(request));
    }

    @GetMapping("/{n}")
    @Operation(summary = "Read one version")
    PolicyVersion get(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable int n) {
        return versions.get(actor, id, n);
    }

    @PutMapping(path = "/{n}", consumes = "application/json")
    @Operation(summary = "Edit a draft's text (409 once approved)")
    PolicyVersion edit(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable int n,
                       @RequestBody Text body, HttpServletRequest request) {
        return versions.edit(actor, id, n, body.markdown(), body.changeSummary(), body.baseSha256(),
                RequestOrigin.of(request));
    }

    @PostMapping(path = "/{n}/approval", consumes = "application/json")
    @Operation(summary = "Approve a draft as the signed-in officer, who is not its author; signed evidence")
    PolicyVersion approve(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable int n,
                          @RequestBody Approval body, HttpServletRequest request) {
        return versions.approve(actor, id, n, body.note(), RequestOrigin.of(request));
    }

    @PostMapping(path = "/{n}/effective", consumes = "application/json")
    @Operation(summary = "Make an approved version effective on a date (today: at once, and the previous version is "
            + "superseded; later: when the date comes); signed evidence")
    PolicyVersion effective(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable int n,
                            @RequestBody Effective body, HttpServletRequest request) {
        return versions.makeEffective(actor, id, n, body.effectiveOn(), RequestOrigin.of(request));
    }

    @DeleteMapping("/{n}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a version after its retention (six years from creation or its last effective "
            + "date); before that 409 with deletableFrom")
    void delete(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable int n,
                HttpServletRequest request) {
        versions.delete(actor, id, n, RequestOrigin.of(request));
    }
}
