package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Risk;
import dev.safeguard.program.RiskDraft;
import dev.safeguard.program.RiskLevel;
import dev.safeguard.program.RiskRegister;
import dev.safeguard.program.TechnologyInventory;
import dev.safeguard.program.ThreatCatalog;
import dev.safeguard.program.TreatmentDraft;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /program/risks}: the risk register with its 5×5 heat map (cells coloured by their NIST SP 800-30 Table I-2
 * level) and the treatment plans, and the form to record or change a risk. Auditors see it; security and compliance
 * officers also change it. The service checks the roles again.
 */
@Controller
@RequestMapping("/program/risks")
class RiskRegisterPage {

    private final RiskRegister register;
    private final ThreatCatalog catalog;
    private final TechnologyInventory inventory;
    private final Workforce workforce;

    RiskRegisterPage(RiskRegister register, ThreatCatalog catalog, TechnologyInventory inventory,
                     Workforce workforce) {
        this.register = register;
        this.catalog = catalog;
        this.inventory = inventory;
        this.workforce = workforce;
    }

    @GetMapping
    String list(@RequestParam(required = false) String saved, Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        List<Risk> risks = register.list(actor);
        model.addAttribute("risks", risks);
        model.addAttribute("heatMap", register.heatMap(actor));
        model.addAttribute("canEdit", writer(actor));
        model.addAttribute("people", people());
        if (saved != null) {
            model.addAttribute("notice", "Saved the risk.");
        }
        return "console/program-risks";
    }

    @GetMapping("/new")
    String create(Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        form(model, actor, null, RiskForm.empty());
        return "console/program-risk-form";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        form(model, actor, id, RiskForm.of(register.get(actor, id)));
        return "console/program-risk-form";
    }

    @PostMapping({"", "/{id}"})
    String save(@PathVariable(required = false) String id, RiskForm form, Model model, HttpServletRequest request,
                HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            RiskDraft draft = form.draft();
            if (id == null) {
                register.create(actor, draft, ConsoleRequest.origin(request));
            } else {
                register.update(actor, id, draft, ConsoleRequest.origin(request));
            }
            redirect.addAttribute("saved", "1");
            return "redirect:/program/risks";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            form(model, actor, id, form);
            return "console/program-risk-form";
        }
    }

    private void form(Model model, Actor actor, String id, RiskForm form) {
        model.addAttribute("riskId", id);
        model.addAttribute("form", form);
        model.addAttribute("canEdit", writer(actor));
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute("threats", catalog.list(actor, "threat"));
        model.addAttribute("assets", inventory.list(actor));
        model.addAttribute("people", people());
        model.addAttribute("approvers", workforce.active().stream().filter(m -> m.has(Role.SECURITY_OFFICER)
                || m.has(Role.COMPLIANCE_OFFICER)).toList());
    }

    private Map<String, String> people() {
        Map<String, String> people = new LinkedHashMap<>();
        workforce.active().forEach(m -> people.put(m.id(), m.displayName() + " (" + m.username() + ")"));
        return people;
    }

    static boolean writer(Actor actor) {
        return actor.has(Role.SECURITY_OFFICER) || actor.has(Role.COMPLIANCE_OFFICER);
    }

    /** The form's fields as submitted (strings; the register validates them). */
    record RiskForm(String title, String threatId, String threat, String vulnerability, List<String> assetIds,
                    String controls, String likelihood, String impact, String treatment, String plan,
                    String ownerId, String dueDate, String approverId, String residualLikelihood,
                    String residualImpact, String status) {

        static RiskForm empty() {
            return new RiskForm("", "", "", "", List.of(), "", "", "", "", "", "", "", "", "", "", "open");
        }

        static RiskForm of(Risk r) {
            var t = r.treatment();
            return new RiskForm(r.title(), text(r.threatId()), r.threat(), r.vulnerability(), r.assetIds(),
                    String.join(" ", r.controls()), r.likelihood().id(), r.impact().id(),
                    t == null ? "" : t.type(), t == null ? "" : t.plan(), t == null ? "" : text(t.ownerId()),
                    t == null || t.dueDate() == null ? "" : t.dueDate().toString(),
                    t == null ? "" : text(t.approverId()),
                    t == null || t.residualLikelihood() == null ? "" : t.residualLikelihood().id(),
                    t == null || t.residualImpact() == null ? "" : t.residualImpact().id(), r.status());
        }

        RiskDraft draft() {
            String threatText = threatId != null && !threatId.isBlank() && (threat == null || threat.isBlank())
                    ? null : threat;
            return new RiskDraft(title, threatId, threatText, vulnerability, assetIds,
                    List.of(controls == null ? new String[0] : controls.strip().split("[\\s,;]+")), likelihood, impact,
                    new TreatmentDraft(treatment, plan, ownerId, dueDate, approverId, residualLikelihood,
                            residualImpact), status);
        }

        public boolean hasAsset(String id) {
            return assetIds != null && assetIds.contains(id);
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }
}
