package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.program.AffectedPatients;
import dev.safeguard.program.BreachAssessment;
import dev.safeguard.program.BreachAssessments;
import dev.safeguard.program.BreachNotifications;
import dev.safeguard.program.BreachReports;
import dev.safeguard.program.IncidentTerms;
import dev.safeguard.program.Incidents;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The breach forms of {@code /program/incidents/{id}}: the affected-patient computation (from the audit trail, inside
 * the vault) and an officer's count, the four-factor risk assessment and its conclusion, notifications, the
 * law-enforcement delay, and recording the breach report as evidence. Errors show on the incident page with the
 * submitted values kept.
 */
@Controller
@RequestMapping("/program/incidents/{id}")
class IncidentBreachPage {

    static final Map<String, String> NOTICES = Map.of("computed", "Affected individuals computed from the audit "
            + "trail.", "counted", "Count recorded.", "assessed", "Assessment saved.", "concluded",
            "Assessment concluded.", "reopened", "Assessment reopened.", "notified", "Notification recorded.",
            "held", "Law-enforcement delay recorded.", "evidence", "Breach report recorded as signed evidence.");

    private final Incidents incidents;
    private final AffectedPatients affected;
    private final BreachAssessments assessments;
    private final BreachNotifications notifications;
    private final BreachReports reports;
    private final IncidentDetail detail;

    IncidentBreachPage(Incidents incidents, AffectedPatients affected, BreachAssessments assessments,
                       BreachNotifications notifications, BreachReports reports, IncidentDetail detail) {
        this.incidents = incidents;
        this.affected = affected;
        this.assessments = assessments;
        this.notifications = notifications;
        this.reports = reports;
        this.detail = detail;
    }

    @PostMapping("/affected")
    String compute(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> form = params.toSingleValueMap();
        return act(id, form, model, request, response, "computed", actor -> affected.compute(actor, id,
                new AffectedPatients.Analysis(params.getOrDefault("users", List.of()),
                        params.getOrDefault("clients", List.of()),
                        IncidentPages.instant(form.get("from"), incidents.timeZone(), "start of the window"),
                        IncidentPages.instant(form.get("to"), incidents.timeZone(), "end of the window")),
                ConsoleRequest.origin(request)));
    }

    @PostMapping("/affected/officer-count")
    String count(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        return act(id, form, model, request, response, "counted", actor -> affected.record(actor, id,
                new AffectedPatients.Count(IncidentPages.number(form.get("total"), "total"),
                        IncidentPages.states(form.get("byState")), form.get("countNotes")),
                ConsoleRequest.origin(request)));
    }

    @PostMapping("/assessment")
    String assess(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        Map<String, BreachAssessment.Factor> factors = new LinkedHashMap<>();
        IncidentTerms.FACTORS.keySet().forEach(f -> factors.put(f, new BreachAssessment.Factor(
                IncidentPage.blank(form.get(f + "-rating")), form.get(f + "-notes"))));
        return act(id, form, model, request, response, "assessed", actor -> assessments.save(actor, id,
                new BreachAssessments.Draft(factors, IncidentPage.blank(form.get("safeHarbor")),
                        form.get("safeHarborNotes"), form.get("exception"), form.get("exceptionNotes")),
                ConsoleRequest.origin(request)));
    }

    @PostMapping("/assessment/conclusion")
    String conclude(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                    HttpServletRequest request, HttpServletResponse response) {
        return act(id, form, model, request, response, "concluded", actor -> assessments.conclude(actor, id,
                form.get("conclusion"), form.get("conclusionNotes"), ConsoleRequest.origin(request)));
    }

    @PostMapping("/assessment/reopen")
    String reopen(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        return act(id, form, model, request, response, "reopened", actor -> assessments.reopen(actor, id,
                form.get("reason"), ConsoleRequest.origin(request)));
    }

    @PostMapping("/notifications")
    String notify(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        return act(id, form, model, request, response, "notified", actor -> notifications.record(actor, id,
                new BreachNotifications.Draft(form.get("recipient"), IncidentPage.blank(form.get("state")),
                        IncidentPages.instant(form.get("sentAt"), incidents.timeZone(), "time it was sent"),
                        form.get("method"), IncidentPages.number(form.get("individuals"), "number of individuals"),
                        form.get("notes")), ConsoleRequest.origin(request)));
    }

    @PostMapping("/law-enforcement-delay")
    String hold(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return act(id, form, model, request, response, "held", actor -> notifications.hold(actor, id,
                new BreachNotifications.Hold(form.get("kind"), ProgramPages.date(form.get("statedOn"),
                        "day of the statement"), ProgramPages.date(form.get("until"), "end of the delay"),
                        form.get("agency"), form.get("official"), form.get("notes")),
                ConsoleRequest.origin(request)));
    }

    @PostMapping("/report/evidence")
    String evidence(@PathVariable String id, Model model, HttpServletRequest request,
                    HttpServletResponse response) {
        return act(id, Map.of(), model, request, response, "evidence", actor -> reports.recordAsEvidence(actor, id,
                ConsoleRequest.origin(request)));
    }

    private String act(String id, Map<String, String> form, Model model, HttpServletRequest request,
                       HttpServletResponse response, String notice, Consumer<Actor> action) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            action.accept(actor);
            return "redirect:/program/incidents/" + id + "?" + notice;
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            return detail.render(model, actor, id, form);
        }
    }
}
