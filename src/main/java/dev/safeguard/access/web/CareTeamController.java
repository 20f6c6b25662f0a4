package dev.safeguard.access.web;

import dev.safeguard.access.CareTeam;
import dev.safeguard.access.CareTeamAssignment;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
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

/** {@code /api/care-team}: care-team assignments, for security officers; {@code /mine} for the assigned user. */
@RestController
@RequestMapping("/api/care-team")
class CareTeamController {

    private final CareTeam careTeam;

    CareTeamController(CareTeam careTeam) {
        this.careTeam = careTeam;
    }

    record Assign(@NotNull @Size(max = 64) String userId, @NotNull @Size(max = 64) String patientId, Instant startsAt,
                  Instant endsAt) {
    }

    @GetMapping
    List<CareTeamAssignment> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String userId,
                                  @RequestParam(required = false) String patientId) {
        return careTeam.list(actor, userId, patientId);
    }

    @GetMapping("/mine")
    List<CareTeamAssignment> mine(@AuthenticationPrincipal Actor actor) {
        return careTeam.mine(actor);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    CareTeamAssignment assign(@AuthenticationPrincipal Actor actor, @Valid @RequestBody Assign body,
                              HttpServletRequest request) {
        return careTeam.assign(actor, body.userId(), body.patientId(), body.startsAt(), body.endsAt(),
                RequestOrigin.of(request));
    }

    @PostMapping("/{id}/end")
    CareTeamAssignment end(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                           HttpServletRequest request) {
        return careTeam.end(actor, id, RequestOrigin.of(request));
    }
}
