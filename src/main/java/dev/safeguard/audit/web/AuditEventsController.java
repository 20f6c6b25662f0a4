package dev.safeguard.audit.web;

import dev.safeguard.audit.AuditIntegrity;
import dev.safeguard.audit.AuditQueries;
import dev.safeguard.audit.AuditQuery;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/audit/events} (search, export) and {@code /api/audit/access-report} (a patient's access report), for
 * auditors and security officers. Unknown parameters are refused rather than ignored, so a typo never silently widens
 * a search.
 */
@RestController
@RequestMapping("/api/audit")
class AuditEventsController {

    private static final Set<String> CRITERIA = Set.of("from", "to", "user", "client", "patient", "action", "outcome",
            "type", "entityType");

    private final AuditQueries queries;
    private final AuditIntegrity integrity;

    AuditEventsController(AuditQueries queries, AuditIntegrity integrity) {
        this.queries = queries;
        this.integrity = integrity;
    }

    @GetMapping("/events")
    AuditQuery.Page search(HttpServletRequest request,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                           @RequestParam(required = false) String user, @RequestParam(required = false) String client,
                           @RequestParam(required = false) String patient,
                           @RequestParam(required = false) String action,
                           @RequestParam(required = false) String outcome,
                           @RequestParam(required = false) String type,
                           @RequestParam(required = false) String entityType,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        onlyKnown(request, "page", "size");
        return queries.search(new AuditQuery(from, to, user, client, patient, action, outcome, type, entityType, page,
                size));
    }

    @GetMapping("/events/export")
    void export(HttpServletRequest request, HttpServletResponse response,
                @RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                @RequestParam(required = false) String user, @RequestParam(required = false) String client,
                @RequestParam(required = false) String patient, @RequestParam(required = false) String action,
                @RequestParam(required = false) String outcome, @RequestParam(required = false) String type,
                @RequestParam(required = false) String entityType) throws IOException {
        onlyKnown(request, "format");
        AuditQuery query = new AuditQuery(from, to, user, client, patient, action, outcome, type, entityType, 0, 1);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        switch (format) {
            case "csv" -> {
                response.setContentType("text/csv");
                response.setHeader("Content-Disposition", "attachment; filename=\"audit-events.csv\"");
                queries.exportCsv(query, response.getWriter());
            }
            case "json" -> {
                response.setContentType("application/json");
                queries.exportJson(query, response.getWriter());
            }
            case "jsonl" -> {
                response.setContentType("application/jsonl");
                response.setHeader("Content-Disposition", "attachment; filename=\"audit-events.jsonl\"");
                queries.exportJsonLines(query, response.getWriter(), integrity.publicKeyset());
            }
            case "fhir" -> {
                response.setContentType("application/fhir+json");
                queries.exportFhir(query, response.getWriter());
            }
            default -> throw new ProblemException(ProblemKind.VALIDATION,
                    "format must be csv, json, jsonl or fhir");
        }
    }

    @GetMapping("/access-report")
    List<AuditQueries.Access> accessReport(HttpServletRequest request, @RequestParam String patient,
                                           @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                           @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        onlyKnown(request);
        if (patient.isBlank() || patient.length() > 200) {
            throw new ProblemException(ProblemKind.VALIDATION, "patient must be a reference such as Patient/123");
        }
        return queries.accessReport(patient, from, to);
    }

    private static void onlyKnown(HttpServletRequest request, String... extra) {
        Set<String> allowed = new java.util.HashSet<>(CRITERIA);
        allowed.addAll(List.of(extra));
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name)) {
                throw new ProblemException(ProblemKind.VALIDATION, "Unknown parameter '"
                        + (name.length() > 40 ? name.substring(0, 40) : name) + "'; allowed are "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }
}
