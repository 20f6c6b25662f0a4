package dev.safeguard.access;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a service client may receive ePHI under the business associate standard (45 CFR 164.308(b)(1),
 * 164.314(a)): a client that belongs to a vendor gets no ePHI unless the vendor (and, for a subcontractor, every
 * business associate above it) has a business associate agreement in force at the time of the request. Clients that
 * belong to no vendor are not affected. The compliance program implements it; {@link AccessPolicy} consults it for
 * every service client on every FHIR interaction, before scopes and allow-lists.
 *
 * <p>Contract for implementations: answer from memory in the common case (it is on the hot path of every request by
 * a service client), compare agreement dates with {@code at} on every call (so an expiry takes effect at its exact
 * instant), and never return empty when unsure. A thrown exception denies (fail closed).
 */
public interface BusinessAssociateGate {

    /** The audit reason code of a request refused because no agreement is in force. */
    String NOT_IN_FORCE = "baa-not-in-force";
    /** The audit reason code of a request refused because the agreement could not be checked. */
    String CHECK_FAILED = "baa-check-failed";

    /**
     * Why the client may not receive ePHI at {@code at}, in words for the caller (ids only, no PHI); empty when it
     * may (including when it belongs to no vendor).
     */
    Optional<String> refusal(String clientId, Instant at);
}
