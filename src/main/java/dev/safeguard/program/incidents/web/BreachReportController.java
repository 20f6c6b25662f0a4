package dev.safeguard.program.incidents.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.BreachReport;
import dev.safeguard.program.BreachReports;
import dev.safeguard.program.EvidenceRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/incidents/{id}/report}: the breach report (no PHI) and its recording as evidence. */
@RestController
@RequestMapping("/api/program/incidents/{id}/report")
@Tag(name = "Incidents")
class BreachReportController {

    private final BreachReports reports;

    BreachReportController(BreachReports reports) {
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "Download the breach report as JSON (the console shows it as printable HTML at "
            + "/program/incidents/{id}/report)")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        BreachReport report = reports.report(actor, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("breach-report-" + report.incident().reference() + ".json").build().toString())
                .body(reports.json(report));
    }

    @PostMapping("/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the report as it stands as signed export evidence for 164.308(a)(6)(ii)")
    EvidenceRecord record(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        return reports.recordAsEvidence(actor, id, RequestOrigin.of(request));
    }
}
