package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.program.AgreementExecution;
import dev.safeguard.program.AgreementRequest;
import dev.safeguard.program.BusinessAssociateAgreements;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The business associate agreement actions of the vendor page: request (or renew), execute with the signed document
 * (a file input; the document becomes signed evidence) and terminate. A refusal shows on the vendor page again.
 */
@Controller
@RequestMapping("/program/vendors/{id}/baas")
class ProgramAgreementsPage {

    private final BusinessAssociateAgreements agreements;
    private final ProgramVendorPage page;
    private final Clock clock;

    ProgramAgreementsPage(BusinessAssociateAgreements agreements, ProgramVendorPage page, Clock clock) {
        this.agreements = agreements;
        this.page = page;
        this.clock = clock;
    }

    @PostMapping
    String request(@PathVariable String id, @RequestParam(defaultValue = "") String requestedOn,
                   @RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String notes,
                   @RequestParam(defaultValue = "") String renewsId, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            agreements.request(actor, new AgreementRequest(id, renewsId, Problems.limited(reference, 400, "reference"),
                    Problems.limited(notes, 8000, "notes"), VendorForms.dayOrNow(requestedOn, "request date", clock)),
                    ConsoleRequest.origin(request));
            return "redirect:/program/vendors/" + id + "?requested=1";
        } catch (ProblemException e) {
            return page.failed(model, response, actor, id, e);
        }
    }

    @PostMapping("/{agreementId}/execution")
    String execute(@PathVariable String id, @PathVariable String agreementId,
                   @RequestParam(defaultValue = "") String executedOn,
                   @RequestParam(defaultValue = "") String effectiveOn,
                   @RequestParam(defaultValue = "") String lastDayInForce,
                   @RequestParam(required = false) MultipartFile document, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            owned(actor, id, agreementId);
            if (document == null || document.isEmpty()) {
                throw new ProblemException(ProblemKind.VALIDATION, "Choose the signed agreement's file (at most "
                        + "10 MiB)");
            }
            agreements.execute(actor, agreementId, new AgreementExecution(
                    VendorForms.dayOrNow(executedOn, "signature date", clock),
                    VendorForms.startOf(effectiveOn, "effective date"),
                    VendorForms.endOf(lastDayInForce, "last day in force"), bytes(document),
                    document.getContentType(), document.getOriginalFilename()), ConsoleRequest.origin(request));
            return "redirect:/program/vendors/" + id + "?executed=1";
        } catch (ProblemException e) {
            return page.failed(model, response, actor, id, e);
        }
    }

    @PostMapping("/{agreementId}/termination")
    String terminate(@PathVariable String id, @PathVariable String agreementId,
                     @RequestParam(defaultValue = "") String terminatedOn,
                     @RequestParam(defaultValue = "") String reason, Model model, HttpServletRequest request,
                     HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            owned(actor, id, agreementId);
            agreements.terminate(actor, agreementId, VendorForms.dayOrNow(terminatedOn, "termination date", clock),
                    Problems.limited(reason, 2000, "reason"), ConsoleRequest.origin(request));
            return "redirect:/program/vendors/" + id + "?terminated=1";
        } catch (ProblemException e) {
            return page.failed(model, response, actor, id, e);
        }
    }

    /** Refuses an agreement of another vendor than the page's, so a form never acts on another vendor's. */
    private void owned(Actor actor, String vendorId, String agreementId) {
        if (!agreements.get(actor, agreementId).vendorId().equals(vendorId)) {
            throw new ProblemException(ProblemKind.NOT_FOUND, "Vendor " + vendorId + " has no agreement "
                    + agreementId);
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
