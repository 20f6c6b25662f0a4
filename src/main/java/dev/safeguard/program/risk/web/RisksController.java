package dev.safeguard.program.risk.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Risk;
import dev.safeguard.program.RiskDraft;
import dev.safeguard.program.RiskHeatMap;
import dev.safeguard.program.RiskRegister;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/risks}: the risk register, its heat map, CSV export and all-or-nothing CSV import. */
@RestController
@RequestMapping("/api/program/risks")
@Tag(name = "Risks", description = "Risk analysis and risk management, 164.308(a)(1)(ii)(A) and (B)")
class RisksController {

    static final String CSV = "text/csv";

    private final RiskRegister register;

    RisksController(RiskRegister register) {
        this.register = register;
    }

    @GetMapping
    @Operation(summary = "List every risk, open and highest first")
    List<Risk> list(@AuthenticationPrincipal Actor actor) {
        return register.list(actor);
    }

    @GetMapping("/heat-map")
    @Operation(summary = "Open risks counted by likelihood and impact, cells with their NIST SP 800-30 Table I-2 level")
    RiskHeatMap heatMap(@AuthenticationPrincipal Actor actor) {
        return register.heatMap(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one risk")
    Risk get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return register.get(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a risk; its level is computed by Table I-2; accepting it needs an approver")
    Risk create(@AuthenticationPrincipal Actor actor, @RequestBody RiskDraft body, HttpServletRequest request) {
        return register.create(actor, body, RequestOrigin.of(request));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Replace a risk's assessment and treatment; status 'closed' closes it")
    Risk update(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody RiskDraft body,
                HttpServletRequest request) {
        return register.update(actor, id, body, RequestOrigin.of(request));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the register as CSV (RFC 4180)")
    ResponseEntity<String> export(@AuthenticationPrincipal Actor actor) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"risks.csv\"")
                .header(HttpHeaders.CONTENT_TYPE, CSV + ";charset=UTF-8").body(register.exportCsv(actor));
    }

    @PostMapping(path = "/import", consumes = CSV)
    @Operation(summary = "Import risks from CSV: all or nothing; a bad record is refused naming its line")
    Map<String, Integer> importCsv(@AuthenticationPrincipal Actor actor, @RequestBody String csv,
                                   HttpServletRequest request) {
        return Map.of("imported", register.importCsv(actor, csv, RequestOrigin.of(request)));
    }
}
