package dev.safeguard.identity.web;

import dev.safeguard.identity.Accounts;
import dev.safeguard.identity.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/me/password}: a signed-in user changes their own password. */
@RestController
class PasswordController {

    private final Accounts accounts;

    PasswordController(Accounts accounts) {
        this.accounts = accounts;
    }

    record ChangePassword(@NotNull @Size(max = 1024) String currentPassword,
                          @NotNull @Size(max = 1024) String newPassword) {
        @Override
        public String toString() {
            return "ChangePassword";
        }
    }

    @PostMapping(path = "/api/me/password", consumes = "application/json")
    ResponseEntity<Void> change(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ChangePassword body,
                                HttpServletRequest request) {
        accounts.changeOwnPassword(actor, body.currentPassword(), body.newPassword(), CredentialFilter.origin(request));
        return ResponseEntity.noContent().build();
    }
}
