package dev.safeguard.console.web;

import dev.safeguard.identity.CurrentSession;
import dev.safeguard.identity.SessionTicket;
import dev.safeguard.records.EmergencyMode;
import dev.safeguard.records.EmergencyModeSwitch;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The emergency-mode banner of every console page: while the vault is read-only, signed-in users see since when, who
 * switched it on and why. Read from the database for each page, so every node shows the same.
 */
@ControllerAdvice(basePackageClasses = EmergencyBanner.class)
class EmergencyBanner {

    private final EmergencyMode mode;

    EmergencyBanner(EmergencyMode mode) {
        this.mode = mode;
    }

    /** The switch in force while emergency mode is on, for a complete sign-in; otherwise {@code null}. */
    @ModelAttribute("emergencyMode")
    EmergencyModeSwitch emergencyMode(HttpServletRequest request) {
        CurrentSession session = CurrentSession.of(request);
        if (session == null || session.stage() != SessionTicket.Stage.AUTHENTICATED) {
            return null;
        }
        EmergencyModeSwitch state = mode.state();
        return state.active() ? state : null;
    }
}
