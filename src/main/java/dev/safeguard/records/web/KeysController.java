package dev.safeguard.records.web;

import dev.safeguard.audit.AuditDetails;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.audit.RequestEvents;
import dev.safeguard.crypto.CompartmentKeys;
import dev.safeguard.crypto.KeyManagement;
import dev.safeguard.crypto.KeyStatus;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Role;
import dev.safeguard.records.internal.ResourceVault;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/keys}: key lifecycle for security officers (45 CFR 164.312(a)(2)(iv)): status, KEK rotation (the rewrap
 * runs in the background; reads and writes continue), the minimum KEK version, a patient's data-key rotation, and
 * crypto-shredding a patient. Each change commits together with its audit event.
 */
@RestController
@RequestMapping("/api/keys")
class KeysController {

    private final KeyManagement management;
    private final CompartmentKeys keys;
    private final ResourceVault vault;
    private final AuditTrail trail;

    KeysController(KeyManagement management, CompartmentKeys keys, ResourceVault vault, AuditTrail trail) {
        this.management = management;
        this.keys = keys;
        this.vault = vault;
        this.trail = trail;
    }

    record Minimum(@NotNull @Min(1) Integer version) {
    }

    record Shred(@NotNull @Pattern(regexp = "Patient/[A-Za-z0-9\\-.]{1,64}") String confirm) {
    }

    record Rotated(int version) {
    }

    @GetMapping
    KeyStatus status(@AuthenticationPrincipal Actor actor) {
        officer(actor);
        return management.status();
    }

    @PostMapping("/kek/rotate")
    Rotated rotateKek(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
        officer(actor);
        int version = recorded(request, "kek-rotate", null, () -> management.rotateKek());
        return new Rotated(version);
    }

    @PostMapping(path = "/kek/minimum", consumes = "application/json")
    KeyStatus minimum(@AuthenticationPrincipal Actor actor, @Valid @RequestBody Minimum body,
                      HttpServletRequest request) {
        officer(actor);
        try {
            recorded(request, "kek-minimum", null, () -> {
                management.setMinimumKekVersion(body.version());
                return body.version();
            });
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ProblemException(ProblemKind.CONFLICT, e.getMessage());
        }
        return management.status();
    }

    @PostMapping("/patients/{id}/rotate")
    Rotated rotatePatient(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request) {
        officer(actor);
        String patient = patient(id);
        try {
            return new Rotated(recorded(request, "data-key-rotate", patient,
                    () -> keys.rotate(vault.compartmentOf(patient))));
        } catch (CompartmentKeys.CompartmentShredded e) {
            throw new ProblemException(ProblemKind.CONFLICT, "This patient's data keys were destroyed");
        }
    }

    /** Destroys the patient's data keys: every version of every resource of the patient is unreadable forever. */
    @PostMapping(path = "/patients/{id}/shred", consumes = "application/json")
    KeyStatus shred(@AuthenticationPrincipal Actor actor, @PathVariable String id, @Valid @RequestBody Shred body,
                    HttpServletRequest request) {
        officer(actor);
        String patient = patient(id);
        if (!body.confirm().equals(patient)) {
            throw new ProblemException(ProblemKind.VALIDATION, "confirm must repeat the patient reference " + patient);
        }
        recorded(request, "crypto-shred", patient, () -> {
            keys.shred(vault.compartmentOf(patient));
            return 0;
        });
        return management.status();
    }

    /** Runs the change and its audit event in one transaction; the filter then records nothing more. */
    private int recorded(HttpServletRequest request, String action, String patient,
                         java.util.function.IntSupplier change) {
        request.setAttribute(AuditDetails.REQUEST_ATTRIBUTE, new AuditDetails("key " + action, null, null, null,
                patient, null, null));
        int result = trail.atomically(() -> {
            int r = change.getAsInt();
            trail.append(RequestEvents.of(request, 200));
            return r;
        });
        request.setAttribute(AuditDetails.RECORDED_ATTRIBUTE, true);
        return result;
    }

    private static String patient(String id) {
        if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new ProblemException(ProblemKind.VALIDATION, "A patient id is 1 to 64 letters, digits, '-' or '.'");
        }
        return "Patient/" + id;
    }

    private static void officer(Actor actor) {
        if (actor == null || !actor.has(Role.SECURITY_OFFICER)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only a security officer manages keys");
        }
    }
}
