package dev.safeguard.access;

import dev.safeguard.access.internal.AccessEvents;
import dev.safeguard.access.internal.AccessStore;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Scope;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Decides, for every FHIR interaction, whether the caller may read or write a resource of a type that belongs to a
 * patient (or to no patient). The rules, in order:
 * <ol>
 *   <li>auditors and compliance officers never reach ePHI, whatever other role they hold (separation of duties);</li>
 *   <li>{@code staff} read and write the demographics and scheduling types ({@link #STAFF_TYPES}) of any patient;</li>
 *   <li>clinicians read resources that belong to no patient (practitioners, organizations, medications, ...), and
 *       read and write the records of the patients they are assigned to now, or hold a break-glass grant for (those
 *       accesses carry purpose of use {@code ETREAT});</li>
 *   <li>security officers, like everyone else, have no other access to patient records;</li>
 *   <li>a service client that belongs to a vendor reaches nothing unless the {@link BusinessAssociateGate} finds a
 *       business associate agreement in force now (an error in the gate refuses too);</li>
 *   <li>service clients need a scope covering the type and the access: {@code system/} scopes reach any patient and
 *       resources of no patient, {@code patient/} scopes only the patients on the client's allow-list; a client with
 *       an allow-list reaches no other patient, whatever its scopes.</li>
 * </ol>
 */
@Service
public class AccessPolicy {

    /** Demographics and scheduling: what {@code staff} may reach. */
    public static final Set<String> STAFF_TYPES = Set.of("Patient", "RelatedPerson", "Person", "Practitioner",
            "PractitionerRole", "Organization", "Location", "HealthcareService", "Endpoint", "Appointment",
            "AppointmentResponse", "Schedule", "Slot");

    /** Read or write. */
    public enum Operation { READ, WRITE }

    /**
     * The answer.
     *
     * @param purposeOfUse {@code ETREAT} when allowed only through a break-glass grant, else {@code null}
     * @param grantId      the break-glass grant that allowed it, or {@code null}
     * @param reason       why it was refused, for the caller; never names the patient
     * @param code         a fixed reason code for the audit event of a refusal (e.g.
     *                     {@link BusinessAssociateGate#NOT_IN_FORCE}), or {@code null}
     */
    public record Decision(boolean allowed, String purposeOfUse, String grantId, String reason, String code) {
        static final Decision ALLOW = new Decision(true, null, null, null, null);

        public Decision(boolean allowed, String purposeOfUse, String grantId, String reason) {
            this(allowed, purposeOfUse, grantId, reason, null);
        }

        static Decision deny(String reason) {
            return new Decision(false, null, null, reason, null);
        }
    }

    /**
     * What a search may return.
     *
     * @param everyPatient the caller may see the type for every patient (and for no patient)
     * @param patients     otherwise, the ids of the patients whose resources it may see
     * @param noPatient    whether it may see resources that belong to no patient
     */
    public record Visibility(boolean everyPatient, Set<String> patients, boolean noPatient) {
    }

    private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);

    private final AccessStore store;
    private final Clock clock;
    private final BusinessAssociateGate agreements;

    AccessPolicy(AccessStore store, Clock clock, BusinessAssociateGate agreements) {
        this.store = store;
        this.clock = clock;
        this.agreements = agreements;
    }

    /**
     * @param patientId the patient the resource belongs to (the Patient's own id for a Patient), or {@code null}
     */
    public Decision decide(Actor actor, Operation operation, String type, String patientId) {
        if (actor.kind() == Actor.Kind.SERVICE_CLIENT) {
            Refused refused = businessAssociateRefusal(actor);
            return refused != null ? new Decision(false, null, null, refused.getMessage(), refused.code())
                    : client(actor, operation, type, patientId);
        }
        if (actor.has(Role.AUDITOR) || actor.has(Role.COMPLIANCE_OFFICER)) {
            return Decision.deny("Auditors and compliance officers do not see patient records");
        }
        if (actor.has(Role.STAFF) && STAFF_TYPES.contains(type)) {
            return Decision.ALLOW;
        }
        if (!actor.has(Role.CLINICIAN)) {
            return Decision.deny(actor.has(Role.STAFF) ? "Staff reach only demographics and scheduling ("
                    + type + " is clinical)" : "Your roles give no access to patient records");
        }
        if (patientId == null) {
            return operation == Operation.READ ? Decision.ALLOW
                    : Decision.deny("Clinicians write only records that belong to a patient they care for");
        }
        long now = clock.millis();
        if (store.assigned(actor.id(), patientId, now)) {
            return Decision.ALLOW;
        }
        return store.liveGrant(actor.id(), patientId, now)
                .map(g -> new Decision(true, AccessEvents.ETREAT, g.id(), null))
                .orElseGet(() -> Decision.deny("You are not on this patient's care team; in an emergency, request "
                        + "break-glass access"));
    }

    /**
     * Refuses a caller who can reach no resource of the type at all, before any resource is opened.
     *
     * @throws Refused with the reason
     */
    public void requireReach(Actor actor, Operation operation, String type) {
        if (actor.kind() == Actor.Kind.SERVICE_CLIENT) {
            Refused refused = businessAssociateRefusal(actor);
            if (refused != null) {
                throw refused;
            }
            if (covering(actor, type, operation).isEmpty()) {
                throw new Refused(missingScope(type, operation));
            }
            return;
        }
        if (actor.has(Role.AUDITOR) || actor.has(Role.COMPLIANCE_OFFICER)) {
            throw new Refused("Auditors and compliance officers do not see patient records");
        }
        if (actor.has(Role.CLINICIAN) || actor.has(Role.STAFF) && STAFF_TYPES.contains(type)) {
            return;
        }
        throw new Refused(actor.has(Role.STAFF) ? "Staff reach only demographics and scheduling (" + type
                + " is clinical)" : "Your roles give no access to patient records");
    }

    /**
     * What a search of {@code type} may return to the caller.
     *
     * @throws Refused when the caller may see no resource of the type at all
     */
    public Visibility visibility(Actor actor, String type) {
        if (actor.kind() == Actor.Kind.SERVICE_CLIENT) {
            Refused refused = businessAssociateRefusal(actor);
            if (refused != null) {
                throw refused;
            }
            List<Scope> covering = covering(actor, type, Operation.READ);
            if (covering.isEmpty()) {
                throw new Refused(missingScope(type, Operation.READ));
            }
            boolean system = covering.stream().anyMatch(s -> !s.patientContext());
            return system && actor.patients().isEmpty() ? new Visibility(true, Set.of(), true)
                    : new Visibility(false, actor.patients(), system);
        }
        if (!actor.has(Role.CLINICIAN) || actor.has(Role.AUDITOR) || actor.has(Role.COMPLIANCE_OFFICER)) {
            Decision typeLevel = decide(actor, Operation.READ, type, null);
            if (typeLevel.allowed()) {
                return new Visibility(true, Set.of(), true);
            }
            throw new Refused(typeLevel.reason());
        }
        if (actor.has(Role.STAFF) && STAFF_TYPES.contains(type)) {
            return new Visibility(true, Set.of(), true);
        }
        long now = clock.millis();
        Set<String> patients = new LinkedHashSet<>(store.assignedPatients(actor.id(), now));
        patients.addAll(store.grantedPatients(actor.id(), now));
        return new Visibility(false, patients, true);
    }

    /** The gate's refusal of a vendor's client, or {@code null}; any failure of the gate refuses (fail closed). */
    private Refused businessAssociateRefusal(Actor actor) {
        Optional<String> refusal;
        try {
            refusal = agreements.refusal(actor.id(), clock.instant());
        } catch (RuntimeException e) {
            // Refused below (fail closed); logged by type only, so no PHI or SQL reaches the log.
            log.atWarn().addKeyValue("client", actor.id()).addKeyValue("error", e.getClass().getSimpleName())
                    .log("The business associate agreement check failed; the request is refused");
            return new Refused("The business associate agreement of this service client could not be checked; no "
                    + "ePHI is released until it can be (45 CFR 164.308(b))", BusinessAssociateGate.CHECK_FAILED);
        }
        return refusal == null ? new Refused("The business associate agreement of this service client could not be "
                + "checked", BusinessAssociateGate.CHECK_FAILED)
                : refusal.map(reason -> new Refused(reason, BusinessAssociateGate.NOT_IN_FORCE)).orElse(null);
    }

    private Decision client(Actor actor, Operation operation, String type, String patientId) {
        List<Scope> covering = covering(actor, type, operation);
        if (covering.isEmpty()) {
            return Decision.deny(missingScope(type, operation));
        }
        boolean system = covering.stream().anyMatch(s -> !s.patientContext());
        if (patientId == null) {
            return system ? Decision.ALLOW : Decision.deny("patient/ scopes reach only the allow-listed patients' "
                    + "records; this resource belongs to no patient");
        }
        if (actor.patients().isEmpty() ? system : actor.patients().contains(patientId)) {
            return Decision.ALLOW;
        }
        return Decision.deny("This API key's patient allow-list does not include the patient");
    }

    private static List<Scope> covering(Actor actor, String type, Operation operation) {
        return actor.scopes().stream().filter(s -> s.covers(type, operation == Operation.WRITE)).toList();
    }

    private static String missingScope(String type, Operation operation) {
        String access = operation == Operation.WRITE ? "write" : "read";
        return "This API key has no scope for " + access + " of " + type + " (e.g. system/" + type + "." + access
                + " or system/*." + access + ")";
    }

    /** The caller may not see any resource of the type. */
    public static final class Refused extends RuntimeException {
        private final String code;

        public Refused(String message) {
            this(message, null);
        }

        /** @param code a fixed reason code for the audit event, or {@code null} */
        public Refused(String message, String code) {
            super(message, null, false, false);
            this.code = code;
        }

        /** The fixed reason code for the audit event, or {@code null}. */
        public String code() {
            return code;
        }
    }
}
