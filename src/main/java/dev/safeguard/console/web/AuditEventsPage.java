package dev.safeguard.console.web;

import dev.safeguard.audit.AuditQueries;
import dev.safeguard.audit.AuditQuery;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /audit/events}, for auditors and security officers: searches the audit trail by time, user, service client,
 * patient, action, outcome and type, newest first, a page at a time; each event links to its detail page. A refused
 * search shows the form again with the reason.
 */
@Controller
class AuditEventsPage {

    /** The FHIR AuditEvent action codes and outcomes the search offers. */
    static final List<Choice> ACTIONS = List.of(new Choice("C", "Create"), new Choice("R", "Read"),
            new Choice("U", "Update"), new Choice("D", "Delete"), new Choice("E", "Execute"));
    static final List<Choice> OUTCOMES = List.of(new Choice("SUCCESS", "Success"),
            new Choice("MINOR_FAILURE", "Minor failure (refused or invalid)"),
            new Choice("SERIOUS_FAILURE", "Serious failure"));

    record Choice(String value, String label) {
    }

    private final AuditQueries queries;

    AuditEventsPage(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/audit/events")
    String search(EventSearch search, Model model, HttpServletRequest request, HttpServletResponse response) {
        ConsoleRequest.auditReader(request);
        model.addAttribute("search", search);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("outcomes", OUTCOMES);
        try {
            AuditQuery query = search.query();
            model.addAttribute("results", queries.search(query));
            if (query.page() > 0) {
                model.addAttribute("previous", search.pageLink(query.page() - 1, query.size()));
            }
            model.addAttribute("next", search.pageLink(query.page() + 1, query.size()));
        } catch (ProblemException e) {
            Problems.show(model, response, e);
        }
        return "console/audit-events";
    }
}
