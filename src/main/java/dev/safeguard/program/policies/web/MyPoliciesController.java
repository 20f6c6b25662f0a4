package dev.safeguard.program.policies.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.MyPolicy;
import dev.safeguard.program.PolicyAcknowledgments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/me/policies}: the policies in force the signed-in user must read and acknowledge. */
@RestController
@RequestMapping("/api/me/policies")
@Tag(name = "My policies", description = "Every workforce member reads and acknowledges the policies in force")
class MyPoliciesController {

    private final PolicyAcknowledgments acknowledgments;

    MyPoliciesController(PolicyAcknowledgments acknowledgments) {
        this.acknowledgments = acknowledgments;
    }

    /** @param version the version read, which must be the one in force */
    record Acknowledgment(Integer version) {
    }

    @GetMapping
    @Operation(summary = "The policies in force that ask me for an acknowledgment, not yet acknowledged first")
    List<MyPolicy> list(@AuthenticationPrincipal Actor actor) {
        return acknowledgments.mine(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One policy in force with its text and my acknowledgment")
    MyPolicy get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return acknowledgments.mine(actor, id);
    }

    @PostMapping(path = "/{id}/acknowledgment", consumes = "application/json")
    @Operation(summary = "Acknowledge that I read and understood the version in force (once; a repeat changes "
            + "nothing)")
    MyPolicy acknowledge(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                         @RequestBody Acknowledgment body, HttpServletRequest request) {
        return acknowledgments.acknowledge(actor, id, body.version(), RequestOrigin.of(request));
    }
}
