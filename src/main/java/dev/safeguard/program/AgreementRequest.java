package dev.safeguard.program;

import java.time.Instant;

/**
 * A business associate agreement requested from a vendor.
 *
 * @param renewsId    the agreement this one renews (same vendor, executed or expired), or {@code null}
 * @param reference   the contract's own reference or title, at most 200 characters, or {@code null}
 * @param notes       at most 4,000 characters, or {@code null}
 * @param requestedAt when it was requested ({@code null}: now); not in the future
 */
public record AgreementRequest(String vendorId, String renewsId, String reference, String notes,
                               Instant requestedAt) {
}
