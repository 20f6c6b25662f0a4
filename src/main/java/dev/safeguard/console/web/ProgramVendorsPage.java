package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.BusinessAssociateAgreement;
import dev.safeguard.program.BusinessAssociateAgreements;
import dev.safeguard.program.Vendor;
import dev.safeguard.program.VendorSettings;
import dev.safeguard.program.Vendors;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /program/vendors}: every vendor with its business associate agreement coverage and days to expiry, the
 * agreements coming up for expiry with the reminders already raised, and the form to record a vendor. Readers see,
 * officers change.
 */
@Controller
@RequestMapping("/program/vendors")
class ProgramVendorsPage {

    private final Vendors vendors;
    private final BusinessAssociateAgreements agreements;
    private final VendorSettings settings;
    private final Workforce workforce;

    ProgramVendorsPage(Vendors vendors, BusinessAssociateAgreements agreements, VendorSettings settings,
                       Workforce workforce) {
        this.vendors = vendors;
        this.agreements = agreements;
        this.settings = settings;
        this.workforce = workforce;
    }

    @GetMapping
    String list(Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        List<Vendor> all = vendors.list(actor);
        int horizon = settings.reminderDays().get(0);
        List<BusinessAssociateAgreement> expiring = agreements.list(actor, null, BusinessAssociateAgreement.EXECUTED)
                .stream().filter(a -> a.daysToExpiry() != null && a.daysToExpiry() <= horizon && !a.renewed())
                .sorted(Comparator.comparing(BusinessAssociateAgreement::expiresAt)).toList();
        model.addAttribute("vendors", all);
        model.addAttribute("names", all.stream().collect(Collectors.toMap(Vendor::id, Vendor::name)));
        model.addAttribute("expiring", expiring);
        model.addAttribute("horizon", horizon);
        model.addAttribute("reminderDays", settings.reminderDays());
        return "console/program-vendors";
    }

    @GetMapping("/new")
    String form(Model model, HttpServletRequest request) {
        render(model, writer(ConsoleRequest.actor(request)), VendorForms.VendorForm.empty());
        return "console/program-vendor-form";
    }

    @PostMapping
    String create(VendorForms.VendorForm form, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            Vendor vendor = vendors.create(actor, form.draft(), ConsoleRequest.origin(request));
            return "redirect:/program/vendors/" + vendor.id() + "?saved=1";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            render(model, actor, form);
            return "console/program-vendor-form";
        }
    }

    private void render(Model model, Actor actor, VendorForms.VendorForm form) {
        model.addAttribute("form", form);
        model.addAttribute("vendor", null);
        model.addAttribute("parents", vendors.list(actor));
        model.addAttribute("statuses", Vendor.STATUSES);
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
    }

    /** The actor, if they may change vendors; readers get 403 instead of a form they cannot send. */
    static Actor writer(Actor actor) {
        if (!ProgramPages.writes(actor)) {
            throw new ProblemException(dev.safeguard.shared.ProblemKind.FORBIDDEN, "Only security and compliance "
                    + "officers record and change vendors");
        }
        return actor;
    }

    static Map<String, Vendor> byId(List<Vendor> vendors) {
        return vendors.stream().collect(Collectors.toMap(Vendor::id, Function.identity()));
    }
}
