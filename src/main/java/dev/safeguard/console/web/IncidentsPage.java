package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Incident;
import dev.safeguard.program.IncidentSummary;
import dev.safeguard.program.IncidentTerms;
import dev.safeguard.program.Incidents;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /program/incidents}: security incidents (164.308(a)(6)) with status, severity and the clock of the next
 * breach notification deadline; officers record new ones here.
 */
@Controller
@RequestMapping("/program/incidents")
class IncidentsPage {

    /** A list row: the incident and its next deadline's clock. */
    record Row(IncidentSummary incident, String clock, String clockStatus) {
    }

    private final Incidents incidents;
    private final Workforce workforce;

    IncidentsPage(Incidents incidents, Workforce workforce) {
        this.incidents = incidents;
        this.workforce = workforce;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        List<IncidentSummary> found;
        try {
            found = incidents.list(actor, status);
            model.addAttribute("status", status);
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            found = incidents.list(actor, null);
        }
        render(model, found, Map.of());
        return "console/program-incidents";
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            Incident created = incidents.create(actor, new Incidents.Draft(form.get("title"),
                    form.get("description"), form.get("category"), form.get("severity"),
                    IncidentPages.instant(form.get("discoveredAt"), incidents.timeZone(), "discovery time"), null,
                    null, form.get("capacity"), form.get("coveredEntity"), null, null),
                    ConsoleRequest.origin(request));
            return "redirect:/program/incidents/" + created.id() + "?created";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            render(model, incidents.list(actor, null), form);
            return "console/program-incidents";
        }
    }

    private void render(Model model, List<IncidentSummary> found, Map<String, String> form) {
        model.addAttribute("rows", found.stream().map(s -> new Row(s, IncidentPages.clock(s.nextDeadline()),
                s.nextDeadline() == null ? "none" : s.nextDeadline().status())).toList());
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
        model.addAttribute("categories", IncidentTerms.CATEGORIES);
        model.addAttribute("severities", IncidentTerms.SEVERITIES);
        model.addAttribute("statuses", IncidentTerms.STATUSES);
        model.addAttribute("capacities", IncidentTerms.CAPACITIES);
        model.addAttribute("timeZone", incidents.timeZone().getId());
        model.addAttribute("form", form);
    }
}
