package dev.safeguard.program.vendors.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.AgreementExecution;
import dev.safeguard.program.AgreementRequest;
import dev.safeguard.program.BusinessAssociateAgreement;
import dev.safeguard.program.BusinessAssociateAgreements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/program/baas}: business associate agreements. Requested as JSON; executed by posting the signed
 * document as the raw request body (like evidence files) with the dates as query parameters; terminated as JSON.
 */
@RestController
@RequestMapping("/api/program/baas")
@Tag(name = "Business associate agreements", description = "Business associate agreements (164.308(b)(3), "
        + "164.314(a)): requested, executed with the signed document (stored as signed evidence), expired or "
        + "terminated; a renewal is a new agreement")
class AgreementsController {

    private final BusinessAssociateAgreements agreements;

    AgreementsController(BusinessAssociateAgreements agreements) {
        this.agreements = agreements;
    }

    /** @param requestedAt default now; not in the future */
    record Request(String vendorId, String renewsId, String reference, String notes, Instant requestedAt) {
    }

    /** @param terminatedAt default now; not in the future, not before the agreement was signed (or requested) */
    record Termination(Instant terminatedAt, String reason) {
    }

    @GetMapping
    @Operation(summary = "Agreements, newest request first; filter by vendorId and state (requested, executed, "
            + "expired, terminated)")
    List<BusinessAssociateAgreement> list(@AuthenticationPrincipal Actor actor,
                                          @RequestParam(required = false) String vendorId,
                                          @RequestParam(required = false) String state) {
        return agreements.list(actor, vendorId, state);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agreement with its state now and the expiry reminders already raised")
    BusinessAssociateAgreement get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return agreements.get(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a request {vendorId, renewsId, reference, notes, requestedAt}; one open request per "
            + "vendor (409 otherwise)")
    BusinessAssociateAgreement request(@AuthenticationPrincipal Actor actor, @RequestBody Request body,
                                       HttpServletRequest request) {
        return agreements.request(actor, new AgreementRequest(body.vendorId(), body.renewsId(), body.reference(),
                body.notes(), body.requestedAt()), RequestOrigin.of(request));
    }

    @PostMapping("/{id}/execution")
    @Operation(summary = "Execute a requested agreement: the signed document as the raw body (its own Content-Type, "
            + "at most 10 MiB), executedAt, effectiveAt and expiresAt (omitted: no fixed expiry) as ISO-8601 query "
            + "parameters; stored as signed document evidence")
    BusinessAssociateAgreement execute(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                       @RequestParam(required = false) Instant executedAt,
                                       @RequestParam(required = false) Instant effectiveAt,
                                       @RequestParam(required = false) Instant expiresAt,
                                       @RequestParam(required = false) String fileName,
                                       @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false)
                                       String contentType,
                                       @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return agreements.execute(actor, id, new AgreementExecution(executedAt, effectiveAt, expiresAt, body,
                contentType, fileName), RequestOrigin.of(request));
    }

    @PostMapping(path = "/{id}/termination", consumes = "application/json")
    @Operation(summary = "Terminate a requested (withdrawn) or executed agreement {terminatedAt, reason}; its "
            + "vendor's clients lose ePHI access at once unless another agreement is in force")
    BusinessAssociateAgreement terminate(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                         @RequestBody Termination body, HttpServletRequest request) {
        return agreements.terminate(actor, id, body.terminatedAt(), body.reason(), RequestOrigin.of(request));
    }
}
