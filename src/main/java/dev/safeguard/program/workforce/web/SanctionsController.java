package dev.safeguard.program.workforce.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Sanction;
import dev.safeguard.program.SanctionDraft;
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

/** {@code /api/program/workforce/{id}/sanctions}: sanctions (164.308(a)(1)(ii)(C)), for officers and auditors only. */
@RestController
@RequestMapping("/api/program/workforce/{id}/sanctions")
@Tag(name = "Program: workforce")
class SanctionsController {

    private final WorkforceRecords records;

    SanctionsController(WorkforceRecords records) {
        this.records = records;
    }

    record SanctionBody(LocalDate imposedOn, String policy, String description, String sanction, String imposedBy) {
    }

    @GetMapping
    @Operation(summary = "The member's sanctions, most recent first")
    List<Sanction> list(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return records.sanctions(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a sanction (append-only; the description is stored sealed)")
    Sanction add(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody SanctionBody body,
                 HttpServletRequest request) {
        return records.addSanction(actor, id, new SanctionDraft(body.imposedOn(), body.policy(), body.description(),
                body.sanction(), body.imposedBy()), RequestOrigin.of(request));
    }
}
