package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * A business associate agreement (164.308(b)(3), 164.314(a)(2)(i)) with its state at the time it was read:
 * {@code requested → executed → expired | terminated}. Expired is computed from {@code expiresAt} by the clock;
 * terminated is an officer's action with a date and a reason. It is in force while executed, from
 * {@code effectiveAt} until {@code expiresAt} (or its termination). A renewal is a new agreement.
 *
 * @param reference          the contract's own reference or title, or {@code null}
 * @param executedAt         when it was signed
 * @param evidenceId         the signed document, stored as sealed and signed evidence
 * @param expiresAt          when it stops being in force, or {@code null} (no fixed expiry: until terminated)
 * @param daysToExpiry       whole days from now until {@code expiresAt} while executed, else {@code null}
 * @param remindersSent      the expiry reminder thresholds (days ahead) already passed, largest first
 * @param renewed            another agreement of the vendor, executed, carries on after this one expires (so no
 *                           reminder is raised for it)
 */
public record BusinessAssociateAgreement(String id, String vendorId, String renewsId, String reference, String notes,
                                         String state, boolean inForce, Instant requestedAt, Instant createdAt,
                                         String createdBy, Instant executedAt, Instant effectiveAt, Instant expiresAt,
                                         Long daysToExpiry, String evidenceId, Instant executionRecordedAt,
                                         String executionRecordedBy, Instant terminatedAt, String terminationReason,
                                         Instant terminationRecordedAt, String terminationRecordedBy,
                                         List<Integer> remindersSent, boolean renewed) {

    public static final String REQUESTED = "requested";
    public static final String EXECUTED = "executed";
    public static final String EXPIRED = "expired";
    public static final String TERMINATED = "terminated";
    public static final List<String> STATES = List.of(REQUESTED, EXECUTED, EXPIRED, TERMINATED);

    public BusinessAssociateAgreement {
        remindersSent = List.copyOf(remindersSent);
    }
}
