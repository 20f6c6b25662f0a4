package dev.safeguard.audit;

import dev.safeguard.shared.SecurityEvent;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.util.Objects;

/**
 * What happened, as a caller hands it to the {@link AuditTrail} (NIST SP 800-53 AU-3; maps to a FHIR R4 AuditEvent).
 * The trail adds the sequence number, event id, recorded time and node id, and replaces {@code patientReference} and
 * {@code query} by keyed pseudonyms before anything is stored.
 *
 * @param type             event family: {@code rest}, {@code authentication}, {@code user-admin}, ...
 * @param subtype          what happened within the family, e.g. {@code GET /api/users/{id}} or {@code login}
 * @param action           C/R/U/D/E
 * @param outcome          success, minor failure (the caller's mistake or a denial), serious failure
 * @param status           the HTTP status, or {@code null} outside HTTP
 * @param agent            who acted, from where
 * @param purposeOfUse     e.g. {@code TREAT}, {@code ETREAT} for break-glass; {@code null} when not given
 * @param entityType       resource type acted on, or {@code null}
 * @param entityId         its id, or {@code null} (a Patient's id is stored only as a pseudonym)
 * @param entityVersion    its version, or {@code null}
 * @param patientReference the patient whose data was touched (clear here; stored only as a pseudonym)
 * @param query            query parameters (clear here; stored only as a pseudonym)
 * @param resultCount      number of results returned, or {@code null}
 * @param requestId        the request's id (also sent as {@code X-Request-Id}), or {@code null}
 * @param reason           a fixed reason code for failures, or {@code null}
 */
public record AuditEvent(String type, String subtype, Action action, Outcome outcome, Integer status, Agent agent,
                         String purposeOfUse, String entityType, String entityId, String entityVersion,
                         String patientReference, String query, Integer resultCount, String requestId,
                         String reason) {

    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subtype, "subtype");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(agent, "agent");
    }

    /** The audit record of a security event published by another module. */
    public static AuditEvent of(SecurityEvent event) {
        return new AuditEvent(event.type(), event.subtype(), event.action(), event.outcome(), null, event.agent(),
                null, event.entity() == null ? null : event.entity().type(),
                event.entity() == null ? null : event.entity().id(), null, null, null, null, null, event.reason());
    }

    @Override
    public String toString() {
        return "AuditEvent[" + type + " " + subtype + " " + outcome + "]";
    }
}
