package dev.safeguard.console.web;

import dev.safeguard.identity.CurrentSession;
import dev.safeguard.identity.SessionCookies;
import dev.safeguard.identity.SessionTicket;
import dev.safeguard.identity.SignIn;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /login/mfa}: step two of sign-in, a TOTP code or one recovery code. Only a session that passed the password
 * step gets the form; success issues the authenticated session under a new id and opens the console.
 */
@Controller
class SecondFactorPage {

    private final SignIn signIn;

    SecondFactorPage(SignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/login/mfa")
    String form(HttpServletRequest request, Model model) {
        CurrentSession session = CurrentSession.of(request);
        if (session == null || session.stage() != SessionTicket.Stage.MFA_REQUIRED) {
            return "redirect:" + ConsoleRequest.placeOf(ConsoleRequest.stage(request));
        }
        model.addAttribute("csrf", session.csrfToken());
        return "console/mfa";
    }

    @PostMapping("/login/mfa")
    String verify(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String recoveryCode,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            SessionTicket ticket = signIn.secondFactor(SessionCookies.read(request),
                    Problems.limited(code.strip(), 16, "code"),
                    recoveryCode.isBlank() ? null : Problems.limited(recoveryCode, 64, "recovery code"),
                    ConsoleRequest.origin(request));
            SessionCookies.write(response, ticket);
            return "redirect:/";
        } catch (ProblemException e) {
            CurrentSession session = CurrentSession.of(request);
            if (e.kind() == ProblemKind.AUTHENTICATION_REQUIRED || session == null) {
                return "redirect:/login";
            }
            Problems.show(model, response, e);
            model.addAttribute("csrf", session.csrfToken());
            model.addAttribute("recovery", !recoveryCode.isBlank());
            return "console/mfa";
        }
    }
}
