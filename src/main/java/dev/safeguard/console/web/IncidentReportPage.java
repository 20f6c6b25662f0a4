package dev.safeguard.console.web;

import dev.safeguard.program.BreachReports;
import dev.safeguard.program.IncidentTerms;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /program/incidents/{id}/report}: the breach report as a printable page for counsel or the HHS portal
 * filing (the same content as the JSON export; no PHI).
 */
@Controller
class IncidentReportPage {

    private final BreachReports reports;

    IncidentReportPage(BreachReports reports) {
        this.reports = reports;
    }

    @GetMapping("/program/incidents/{id}/report")
    String show(@PathVariable String id, Model model, HttpServletRequest request) {
        var report = reports.report(ConsoleRequest.actor(request), id);
        model.addAttribute("report", report);
        model.addAttribute("i", report.incident());
        model.addAttribute("deadlines", IncidentPages.rows(report.incident().deadlines()));
        model.addAttribute("categories", IncidentTerms.CATEGORIES);
        model.addAttribute("factors", IncidentTerms.FACTORS);
        model.addAttribute("exceptions", IncidentTerms.EXCEPTIONS);
        return "console/program-incident-report";
    }
}
