package dev.safeguard.program.workforce.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.MemberDraft;
import dev.safeguard.program.WorkforceMember;
import dev.safeguard.program.WorkforceRoster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/workforce}: the workforce roster — members, their job role, manager and hire date. */
@RestController
@RequestMapping("/api/program/workforce")
@Tag(name = "Program: workforce", description = "Workforce members (164.308(a)(3)): people, their accounts, manager, "
        + "clearance, sanctions and termination")
class WorkforceController {

    private final WorkforceRoster roster;

    WorkforceController(WorkforceRoster roster) {
        this.roster = roster;
    }

    /**
     * @param workforceType employee (default), contractor, volunteer, trainee or student
     * @param userIds       on creation, the user accounts the member holds
     */
    record MemberBody(String name, String jobTitle, String department, String workforceType, String managerId,
                      LocalDate hireDate, List<String> userIds) {
        MemberDraft draft() {
            return new MemberDraft(name, jobTitle, department, workforceType, managerId, hireDate, userIds);
        }
    }

    @GetMapping
    @Operation(summary = "List members by name, optionally of one status (active, termination-scheduled, terminated)")
    List<WorkforceMember> list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status) {
        return roster.list(actor, status);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a member; at-hire training is assigned when they hold an active account")
    WorkforceMember create(@AuthenticationPrincipal Actor actor, @RequestBody MemberBody body,
                           HttpServletRequest request) {
        return roster.create(actor, body.draft(), RequestOrigin.of(request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a member with their accounts and termination")
    WorkforceMember get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return roster.get(actor, id);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change name, job title, department, type, manager and hire date")
    WorkforceMember update(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody MemberBody body,
                           HttpServletRequest request) {
        return roster.update(actor, id, body.draft(), RequestOrigin.of(request));
    }
}
