package dev.safeguard.program.workforce.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Clearance;
import dev.safeguard.program.ClearanceDraft;
import dev.safeguard.program.WorkforceRecords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/workforce/{id}/clearances}: workforce clearance records (164.308(a)(3)(ii)(B)). */
@RestController
@RequestMapping("/api/program/workforce/{id}/clearances")
@Tag(name = "Program: workforce")
class ClearancesController {

    private final WorkforceRecords records;

    ClearancesController(WorkforceRecords records) {
        this.records = records;
    }

    record ClearanceBody(String kind, LocalDate completedOn, String outcome, String notes) {
    }

    @GetMapping
    @Operation(summary = "The member's clearance records, most recent first")
    List<Clearance> list(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return records.clearances(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a clearance check (append-only)")
    Clearance add(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody ClearanceBody body,
                  HttpServletRequest request) {
        return records.addClearance(actor, id, new ClearanceDraft(body.kind(), body.completedOn(), body.outcome(),
                body.notes()), RequestOrigin.of(request));
    }
}
