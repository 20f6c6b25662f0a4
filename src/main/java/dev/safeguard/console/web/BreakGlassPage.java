package dev.safeguard.console.web;

import dev.safeguard.access.BreakGlass;
import dev.safeguard.access.BreakGlassGrant;
import dev.safeguard.identity.Actor;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emergency access pages: {@code /break-glass} where a clinician requests access to one patient (re-entering
 * password and authenticator code) and sees their grants, and {@code /admin/break-glass}, the security officers'
 * review queue, where each grant is approved or escalated with notes.
 */
@Controller
class BreakGlassPage {

    private final BreakGlass breakGlass;
    private final dev.safeguard.identity.Accounts accounts;

    BreakGlassPage(BreakGlass breakGlass, dev.safeguard.identity.Accounts accounts) {
        this.breakGlass = breakGlass;
        this.accounts = accounts;
    }

    @GetMapping("/break-glass")
    String request(@RequestParam(required = false) String granted, Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        renderRequest(model, actor);
        if (granted != null) {
            model.addAttribute("notice", "Emergency access granted. Security officers have been alerted and will "
                    + "review it.");
        }
        return "console/break-glass";
    }

    @PostMapping("/break-glass")
    String grant(@RequestParam(defaultValue = "") String patientId, @RequestParam(defaultValue = "") String reason,
                 @RequestParam(defaultValue = "ETREAT") String purpose, @RequestParam(defaultValue = "") String minutes,
                 @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code,
                 Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            breakGlass.request(actor, Problems.limited(patientId.strip(), 64, "patient id"),
                    Problems.limited(reason, 2000, "reason"), Problems.limited(purpose, 20, "purpose"),
                    duration(minutes), Problems.limited(password, 1024, "password"),
                    Problems.limited(code.strip(), 16, "code"), ConsoleRequest.origin(request));
            redirect.addAttribute("granted", "1");
            return "redirect:/break-glass";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("form", Map.of("patientId", patientId, "reason", reason, "purpose", purpose,
                    "minutes", minutes));
            renderRequest(model, actor);
            return "console/break-glass";
        }
    }

    @PostMapping("/break-glass/{id}/end")
    String end(@PathVariable String id, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        breakGlass.end(actor, id, ConsoleRequest.origin(request));
        return actor.has(dev.safeguard.identity.Role.SECURITY_OFFICER) && !actor.has(dev.safeguard.identity.Role.CLINICIAN)
                ? "redirect:/admin/break-glass" : "redirect:/break-glass";
    }

    @GetMapping("/admin/break-glass")
    String queue(@RequestParam(defaultValue = "false") boolean all, @RequestParam(required = false) String reviewed,
                 Model model, HttpServletRequest request) {
        renderQueue(model, ConsoleRequest.actor(request), all);
        if (reviewed != null) {
            model.addAttribute("notice", "Review recorded.");
        }
        return "console/break-glass-review";
    }

    @PostMapping("/admin/break-glass/{id}/review")
    String review(@PathVariable String id, @RequestParam(defaultValue = "") String outcome,
                  @RequestParam(defaultValue = "") String notes, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            breakGlass.review(actor, id, outcome, Problems.limited(notes, 2000, "notes"),
                    ConsoleRequest.origin(request));
            redirect.addAttribute("reviewed", "1");
            return "redirect:/admin/break-glass";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            renderQueue(model, actor, false);
            return "console/break-glass-review";
        }
    }

    private void renderRequest(Model model, Actor actor) {
        model.addAttribute("grants", breakGlass.list(actor, false));
        model.addAttribute("purposes", BreakGlass.PURPOSES);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("patientId", "", "reason", "", "purpose", "ETREAT", "minutes", "60"));
        }
    }

    private void renderQueue(Model model, Actor actor, boolean all) {
        model.addAttribute("grants", breakGlass.list(actor, !all));
        model.addAttribute("usernames", accounts.list(actor).stream().collect(java.util.stream.Collectors.toMap(
                dev.safeguard.identity.UserView::id, dev.safeguard.identity.UserView::username)));
        model.addAttribute("all", all);
    }

    private static Duration duration(String minutes) {
        if (minutes.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMinutes(Long.parseLong(minutes.strip()));
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "Enter the duration as a whole number of minutes");
        }
    }
}
