package dev.safeguard.identity.web;

import dev.safeguard.identity.FirstRunSetup;
import dev.safeguard.identity.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/setup}: creates the first user with the one-time setup token. */
@RestController
class SetupController {

    private final FirstRunSetup setup;

    SetupController(FirstRunSetup setup) {
        this.setup = setup;
    }

    record SetupRequest(@NotNull @Size(max = 100) String token, @NotNull @Size(max = 64) String username,
                        @Size(max = 100) String displayName, @NotNull @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "SetupRequest[" + username + "]";
        }
    }

    @PostMapping(path = "/api/setup", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    UserView setup(@Valid @RequestBody SetupRequest body, HttpServletRequest request) {
        return setup.complete(body.token(), body.username(), body.displayName(), body.password(),
                CredentialFilter.origin(request));
    }
}
