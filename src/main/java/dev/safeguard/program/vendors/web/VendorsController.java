package dev.safeguard.program.vendors.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.Vendor;
import dev.safeguard.program.VendorDraft;
import dev.safeguard.program.Vendors;
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

/** {@code /api/program/vendors}: vendors, their ePHI role, contacts, subcontractors and agreement coverage. */
@RestController
@RequestMapping("/api/program/vendors")
@Tag(name = "Vendors", description = "Vendors and business associates (164.308(b), 164.314(a)): services, whether "
        + "they create, receive, maintain or transmit ePHI, contacts, subcontractors, and their business associate "
        + "agreement coverage now")
class VendorsController {

    private final Vendors vendors;

    VendorsController(Vendors vendors) {
        this.vendors = vendors;
    }

    @GetMapping
    @Operation(summary = "Every vendor by name, with its agreement coverage (in-force, not-yet-effective, requested, "
            + "expired, terminated, none) and days to expiry")
    List<Vendor> list(@AuthenticationPrincipal Actor actor) {
        return vendors.list(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One vendor")
    Vendor get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return vendors.get(actor, id);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a vendor {name, parentId (for a subcontractor), services, createsEphi, receivesEphi, "
            + "maintainsEphi, transmitsEphi, contacts [{name, role, email, phone}], status, notes}; names are unique")
    Vendor create(@AuthenticationPrincipal Actor actor, @RequestBody VendorDraft body, HttpServletRequest request) {
        return vendors.create(actor, body, RequestOrigin.of(request));
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Replace a vendor's fields; status offboarded offboards it (refused while it has service "
            + "clients)")
    Vendor update(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody VendorDraft body,
                  HttpServletRequest request) {
        return vendors.update(actor, id, body, RequestOrigin.of(request));
    }
}
