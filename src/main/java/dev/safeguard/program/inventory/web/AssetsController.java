package dev.safeguard.program.inventory.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Asset;
import dev.safeguard.program.AssetDraft;
import dev.safeguard.program.TechnologyInventory;
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

/** {@code /api/program/assets}: the technology asset inventory, with CSV export and all-or-nothing CSV import. */
@RestController
@RequestMapping("/api/program/assets")
@Tag(name = "Inventory", description = "Technology assets that store, receive, maintain or transmit ePHI")
class AssetsController {

    static final String CSV = "text/csv";

    private final TechnologyInventory inventory;

    AssetsController(TechnologyInventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping
    @Operation(summary = "List every asset, active ones first (Safeguard's own parts included)")
    List<Asset> list(@AuthenticationPrincipal Actor actor) {
        return inventory.list(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one asset")
    Asset get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return inventory.get(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an asset (security and compliance officers)")
    Asset create(@AuthenticationPrincipal Actor actor, @RequestBody AssetDraft body, HttpServletRequest request) {
        return inventory.create(actor, body, RequestOrigin.of(request));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Replace an asset's fields; status 'retired' retires it (Safeguard's own parts: 409)")
    Asset update(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody AssetDraft body,
                 HttpServletRequest request) {
        return inventory.update(actor, id, body, RequestOrigin.of(request));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the inventory as CSV (RFC 4180)")
    ResponseEntity<String> export(@AuthenticationPrincipal Actor actor) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assets.csv\"")
                .header(HttpHeaders.CONTENT_TYPE, CSV + ";charset=UTF-8").body(inventory.exportCsv(actor));
    }

    @PostMapping(path = "/import", consumes = CSV)
    @Operation(summary = "Import assets from CSV: all or nothing; a bad record is refused naming its line")
    Map<String, Integer> importCsv(@AuthenticationPrincipal Actor actor, @RequestBody String csv,
                                   HttpServletRequest request) {
        return Map.of("imported", inventory.importCsv(actor, csv, RequestOrigin.of(request)));
    }
}
