package dev.safeguard.program.vendors.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.ServiceClientView;
import dev.safeguard.program.Vendor;
import dev.safeguard.program.Vendors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/program/vendors/{id}/clients}: the service clients that belong to a vendor. Such a client gets no ePHI
 * unless the vendor has a business associate agreement in force.
 */
@RestController
@RequestMapping("/api/program/vendors/{vendorId}/clients")
@Tag(name = "Vendor service clients", description = "Which service clients belong to a vendor; they receive ePHI only "
        + "while the vendor has a business associate agreement in force (403 otherwise)")
class VendorClientsController {

    private final Vendors vendors;

    VendorClientsController(Vendors vendors) {
        this.vendors = vendors;
    }

    @GetMapping
    @Operation(summary = "The vendor's service clients (without secrets)")
    List<ServiceClientView> list(@AuthenticationPrincipal Actor actor, @PathVariable String vendorId) {
        return vendors.clients(actor, vendorId);
    }

    @PutMapping("/{clientId}")
    @Operation(summary = "Make a service client belong to the vendor (409 when it belongs to another one)")
    Vendor link(@AuthenticationPrincipal Actor actor, @PathVariable String vendorId, @PathVariable String clientId,
                HttpServletRequest request) {
        return vendors.link(actor, vendorId, clientId, RequestOrigin.of(request));
    }

    @DeleteMapping("/{clientId}")
    @Operation(summary = "End a service client's belonging to the vendor")
    Vendor unlink(@AuthenticationPrincipal Actor actor, @PathVariable String vendorId, @PathVariable String clientId,
                  HttpServletRequest request) {
        return vendors.unlink(actor, vendorId, clientId, RequestOrigin.of(request));
    }
}
