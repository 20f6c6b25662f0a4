package dev.safeguard.program.training.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.SecurityReminder;
import dev.safeguard.program.SecurityReminders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/training/reminders}: periodic security reminders (164.308(a)(5)(ii)(A)). */
@RestController
@RequestMapping("/api/program/training/reminders")
@Tag(name = "Program: training")
class SecurityRemindersController {

    private final SecurityReminders reminders;

    SecurityRemindersController(SecurityReminders reminders) {
        this.reminders = reminders;
    }

    /** @param body Markdown, at most 4,000 characters */
    record ReminderBody(String title, String body) {
    }

    @GetMapping
    @Operation(summary = "Reminders newest first, with how many users read each")
    List<SecurityReminder> list(@AuthenticationPrincipal Actor actor) {
        return reminders.list(actor);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a reminder to the whole workforce")
    SecurityReminder publish(@AuthenticationPrincipal Actor actor, @RequestBody ReminderBody body,
                             HttpServletRequest request) {
        return reminders.publish(actor, body.title(), body.body(), RequestOrigin.of(request));
    }
}
