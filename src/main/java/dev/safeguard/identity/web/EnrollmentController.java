package dev.safeguard.identity.web;

import dev.safeguard.identity.Enrollment;
import dev.safeguard.identity.EnrollmentResult;
import dev.safeguard.identity.MfaEnrollment;
import dev.safeguard.identity.SessionCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Base64;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/mfa/enrollment}: start TOTP enrollment, then confirm it with a code. */
@RestController
@RequestMapping("/api/mfa/enrollment")
class EnrollmentController {

    private final MfaEnrollment enrollment;

    EnrollmentController(MfaEnrollment enrollment) {
        this.enrollment = enrollment;
    }

    record Started(String otpauthUri, String qrCode, String secret) {
    }

    record ConfirmRequest(@NotNull @Size(max = 16) String code) {
    }

    record Confirmed(String stage, String csrfToken, List<String> recoveryCodes) {
    }

    @PostMapping
    Started start(HttpServletRequest request) {
        Enrollment started = enrollment.start(SessionCookies.read(request), CredentialFilter.origin(request));
        return new Started(started.otpauthUri(),
                "data:image/png;base64," + Base64.getEncoder().encodeToString(started.qrPng()), started.secret());
    }

    @PostMapping(path = "/confirm", consumes = "application/json")
    Confirmed confirm(@Valid @RequestBody ConfirmRequest body, HttpServletRequest request,
                      HttpServletResponse response) {
        EnrollmentResult result = enrollment.confirm(SessionCookies.read(request), body.code(),
                CredentialFilter.origin(request));
        SessionCookies.write(response, result.session());
        return new Confirmed(SessionViews.stage(result.session().stage()), result.session().csrfToken(),
                result.recoveryCodes());
    }
}
