package dev.safeguard.program.training.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.TrainingAssignment;
import dev.safeguard.program.TrainingAssignments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/training/assignments}: who must complete which module by when. */
@RestController
@RequestMapping("/api/program/training/assignments")
@Tag(name = "Program: training")
class TrainingAssignmentsController {

    private final TrainingAssignments assignments;

    TrainingAssignmentsController(TrainingAssignments assignments) {
        this.assignments = assignments;
    }

    record AssignBody(String memberId, String moduleId, LocalDate dueOn) {
    }

    @GetMapping
    @Operation(summary = "Assignments, latest due date first; status: pending, open, overdue, completed, "
            + "completed-late, cancelled")
    List<TrainingAssignment> list(@AuthenticationPrincipal Actor actor,
                                  @RequestParam(required = false) String member,
                                  @RequestParam(required = false) String module,
                                  @RequestParam(required = false) String status) {
        return assignments.list(actor, member, module, status);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Assign a module to a member, due on a day from today to a year ahead")
    TrainingAssignment assign(@AuthenticationPrincipal Actor actor, @RequestBody AssignBody body,
                              HttpServletRequest request) {
        return assignments.assign(actor, body.memberId(), body.moduleId(), body.dueOn(), RequestOrigin.of(request));
    }
}
