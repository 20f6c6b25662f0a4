package dev.safeguard.identity.web;

import dev.safeguard.identity.SessionCookies;
import dev.safeguard.identity.SessionTicket;
import dev.safeguard.identity.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/auth}: sign-in by password ({@code login}), then by TOTP or recovery code ({@code mfa}), and
 * {@code logout}. Each step answers a new session cookie.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final SignIn signIn;

    AuthController(SignIn signIn) {
        this.signIn = signIn;
    }

    record LoginRequest(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "LoginRequest[" + username + "]";
        }
    }

    record MfaRequest(@Size(max = 16) String code, @Size(max = 64) String recoveryCode) {
        @Override
        public String toString() {
            return "MfaRequest";
        }
    }

    @PostMapping(path = "/login", consumes = "application/json")
    SessionViews.SignInStep login(@Valid @RequestBody LoginRequest body, HttpServletRequest request,
                                  HttpServletResponse response) {
        SessionTicket ticket = signIn.password(body.username(), body.password(), SessionCookies.read(request),
                CredentialFilter.origin(request));
        SessionCookies.write(response, ticket);
        return SessionViews.of(ticket);
    }

    @PostMapping(path = "/mfa", consumes = "application/json")
    SessionViews.SignInStep mfa(@Valid @RequestBody MfaRequest body, HttpServletRequest request,
                                HttpServletResponse response) {
        SessionTicket ticket = signIn.secondFactor(SessionCookies.read(request), body.code(), body.recoveryCode(),
                CredentialFilter.origin(request));
        SessionCookies.write(response, ticket);
        return SessionViews.of(ticket);
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        signIn.signOut(SessionCookies.read(request), CredentialFilter.origin(request));
        SessionCookies.clear(response);
        return ResponseEntity.noContent().build();
    }
}
