package dev.safeguard.console.web;

import dev.safeguard.identity.SessionCookies;
import dev.safeguard.identity.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code POST /logout}: ends the session on the server (the cookie is worthless afterwards), clears the cookie and
 * returns to sign-in. A live session must send its CSRF token, so another site cannot sign a user out.
 */
@Controller
class SignOutAction {

    private final SignIn signIn;

    SignOutAction(SignIn signIn) {
        this.signIn = signIn;
    }

    @PostMapping("/logout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        signIn.signOut(SessionCookies.read(request), ConsoleRequest.origin(request));
        SessionCookies.clear(response);
        return "redirect:/login?signed-out";
    }
}
