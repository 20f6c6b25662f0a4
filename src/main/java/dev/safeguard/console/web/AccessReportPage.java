package dev.safeguard.console.web;

import dev.safeguard.audit.AuditQueries;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /audit/access-report}, for auditors and security officers: who accessed a patient's records, when, what and
 * why, oldest first, with break-glass accesses flagged (45 CFR 164.528 accounting, 164.312(b) review), and a link to
 * the same events as CSV. The patient reference is pseudonymized before the search; the trail never holds it in clear.
 */
@Controller
class AccessReportPage {

    /** The most rows the page shows; the CSV download has them all. */
    static final int SHOWN = 1_000;

    private final AuditQueries queries;

    AccessReportPage(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/audit/access-report")
    String report(@RequestParam(required = false) String patient, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        ConsoleRequest.auditReader(request);
        model.addAttribute("patient", patient);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (patient == null) {
            return "console/access-report";
        }
        try {
            String reference = EventSearch.text(patient);
            if (reference == null || reference.length() > 200) {
                throw new ProblemException(ProblemKind.VALIDATION,
                        "Enter the patient as a reference such as Patient/123 (at most 200 characters)");
            }
            Instant start = EventSearch.instant(from, "From", false);
            Instant end = EventSearch.instant(to, "To", true);
            if (start != null && end != null && start.isAfter(end)) {
                throw new ProblemException(ProblemKind.VALIDATION, "From must not be after To");
            }
            List<AuditQueries.Access> accesses = queries.accessReport(reference, start, end);
            model.addAttribute("accesses", accesses.size() > SHOWN ? accesses.subList(0, SHOWN) : accesses);
            model.addAttribute("total", accesses.size());
            model.addAttribute("csv", csvLink(reference, start, end));
        } catch (ProblemException e) {
            Problems.show(model, response, e);
        }
        return "console/access-report";
    }

    /** The export API with the same criteria; the browser sends the session cookie with it. */
    static String csvLink(String patient, Instant from, Instant to) {
        StringBuilder link = new StringBuilder("/api/audit/events/export?format=csv&patient=")
                .append(URLEncoder.encode(patient, StandardCharsets.UTF_8));
        if (from != null) {
            link.append("&from=").append(URLEncoder.encode(from.toString(), StandardCharsets.UTF_8));
        }
        if (to != null) {
            link.append("&to=").append(URLEncoder.encode(to.toString(), StandardCharsets.UTF_8));
        }
        return link.toString();
    }
}
