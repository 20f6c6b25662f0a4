package dev.safeguard.identity.web;

import dev.safeguard.identity.Accounts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/users}: workforce accounts, for security officers. */
@RestController
@RequestMapping("/api/users")
class UsersController {

    private final Accounts accounts;

    UsersController(Accounts accounts) {
        this.accounts = accounts;
    }

    record CreateUser(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 100) String displayName,
                      @NotNull @Size(max = 1024) String password, @NotNull @Size(min = 1, max = 5) List<String> roles) {
        @Override
        public String toString() {
            return "CreateUser[" + username + "]";
        }
    }

    record SetRoles(@NotNull @Size(min = 1, max = 5) List<String> roles) {
    }

    @GetMapping
    List<UserView> list(@AuthenticationPrincipal Actor actor) {
        return accounts.list(actor);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody CreateUser body,
                    HttpServletRequest request) {
        return accounts.create(actor, body.username(), body.displayName(), body.password(), Roles.parse(body.roles()),
                CredentialFilter.origin(request));
    }

    @GetMapping("/{id}")
    UserView get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return accounts.get(actor, id);
    }

    @PutMapping(path = "/{id}/roles", consumes = "application/json")
    UserView roles(@AuthenticationPrincipal Actor actor, @PathVariable String id, @Valid @RequestBody SetRoles body,
                   HttpServletRequest request) {
        return accounts.setRoles(actor, id, Roles.parse(body.roles()), CredentialFilter.origin(request));
    }

    @PostMapping("/{id}/disable")
    UserView disable(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        return accounts.disable(actor, id, CredentialFilter.origin(request));
    }

    @PostMapping("/{id}/terminate")
    UserView terminate(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        return accounts.terminate(actor, id, CredentialFilter.origin(request));
    }

    @PostMapping("/{id}/reactivate")
    UserView reactivate(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        return accounts.reactivate(actor, id, CredentialFilter.origin(request));
    }

    @PostMapping("/{id}/reset-lockout")
    UserView resetLockout(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        return accounts.resetLockout(actor, id, CredentialFilter.origin(request));
    }

    @PostMapping("/{id}/reset-mfa")
    UserView resetMfa(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        return accounts.resetMfa(actor, id, CredentialFilter.origin(request));
    }
}
