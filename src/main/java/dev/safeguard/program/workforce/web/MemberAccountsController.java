package dev.safeguard.program.workforce.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.WorkforceMember;
import dev.safeguard.program.WorkforceRoster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/workforce/{id}/accounts}: the user accounts a member holds (each held by one member). */
@RestController
@RequestMapping("/api/program/workforce/{id}/accounts")
@Tag(name = "Program: workforce")
class MemberAccountsController {

    private final WorkforceRoster roster;

    MemberAccountsController(WorkforceRoster roster) {
        this.roster = roster;
    }

    record LinkBody(String userId) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Link a user account to the member (409 when another member holds it)")
    WorkforceMember link(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody LinkBody body,
                         HttpServletRequest request) {
        return roster.linkAccount(actor, id, body.userId(), RequestOrigin.of(request));
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "End the link of an account to an active member")
    WorkforceMember unlink(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String userId,
                           HttpServletRequest request) {
        return roster.unlinkAccount(actor, id, userId, RequestOrigin.of(request));
    }
}
