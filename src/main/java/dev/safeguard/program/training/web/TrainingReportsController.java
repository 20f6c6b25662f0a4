package dev.safeguard.program.training.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.TrainingReport;
import dev.safeguard.program.TrainingReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/training/reports}: training reports, computed now or recorded as signed evidence. */
@RestController
@RequestMapping("/api/program/training/reports")
@Tag(name = "Program: training")
class TrainingReportsController {

    private final TrainingReports reports;

    TrainingReportsController(TrainingReports reports) {
        this.reports = reports;
    }

    /** Both omitted: the last 365 days. */
    record Period(Instant from, Instant to) {
    }

    @GetMapping
    @Operation(summary = "Recorded reports, newest first, each with its evidence id")
    List<TrainingReports.Recorded> list(@AuthenticationPrincipal Actor actor) {
        return reports.list(actor);
    }

    @GetMapping("/current")
    @Operation(summary = "The report of a period computed now (default: the last 365 days), not recorded")
    TrainingReport current(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Instant from,
                           @RequestParam(required = false) Instant to) {
        return reports.report(actor, from, to);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the report of a period as signed export evidence")
    TrainingReports.Recorded record(@AuthenticationPrincipal Actor actor, @RequestBody Period body,
                                    HttpServletRequest request) {
        return reports.record(actor, body.from(), body.to(), RequestOrigin.of(request));
    }
}
