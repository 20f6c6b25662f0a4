package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.program.IncidentLinks;
import dev.safeguard.program.Incidents;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /program/incidents/{id}}: one incident with its deadline clocks, and the officers' forms for its facts,
 * status, timeline and links. The breach forms (affected individuals, assessment, notifications) are
 * {@link IncidentBreachPage}'s.
 */
@Controller
@RequestMapping("/program/incidents/{id}")
class IncidentPage {

    private static final Map<String, String> NOTICES = Map.of("created", "Incident recorded.", "saved", "Saved.",
            "status", "Status changed.", "noted", "Added to the timeline.", "linked", "Linked.",
            "unlinked", "Link removed.");

    private final Incidents incidents;
    private final IncidentLinks links;
    private final IncidentDetail detail;

    IncidentPage(Incidents incidents, IncidentLinks links, IncidentDetail detail) {
        this.incidents = incidents;
        this.links = links;
        this.detail = detail;
    }

    @GetMapping
    String show(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
                HttpServletRequest request) {
        NOTICES.keySet().stream().filter(params::containsKey).findFirst()
                .ifPresent(k -> model.addAttribute("notice", NOTICES.get(k)));
        params.keySet().stream().filter(IncidentBreachPage.NOTICES::containsKey).findFirst()
                .ifPresent(k -> model.addAttribute("notice", IncidentBreachPage.NOTICES.get(k)));
        return detail.render(model, ConsoleRequest.actor(request), id, Map.of());
    }

    @PostMapping("/edit")
    String edit(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return act(id, form, model, request, response, "saved", actor -> incidents.update(actor, id,
                new Incidents.Draft(form.get("title"), form.get("description"), form.get("category"),
                        form.get("severity"), IncidentPages.instant(form.get("discoveredAt"), incidents.timeZone(),
                        "discovery time"), IncidentPages.instant(form.get("occurredFrom"), incidents.timeZone(),
                        "start of the occurrence"), IncidentPages.instant(form.get("occurredTo"),
                        incidents.timeZone(), "end of the occurrence"), form.get("capacity"),
                        form.get("coveredEntity"), null, IncidentPages.number(form.get("baseVersion"), "version")),
                ConsoleRequest.origin(request)));
    }

    @PostMapping("/status")
    String status(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        return act(id, form, model, request, response, "status", actor -> incidents.transition(actor, id,
                form.get("status"), blank(form.get("resolution")), form.get("note"),
                ConsoleRequest.origin(request)));
    }

    @PostMapping("/notes")
    String note(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return act(id, form, model, request, response, "noted", actor -> incidents.note(actor, id,
                IncidentPages.instant(form.get("occurredAt"), incidents.timeZone(), "time of the note"),
                form.get("text"), ConsoleRequest.origin(request)));
    }

    @PostMapping("/links")
    String link(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return act(id, form, model, request, response, "linked", actor -> links.link(actor, id, form.get("kind"),
                IncidentPages.number(form.get("ref"), "sequence number or alert id"),
                ConsoleRequest.origin(request)));
    }

    @PostMapping("/links/{kind}/{ref}/delete")
    String unlink(@PathVariable String id, @PathVariable String kind, @PathVariable long ref, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        return act(id, Map.of(), model, request, response, "unlinked", actor -> links.unlink(actor, id, kind, ref,
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

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
