package dev.safeguard.console.web;

import dev.safeguard.identity.CurrentSession;
import dev.safeguard.identity.Enrollment;
import dev.safeguard.identity.EnrollmentResult;
import dev.safeguard.identity.MfaEnrollment;
import dev.safeguard.identity.SessionCookies;
import dev.safeguard.identity.SessionTicket;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Base64;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /mfa/enroll}: the first sign-in of a user without an authenticator. Showing the page starts enrollment: a
 * new TOTP secret as a QR code and as text for manual entry, shown only here. Confirming with a code from the app
 * completes sign-in and shows the ten recovery codes, once; the response is never cached ({@code no-store}).
 *
 * <p>The service cannot show a pending secret again, so a wrong code starts over with a new secret, and the page
 * says so.
 */
@Controller
class MfaEnrollmentPage {

    private final MfaEnrollment enrollment;

    MfaEnrollmentPage(MfaEnrollment enrollment) {
        this.enrollment = enrollment;
    }

    @GetMapping("/mfa/enroll")
    String start(Model model, HttpServletRequest request) {
        CurrentSession session = CurrentSession.of(request);
        if (session == null || session.stage() != SessionTicket.Stage.ENROLLMENT_REQUIRED) {
            return "redirect:" + ConsoleRequest.placeOf(ConsoleRequest.stage(request));
        }
        return render(model, request, session);
    }

    @PostMapping("/mfa/enroll")
    String confirm(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        CurrentSession session = CurrentSession.of(request);
        if (session == null || session.stage() != SessionTicket.Stage.ENROLLMENT_REQUIRED) {
            return "redirect:" + ConsoleRequest.placeOf(ConsoleRequest.stage(request));
        }
        try {
            EnrollmentResult result = enrollment.confirm(SessionCookies.read(request),
                    Problems.limited(code.strip(), 16, "code"), ConsoleRequest.origin(request));
            SessionCookies.write(response, result.session());
            model.addAttribute("recoveryCodes", result.recoveryCodes());
            return "console/recovery-codes";
        } catch (ProblemException e) {
            if (e.kind() == ProblemKind.AUTHENTICATION_REQUIRED) {
                return "redirect:/login";
            }
            Problems.show(model, response, e);
            model.addAttribute("restarted", true);
            return render(model, request, session);
        }
    }

    private String render(Model model, HttpServletRequest request, CurrentSession session) {
        Enrollment started = enrollment.start(SessionCookies.read(request), ConsoleRequest.origin(request));
        model.addAttribute("qrCode", "data:image/png;base64," + Base64.getEncoder().encodeToString(started.qrPng()));
        model.addAttribute("secret", grouped(started.secret()));
        model.addAttribute("csrf", session.csrfToken());
        return "console/enroll";
    }

    /** The base32 secret in groups of four, easier to type; authenticator apps ignore the spaces. */
    static String grouped(String secret) {
        StringBuilder out = new StringBuilder(secret.length() + secret.length() / 4);
        for (int i = 0; i < secret.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(secret, i, Math.min(secret.length(), i + 4));
        }
        return out.toString();
    }
}
