package dev.safeguard.identity.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.IssuedApiKey;
import dev.safeguard.identity.ServiceClientView;
import dev.safeguard.identity.ServiceClients;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/service-clients}: applications' API keys, for security officers. */
@RestController
@RequestMapping("/api/service-clients")
class ServiceClientsController {

    private final ServiceClients clients;

    ServiceClientsController(ServiceClients clients) {
        this.clients = clients;
    }

    record CreateClient(@NotNull @Size(max = 100) String name, @Size(max = 64) String ownerId,
                        @NotNull @Size(min = 1, max = 20) List<String> scopes,
                        @Size(max = 1000) List<String> patients,
                        @Min(1) @Max(365) Integer expiresInDays) {
    }

    record Created(ServiceClientView client, String apiKey) {
        @Override
        public String toString() {
            return "Created[" + client.id() + "]";
        }
    }

    @GetMapping
    List<ServiceClientView> list(@AuthenticationPrincipal Actor actor) {
        return clients.list(actor);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody CreateClient body,
                   HttpServletRequest request) {
        IssuedApiKey issued = clients.create(actor, body.name(), body.ownerId(), Roles.scopes(body.scopes()),
                body.patients() == null ? List.of() : body.patients(),
                body.expiresInDays() == null ? null : Duration.ofDays(body.expiresInDays()),
                CredentialFilter.origin(request));
        return new Created(issued.client(), issued.apiKey());
    }

    @DeleteMapping("/{id}")
    ServiceClientView revoke(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                             HttpServletRequest request) {
        return clients.revoke(actor, id, CredentialFilter.origin(request));
    }
}
