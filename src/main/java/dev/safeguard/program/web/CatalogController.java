package dev.safeguard.program.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.program.Catalog;
import dev.safeguard.program.CatalogView;
import dev.safeguard.program.Specification;
import dev.safeguard.program.internal.ProgramRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/catalog}: the Security Rule catalog, as in force or as the 2025 proposed rule would have it. */
@RestController
@RequestMapping("/api/program/catalog")
@Tag(name = "Program: catalog", description = "Standards and implementation specifications of 45 CFR 164.308-164.316")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    record CatalogPage(String view, String source, int count, List<Specification> specifications) {
    }

    @GetMapping
    @Operation(summary = "Every standard and implementation specification with citation, category and R/A status")
    CatalogPage catalog(@AuthenticationPrincipal Actor actor,
                        @Parameter(description = "current (default) or proposed (90 FR 898)")
                        @RequestParam(required = false) String view) {
        ProgramRoles.requireReader(actor);
        CatalogView v = CatalogView.of(view);
        List<Specification> specs = catalog.specifications(v);
        return new CatalogPage(v.id(), catalog.source(v), specs.size(), specs);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One specification by its CFR citation, e.g. 164.312(a)(2)(iv)")
    Specification specification(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                @RequestParam(required = false) String view) {
        ProgramRoles.requireReader(actor);
        return catalog.specification(id, CatalogView.of(view));
    }
}
