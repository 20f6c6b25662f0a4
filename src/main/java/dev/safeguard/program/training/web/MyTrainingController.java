package dev.safeguard.program.training.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.MyTraining;
import dev.safeguard.program.TrainingAssignment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/me/training}: the signed-in user's own training assignments and unread security reminders. */
@RestController
@RequestMapping("/api/me/training")
@Tag(name = "Me: training", description = "Self-service: your own training and security reminders")
class MyTrainingController {

    private final MyTraining training;

    MyTrainingController(MyTraining training) {
        this.training = training;
    }

    /**
     * @param attested true when you ticked the module's acknowledgment statement
     * @param version  the module version you read, as the assignment gave it
     */
    record Completion(boolean attested, String version) {
    }

    @GetMapping
    @Operation(summary = "Your assignments (pending first) and the security reminders you have not read")
    MyTraining.Overview overview(@AuthenticationPrincipal Actor actor) {
        return training.overview(actor);
    }

    @GetMapping("/assignments/{id}")
    @Operation(summary = "One of your assignments with the module text to read")
    MyTraining.Assignment assignment(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return training.assignment(actor, id);
    }

    @PostMapping(path = "/assignments/{id}/completion", consumes = "application/json")
    @Operation(summary = "Attest and complete one of your assignments (once)")
    TrainingAssignment complete(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                @RequestBody Completion body, HttpServletRequest request) {
        return training.complete(actor, id, body.attested(), body.version(), RequestOrigin.of(request));
    }

    @PostMapping("/reminders/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a security reminder read")
    void read(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        training.markRead(actor, id, RequestOrigin.of(request));
    }
}
