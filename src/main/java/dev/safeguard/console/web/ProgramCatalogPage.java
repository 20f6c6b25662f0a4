package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Catalog;
import dev.safeguard.program.CatalogView;
import dev.safeguard.program.Control;
import dev.safeguard.program.Controls;
import dev.safeguard.program.Specification;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /program/catalog}: every standard and implementation specification with the organization's control and
 * 164.306(d) decision, as in force or (with {@code ?view=proposed}) as the January 2025 proposed rule would have it.
 */
@Controller
class ProgramCatalogPage {

    private final Catalog catalog;
    private final Controls controls;
    private final Workforce workforce;

    ProgramCatalogPage(Catalog catalog, Controls controls, Workforce workforce) {
        this.catalog = catalog;
        this.controls = controls;
        this.workforce = workforce;
    }

    /** A catalog row: the item in the chosen view, and the organization's control (always under the rule in force). */
    record Row(Specification specification, Control control) {
    }

    @GetMapping("/program/catalog")
    String catalog(@RequestParam(required = false) String view, Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        CatalogView chosen = CatalogView.of(view);
        Map<String, Control> byId = controls.list(actor).stream()
                .collect(Collectors.toMap(c -> c.specification().id(), Function.identity()));
        Map<String, List<Row>> byCategory = new LinkedHashMap<>();
        for (Specification spec : catalog.specifications(chosen)) {
            byCategory.computeIfAbsent(spec.category(), k -> new java.util.ArrayList<>())
                    .add(new Row(spec, byId.get(spec.id())));
        }
        model.addAttribute("view", chosen.id());
        model.addAttribute("source", catalog.source(chosen));
        model.addAttribute("categories", byCategory);
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
        return "console/program-catalog";
    }
}
