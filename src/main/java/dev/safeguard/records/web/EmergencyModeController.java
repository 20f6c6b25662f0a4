package dev.safeguard.records.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.records.EmergencyMode;
import dev.safeguard.records.EmergencyModeSwitch;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/emergency-mode}: whether the vault is read-only, its switches, and the switch itself. */
@RestController
@RequestMapping("/api/emergency-mode")
@Tag(name = "Emergency mode", description = "Emergency mode operation (164.308(a)(7)(ii)(C)): a read-only vault")
class EmergencyModeController {

    private final EmergencyMode mode;

    EmergencyModeController(EmergencyMode mode) {
        this.mode = mode;
    }

    /**
     * @param active true to make the vault read-only, false to end emergency mode
     * @param reason why (required to switch on, 1 to 500 characters); every signed-in user sees it
     */
    record Switch(Boolean active, String reason) {
    }

    /** The state with how long refused writers are asked to wait. */
    record State(boolean active, long seq, java.time.Instant since, String switchedBy, String reason,
                 long retryAfterSeconds) {
        static State of(EmergencyModeSwitch s) {
            return new State(s.active(), s.seq(), s.switchedAt(), s.switchedBy(), s.reason(),
                    EmergencyMode.RETRY_AFTER.toSeconds());
        }
    }

    @GetMapping
    @Operation(summary = "Whether the vault is in emergency mode (read-only), since when and why; any signed-in "
            + "caller")
    State state() {
        return State.of(mode.state());
    }

    @GetMapping("/switches")
    @Operation(summary = "Every switch on and off, newest first (security officers and auditors)")
    List<EmergencyModeSwitch> history(@AuthenticationPrincipal Actor actor) {
        return mode.history(actor);
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Switch emergency mode on or off (security officers); switching on raises a high alert")
    State switchTo(@AuthenticationPrincipal Actor actor, @RequestBody Switch body, HttpServletRequest request) {
        if (body.active() == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give active: true to make the vault read-only, "
                    + "false to end emergency mode");
        }
        return State.of(mode.switchTo(actor, body.active(), body.reason(), RequestOrigin.of(request)));
    }
}
