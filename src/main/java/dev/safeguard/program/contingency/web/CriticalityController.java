package dev.safeguard.program.contingency.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.CriticalityDraft;
import dev.safeguard.program.CriticalityEntry;
import dev.safeguard.program.CriticalityList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/contingency/criticality}: the applications and data criticality analysis. */
@RestController
@RequestMapping("/api/program/contingency/criticality")
@Tag(name = "Contingency")
class CriticalityController {

    private final CriticalityList list;

    CriticalityController(CriticalityList list) {
        this.list = list;
    }

    @GetMapping
    @Operation(summary = "Every entry, most critical first (tier, then recovery time objective)")
    List<CriticalityEntry> entries(@AuthenticationPrincipal Actor actor) {
        return list.list(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One entry")
    CriticalityEntry get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return list.get(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an entry {assetId, tier (1-4), rtoMinutes, rpoMinutes, dependencies, notes}; one per "
            + "asset (409 after)")
    CriticalityEntry create(@AuthenticationPrincipal Actor actor, @RequestBody CriticalityDraft draft,
                            HttpServletRequest request) {
        return list.create(actor, draft, RequestOrigin.of(request));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change an entry; baseVersion names the version changed (409 when stale)")
    CriticalityEntry update(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                            @RequestBody CriticalityDraft draft, HttpServletRequest request) {
        return list.update(actor, id, draft, RequestOrigin.of(request));
    }
}
