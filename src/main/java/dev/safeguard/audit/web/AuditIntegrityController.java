package dev.safeguard.audit.web;

import dev.safeguard.audit.AuditIntegrity;
import dev.safeguard.audit.AuditVerification;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/audit}: verification, signed tree heads, the public key and proofs (auditors, security officers). */
@RestController
@RequestMapping("/api/audit")
class AuditIntegrityController {

    private final AuditIntegrity integrity;

    AuditIntegrityController(AuditIntegrity integrity) {
        this.integrity = integrity;
    }

    @PostMapping("/verification")
    AuditVerification verify() {
        return integrity.verify();
    }

    @GetMapping("/tree-head")
    AuditIntegrity.SignedTreeHead treeHead() {
        return integrity.latestTreeHead();
    }

    @GetMapping(path = "/public-key")
    ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(integrity.publicKeyset());
    }

    @GetMapping("/events/{seq}/inclusion-proof")
    AuditIntegrity.InclusionProof inclusion(@PathVariable long seq,
                                            @RequestParam(required = false) Long treeSize) {
        return integrity.inclusion(seq, treeSize);
    }

    @GetMapping("/consistency-proof")
    AuditIntegrity.ConsistencyProof consistency(@RequestParam long first, @RequestParam long second) {
        return integrity.consistency(first, second);
    }
}
