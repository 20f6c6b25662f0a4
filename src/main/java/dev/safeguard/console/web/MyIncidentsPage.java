package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.program.IncidentReporting;
import dev.safeguard.program.IncidentTerms;
import dev.safeguard.program.Incidents;
import dev.safeguard.program.ReportedIncident;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /me/incidents}: every signed-in workforce member reports a suspected security incident and follows the
 * incidents they reported; nobody sees anyone else's here.
 */
@Controller
@RequestMapping("/me/incidents")
class MyIncidentsPage {

    private final IncidentReporting reporting;
    private final Incidents incidents;

    MyIncidentsPage(IncidentReporting reporting, Incidents incidents) {
        this.reporting = reporting;
        this.incidents = incidents;
    }

    @GetMapping
    String list(Model model, HttpServletRequest request) {
        model.addAttribute("reports", reporting.mine(ConsoleRequest.actor(request)));
        model.addAttribute("categories", IncidentTerms.CATEGORIES);
        return "console/me-incidents";
    }

    @GetMapping("/new")
    String form(Model model) {
        return renderForm(model, Map.of());
    }

    @PostMapping
    String report(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        try {
            ReportedIncident reported = reporting.report(ConsoleRequest.actor(request), new IncidentReporting.Report(
                    form.get("title"), form.get("description"), form.get("category"),
                    IncidentPages.instant(form.get("discoveredAt"), incidents.timeZone(), "time you noticed it")),
                    ConsoleRequest.origin(request));
            return "redirect:/me/incidents/" + reported.id() + "?reported";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            return renderForm(model, form);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
                HttpServletRequest request) {
        if (params.containsKey("reported")) {
            model.addAttribute("notice", "Thank you. The security officer has been alerted and will follow up.");
        } else if (params.containsKey("noted")) {
            model.addAttribute("notice", "Added to your report.");
        }
        return renderReport(model, reporting.mine(ConsoleRequest.actor(request), id));
    }

    @PostMapping("/{id}/notes")
    String note(@PathVariable String id, @RequestParam(defaultValue = "") String text, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            reporting.note(actor, id, text, ConsoleRequest.origin(request));
            return "redirect:/me/incidents/" + id + "?noted";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("text", text);
            return renderReport(model, reporting.mine(actor, id));
        }
    }

    private String renderForm(Model model, Map<String, String> form) {
        model.addAttribute("categories", IncidentTerms.CATEGORIES);
        model.addAttribute("form", form);
        model.addAttribute("timeZone", incidents.timeZone().getId());
        return "console/me-incident-new";
    }

    private static String renderReport(Model model, ReportedIncident report) {
        model.addAttribute("report", report);
        model.addAttribute("categories", IncidentTerms.CATEGORIES);
        return "console/me-incident";
    }
}
