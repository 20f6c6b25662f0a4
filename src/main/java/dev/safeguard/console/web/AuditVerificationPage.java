package dev.safeguard.console.web;

import dev.safeguard.audit.AuditIntegrity;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /audit/verification}, for auditors and security officers: the latest signed tree head, and "Verify now",
 * which recomputes the whole trail (every leaf hash, the Merkle tree, every signed head in the database and the
 * checkpoint file) and shows the result: OK, or the first bad sequence number and why. The result is answered
 * directly, not redirected to: the console keeps no server-side state between requests.
 */
@Controller
@RequestMapping("/audit/verification")
class AuditVerificationPage {

    private final AuditIntegrity integrity;

    AuditVerificationPage(AuditIntegrity integrity) {
        this.integrity = integrity;
    }

    @GetMapping
    String show(Model model, HttpServletRequest request) {
        ConsoleRequest.auditReader(request);
        return render(model);
    }

    @PostMapping
    String verify(Model model, HttpServletRequest request) {
        ConsoleRequest.auditReader(request);
        model.addAttribute("result", integrity.verify());
        return render(model);
    }

    private String render(Model model) {
        try {
            model.addAttribute("head", integrity.latestTreeHead());
        } catch (ProblemException e) {
            if (e.kind() != ProblemKind.NOT_FOUND) {
                throw e;
            }
            // No head signed yet: the page says so.
        }
        return "console/audit-verification";
    }
}
