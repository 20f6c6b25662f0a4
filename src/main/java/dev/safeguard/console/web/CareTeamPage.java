package dev.safeguard.console.web;

import dev.safeguard.shared.DateRange;
import dev.safeguard.access.CareTeam;
import dev.safeguard.access.CareTeamAssignment;
import dev.safeguard.identity.Accounts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.UserView;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
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
 * {@code /admin/care-team}, for security officers: which clinician is on which patient's care team, from when until
 * when; assigning and ending assignments. Times are entered and shown in UTC.
 */
@Controller
@RequestMapping("/admin/care-team")
class CareTeamPage {

    private final CareTeam careTeam;
    private final Accounts accounts;

    CareTeamPage(CareTeam careTeam, Accounts accounts) {
        this.careTeam = careTeam;
        this.accounts = accounts;
    }

    @GetMapping
    String list(@RequestParam(required = false) String ended, @RequestParam(required = false) String assigned,
                Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request));
        if (ended != null) {
            model.addAttribute("notice", "Ended the assignment; access stops with the clinician's next request.");
        } else if (assigned != null) {
            model.addAttribute("notice", "Assigned.");
        }
        return "console/care-team";
    }

    @PostMapping
    String assign(@RequestParam(defaultValue = "") String userId, @RequestParam(defaultValue = "") String patientId,
                  @RequestParam(defaultValue = "") String startsAt, @RequestParam(defaultValue = "") String endsAt,
                  Model model, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            careTeam.assign(actor, userId, Problems.limited(patientId.strip(), 64, "patient id"),
                    time(startsAt, "start"), time(endsAt, "end"), ConsoleRequest.origin(request));
            redirect.addAttribute("assigned", "1");
            return "redirect:/admin/care-team";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("form", Map.of("userId", userId, "patientId", patientId, "startsAt", startsAt,
                    "endsAt", endsAt));
            render(model, actor);
            return "console/care-team";
        }
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        careTeam.end(ConsoleRequest.actor(request), id, ConsoleRequest.origin(request));
        redirect.addAttribute("ended", "1");
        return "redirect:/admin/care-team";
    }

    private void render(Model model, Actor actor) {
        List<CareTeamAssignment> assignments = careTeam.list(actor, null, null);
        List<UserView> users = accounts.list(actor);
        model.addAttribute("assignments", assignments);
        model.addAttribute("usernames", users.stream().collect(Collectors.toMap(UserView::id, UserView::username)));
        model.addAttribute("clinicians", users.stream().filter(u -> u.status().equals("active")
                && u.roles().contains("clinician")).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("userId", "", "patientId", "", "startsAt", "", "endsAt", ""));
        }
    }

    /** A {@code datetime-local} value read as UTC, or {@code null} when blank. */
    static Instant time(String value, String label) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return DateRange.local(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "Enter the " + label + " as a date and time (UTC)");
        }
    }
}
