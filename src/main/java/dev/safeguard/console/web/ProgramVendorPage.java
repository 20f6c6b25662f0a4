package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.BusinessAssociateAgreement;
import dev.safeguard.program.BusinessAssociateAgreements;
import dev.safeguard.program.Vendor;
import dev.safeguard.program.Vendors;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /program/vendors/{id}}: one vendor with its services, ePHI flags, contacts, subcontractors, agreements (with
 * the signed documents, verified and downloaded through the evidence pages) and service clients, the inventory assets
 * that name it, and the officers' forms: edit, link and unlink clients, and the agreement actions
 * ({@link ProgramAgreementsPage}).
 */
@Controller
@RequestMapping("/program/vendors/{id}")
class ProgramVendorPage {

    private static final Map<String, String> NOTICES = Map.of("saved", "Saved the vendor.",
            "linked", "Linked the service client: it receives ePHI only while this vendor has an agreement in force.",
            "unlinked", "Unlinked the service client.", "requested", "Recorded the agreement request.",
            "executed", "Recorded the executed agreement; the signed document is stored as signed evidence.",
            "terminated", "Terminated the agreement.");

    private final Vendors vendors;
    private final BusinessAssociateAgreements agreements;
    private final Workforce workforce;

    ProgramVendorPage(Vendors vendors, BusinessAssociateAgreements agreements, Workforce workforce) {
        this.vendors = vendors;
        this.agreements = agreements;
        this.workforce = workforce;
    }

    @GetMapping
    String detail(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
                  HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request), id);
        NOTICES.forEach((key, notice) -> {
            if (params.containsKey(key)) {
                model.addAttribute("notice", notice);
            }
        });
        return "console/program-vendor";
    }

    @GetMapping("/edit")
    String edit(@PathVariable String id, Model model, HttpServletRequest request) {
        Actor actor = ProgramVendorsPage.writer(ConsoleRequest.actor(request));
        Vendor vendor = vendors.get(actor, id);
        renderForm(model, actor, vendor, VendorForms.VendorForm.of(vendor));
        return "console/program-vendor-form";
    }

    @PostMapping
    String update(@PathVariable String id, VendorForms.VendorForm form, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            vendors.update(actor, id, form.draft(), ConsoleRequest.origin(request));
            return "redirect:/program/vendors/" + id + "?saved=1";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            renderForm(model, actor, vendors.get(actor, id), form);
            return "console/program-vendor-form";
        }
    }

    @PostMapping("/clients")
    String link(@PathVariable String id, @RequestParam(defaultValue = "") String clientId, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            vendors.link(actor, id, Problems.limited(clientId, 64, "service client"), ConsoleRequest.origin(request));
            return "redirect:/program/vendors/" + id + "?linked=1";
        } catch (ProblemException e) {
            return failed(model, response, actor, id, e);
        }
    }

    @PostMapping("/clients/{clientId}/unlink")
    String unlink(@PathVariable String id, @PathVariable String clientId, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            vendors.unlink(actor, id, clientId, ConsoleRequest.origin(request));
            return "redirect:/program/vendors/" + id + "?unlinked=1";
        } catch (ProblemException e) {
            return failed(model, response, actor, id, e);
        }
    }

    /** The detail page again with the refusal on it. */
    String failed(Model model, HttpServletResponse response, Actor actor, String id, ProblemException e) {
        Problems.show(model, response, e);
        render(model, actor, id);
        return "console/program-vendor";
    }

    void render(Model model, Actor actor, String id) {
        Vendor vendor = vendors.get(actor, id);
        List<Vendor> all = vendors.list(actor);
        List<BusinessAssociateAgreement> own = agreements.list(actor, vendor.id(), null);
        model.addAttribute("vendor", vendor);
        model.addAttribute("byId", ProgramVendorsPage.byId(all));
        model.addAttribute("subcontractors", all.stream().filter(v -> vendor.id().equals(v.parentId())).toList());
        model.addAttribute("agreements", own);
        model.addAttribute("renewable", own.stream().filter(a -> BusinessAssociateAgreement.EXECUTED.equals(a.state())
                || BusinessAssociateAgreement.EXPIRED.equals(a.state())).toList());
        model.addAttribute("openRequest", own.stream().anyMatch(a -> BusinessAssociateAgreement.REQUESTED
                .equals(a.state())));
        model.addAttribute("clients", vendors.clients(actor, vendor.id()));
        model.addAttribute("linkable", vendors.unlinkedClients(actor));
        model.addAttribute("assets", vendors.assets(actor, vendor.id()));
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
    }

    private void renderForm(Model model, Actor actor, Vendor vendor, VendorForms.VendorForm form) {
        model.addAttribute("form", form);
        model.addAttribute("vendor", vendor);
        model.addAttribute("parents", vendors.list(actor).stream().filter(v -> !v.id().equals(vendor.id())).toList());
        model.addAttribute("statuses", Vendor.STATUSES);
    }
}
