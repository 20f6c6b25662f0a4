package dev.safeguard.console.web;

import dev.safeguard.identity.Accounts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.IssuedApiKey;
import dev.safeguard.identity.Scope;
import dev.safeguard.identity.ServiceClientView;
import dev.safeguard.identity.ServiceClients;
import dev.safeguard.identity.UserView;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/service-clients}, for security officers: applications' API keys with their owner, scopes, expiry,
 * last use and state; creating one; revoking one at once. A new key is shown exactly once, on the page that answers
 * the creation (never cached, never redirected to), with a warning that it cannot be shown again.
 */
@Controller
@RequestMapping("/admin/service-clients")
class ServiceClientsPage {

    static final List<String> SCOPES = Scope.EXAMPLES;

    private final ServiceClients clients;
    private final Accounts accounts;

    ServiceClientsPage(ServiceClients clients, Accounts accounts) {
        this.clients = clients;
        this.accounts = accounts;
    }

    @GetMapping
    String list(@RequestParam(required = false) String revoked, Model model, HttpServletRequest request) {
        List<ServiceClientView> all = render(model, ConsoleRequest.actor(request));
        if (revoked != null) {
            all.stream().filter(c -> c.id().equals(revoked)).findFirst()
                    .ifPresent(c -> model.addAttribute("notice", "Revoked the key of " + c.name() + "."));
        }
        return "console/service-clients";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name,
                  @RequestParam(name = "scopes", required = false) List<String> scopes,
                  @RequestParam(defaultValue = "") String otherScopes,
                  @RequestParam(defaultValue = "") String patients,
                  @RequestParam(defaultValue = "90") String days, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            List<String> all = new java.util.ArrayList<>(scopes == null ? List.of() : scopes);
            all.addAll(words(otherScopes));
            IssuedApiKey issued = clients.create(actor, name, null, parseScopes(all), words(patients),
                    Duration.ofDays(days(days)), ConsoleRequest.origin(request));
            model.addAttribute("client", issued.client());
            model.addAttribute("apiKey", issued.apiKey());
            return "console/service-client-issued";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("name", name);
            model.addAttribute("days", days);
            model.addAttribute("otherScopes", otherScopes);
            model.addAttribute("patients", patients);
            model.addAttribute("checkedScopes", scopes == null ? List.of() : scopes);
            render(model, actor);
            return "console/service-clients";
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        ServiceClientView client = clients.revoke(ConsoleRequest.actor(request), id, ConsoleRequest.origin(request));
        redirect.addAttribute("revoked", client.id());
        return "redirect:/admin/service-clients";
    }

    private List<ServiceClientView> render(Model model, Actor actor) {
        List<ServiceClientView> all = clients.list(actor);
        Map<String, String> owners = accounts.list(actor).stream()
                .collect(Collectors.toMap(UserView::id, UserView::username));
        model.addAttribute("clients", all);
        model.addAttribute("owners", owners);
        model.addAttribute("scopeOptions", SCOPES);
        if (!model.containsAttribute("checkedScopes")) {
            model.addAttribute("checkedScopes", List.of());
        }
        if (!model.containsAttribute("days")) {
            model.addAttribute("days", "90");
        }
        return all;
    }

    private static Set<Scope> parseScopes(List<String> ids) {
        Set<Scope> scopes = new java.util.LinkedHashSet<>();
        for (String id : ids) {
            scopes.add(Scope.fromId(id).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION,
                    "Unknown scope '" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'; scopes are "
                            + "metrics.read or <patient|system>/<type|*>.<read|write|*>")));
        }
        return scopes;
    }

    private static List<String> words(String text) {
        return java.util.Arrays.stream(text.strip().split("[\\s,]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static long days(String days) {
        long parsed;
        try {
            parsed = Long.parseLong(days.strip());
        } catch (NumberFormatException e) {
            parsed = 0;
        }
        if (parsed < 1 || parsed > 365) {
            throw new ProblemException(ProblemKind.VALIDATION,
                    "Enter the validity as a whole number of days, from 1 to 365");
        }
        return parsed;
    }
}
