package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Asset;
import dev.safeguard.program.AssetDraft;
import dev.safeguard.program.DataFlowDraft;
import dev.safeguard.program.DataFlowMap;
import dev.safeguard.program.DataFlows;
import dev.safeguard.program.TechnologyInventory;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /program/inventory}: the technology asset inventory with the form to add an asset, and
 * {@code /program/inventory/data-flows}: the data flows with the ePHI data-flow map, drawn as SVG when Graphviz is
 * installed and shown as DOT source otherwise (the page says which). The SVG is served as an image, so nothing in it
 * can run in the page.
 */
@Controller
@RequestMapping("/program/inventory")
class InventoryPage {

    private final TechnologyInventory inventory;
    private final DataFlows flows;
    private final Workforce workforce;

    InventoryPage(TechnologyInventory inventory, DataFlows flows, Workforce workforce) {
        this.inventory = inventory;
        this.flows = flows;
        this.workforce = workforce;
    }

    @GetMapping
    String list(@RequestParam(required = false) String saved, Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        render(model, actor, AssetForm.empty());
        if (saved != null) {
            model.addAttribute("notice", "Added the asset.");
        }
        return "console/program-inventory";
    }

    @PostMapping
    String add(AssetForm form, Model model, HttpServletRequest request, HttpServletResponse response,
               RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            inventory.create(actor, form.draft(), ConsoleRequest.origin(request));
            redirect.addAttribute("saved", "1");
            return "redirect:/program/inventory";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            render(model, actor, form);
            return "console/program-inventory";
        }
    }

    @GetMapping("/data-flows")
    String dataFlows(@RequestParam(required = false) String saved, Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        renderFlows(model, actor);
        if (saved != null) {
            model.addAttribute("notice", "Added the data flow.");
        }
        return "console/program-data-flows";
    }

    @PostMapping("/data-flows")
    String addFlow(DataFlowForm form, Model model, HttpServletRequest request, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            flows.create(actor, new DataFlowDraft(form.sourceAssetId(), form.targetAssetId(), form.data(),
                    form.protocol(), form.encrypted(), form.ephi()), ConsoleRequest.origin(request));
            redirect.addAttribute("saved", "1");
            return "redirect:/program/inventory/data-flows";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            renderFlows(model, actor);
            return "console/program-data-flows";
        }
    }

    /** The map as SVG, for the page's {@code img}; 404 when Graphviz is not installed. */
    @GetMapping("/data-flow-map.svg")
    @ResponseBody
    ResponseEntity<String> svg(HttpServletRequest request) {
        DataFlowMap map = flows.map(ConsoleRequest.actor(request));
        if (!map.rendered()) {
            throw new ProblemException(ProblemKind.NOT_FOUND, map.note());
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "image/svg+xml").body(map.svg());
    }

    private void render(Model model, Actor actor, AssetForm form) {
        model.addAttribute("assets", inventory.list(actor));
        model.addAttribute("canEdit", RiskRegisterPage.writer(actor));
        model.addAttribute("form", form);
        model.addAttribute("kinds", TechnologyInventory.KINDS);
        model.addAttribute("encryptions", TechnologyInventory.ENCRYPTION);
        Map<String, String> people = new LinkedHashMap<>();
        workforce.active().forEach(m -> people.put(m.id(), m.displayName() + " (" + m.username() + ")"));
        model.addAttribute("people", people);
    }

    private void renderFlows(Model model, Actor actor) {
        List<Asset> assets = inventory.list(actor);
        model.addAttribute("assets", assets.stream().filter(Asset::active).toList());
        model.addAttribute("flows", flows.list(actor));
        model.addAttribute("map", flows.map(actor));
        model.addAttribute("canEdit", RiskRegisterPage.writer(actor));
    }

    /** The asset form as submitted. */
    record AssetForm(String name, String kind, Boolean ephi, String location, String ownerId, String encryption,
                     Boolean centralLogging, String vendor, String description) {

        static AssetForm empty() {
            return new AssetForm("", "", false, "", "", "", false, "", "");
        }

        AssetDraft draft() {
            return new AssetDraft(name, kind, ephi, location, ownerId, encryption, centralLogging, vendor, description,
                    "active");
        }
    }

    /** The data-flow form as submitted. */
    record DataFlowForm(String sourceAssetId, String targetAssetId, String data, String protocol, Boolean encrypted,
                        Boolean ephi) {
    }
}
