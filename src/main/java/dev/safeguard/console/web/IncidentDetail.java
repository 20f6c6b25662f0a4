package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.ServiceClients;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.BreachAssessment;
import dev.safeguard.program.Incident;
import dev.safeguard.program.IncidentTerms;
import dev.safeguard.program.Incidents;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the incident page's model: the incident with its deadline clocks, the names shown instead of ids, the choices
 * of every form, and the forms' values (what was submitted when a form is shown again with its error).
 */
@Component
class IncidentDetail {

    /** A service client as the analysis form offers it: id and name only. */
    record ClientChoice(String id, String name, String state) {
    }

    private final Incidents incidents;
    private final Workforce workforce;
    private final ServiceClients clients;
    private final java.time.Clock clock;

    IncidentDetail(Incidents incidents, Workforce workforce, ServiceClients clients, java.time.Clock clock) {
        this.clock = clock;
        this.incidents = incidents;
        this.workforce = workforce;
        this.clients = clients;
    }

    /** The detail page's model; {@code submitted} are the fields of the form that failed, or empty. */
    String render(Model model, Actor actor, String id, Map<String, String> submitted) {
        Incident incident = incidents.get(actor, id);
        ZoneId zone = incidents.timeZone();
        model.addAttribute("incident", incident);
        model.addAttribute("deadlines", IncidentPages.rows(incident.deadlines()));
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
        model.addAttribute("members", workforce.members());
        model.addAttribute("clients", clients.registered().stream().map(c -> new ClientChoice(c.id(), c.name(),
                c.state())).toList());
        model.addAttribute("categories", IncidentTerms.CATEGORIES);
        model.addAttribute("severities", IncidentTerms.SEVERITIES);
        model.addAttribute("capacities", IncidentTerms.CAPACITIES);
        model.addAttribute("factors", IncidentTerms.FACTORS);
        model.addAttribute("ratings", IncidentTerms.RATINGS);
        model.addAttribute("exceptions", IncidentTerms.EXCEPTIONS);
        model.addAttribute("conclusions", IncidentTerms.CONCLUSIONS);
        model.addAttribute("recipients", IncidentTerms.RECIPIENTS);
        model.addAttribute("methods", IncidentTerms.METHODS);
        model.addAttribute("resolutions", IncidentTerms.RESOLUTIONS);
        model.addAttribute("timeZone", zone.getId());
        model.addAttribute("closed", incident.status().equals(IncidentTerms.CLOSED));
        model.addAttribute("determinationText", determination(incident.determination()));
        model.addAttribute("discoveredLocal", IncidentPages.local(incident.discoveredAt(), zone));
        model.addAttribute("nowLocal", IncidentPages.local(clock.instant(), zone));
        Map<String, String> form = new HashMap<>(defaults(incident, zone));
        form.putAll(submitted);
        model.addAttribute("form", form);
        return "console/program-incident";
    }

    /** The stored values the edit and assessment forms start from. */
    private static Map<String, String> defaults(Incident i, ZoneId zone) {
        Map<String, String> form = new HashMap<>();
        form.put("title", i.title());
        form.put("description", i.description());
        form.put("category", i.category());
        form.put("severity", i.severity() == null ? "" : i.severity());
        form.put("capacity", i.capacity());
        form.put("coveredEntity", i.coveredEntity() == null ? "" : i.coveredEntity());
        form.put("discoveredAt", IncidentPages.local(i.discoveredAt(), zone));
        form.put("occurredFrom", IncidentPages.local(i.occurredFrom(), zone));
        form.put("occurredTo", IncidentPages.local(i.occurredTo(), zone));
        BreachAssessment a = i.assessment();
        if (a != null) {
            a.factors().forEach((key, f) -> {
                form.put(key + "-rating", f.rating() == null ? "" : f.rating());
                form.put(key + "-notes", f.notes() == null ? "" : f.notes());
            });
            form.put("safeHarbor", a.safeHarbor() == null ? "" : a.safeHarbor());
            form.put("safeHarborNotes", a.safeHarborNotes() == null ? "" : a.safeHarborNotes());
            form.put("exception", a.exception());
            form.put("exceptionNotes", a.exceptionNotes() == null ? "" : a.exceptionNotes());
        }
        return form;
    }

    static String determination(String determination) {
        return switch (determination) {
            case IncidentTerms.BREACH -> "A breach of unsecured PHI: notification is required.";
            case IncidentTerms.LOW_PROBABILITY -> "Not a breach: the four factors show a low probability that the PHI "
                    + "was compromised. No notification is required.";
            case IncidentTerms.SECURED_PHI -> "Not a breach of unsecured PHI: the PHI was secured per HHS guidance "
                    + "(encrypted, key not compromised). No notification duty arises.";
            case IncidentTerms.EXCEPTION -> "Not a breach: an exclusion of 164.402(1) applies. No notification is "
                    + "required.";
            case IncidentTerms.NOT_AN_INCIDENT -> "Closed as not a security incident.";
            default -> "Presumed a breach until the risk assessment is concluded (164.402): the clocks run from "
                    + "discovery.";
        };
    }
}
