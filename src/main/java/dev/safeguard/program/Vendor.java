package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * A vendor (164.308(b)): what it provides, whether it creates, receives, maintains or transmits ePHI, its contacts,
 * the business associate above it when it is a subcontractor, and its business associate agreement coverage now.
 *
 * @param handlesEphi        any of the four ePHI flags
 * @param agreement          the coverage now: {@code in-force}, {@code not-yet-effective} (executed, effective
 *                           later), {@code requested}, {@code expired}, {@code terminated} or {@code none}
 * @param agreementId        the agreement in force, else the most recent one, or {@code null}
 * @param agreementExpiresAt when the agreement in force expires, or {@code null} (none in force, or no fixed expiry)
 * @param daysToExpiry       whole days until then, or {@code null}
 * @param subcontractorIds   the vendors whose parent this vendor is
 * @param clientIds          the service clients that belong to it
 */
public record Vendor(String id, String name, String parentId, List<String> services, boolean createsEphi,
                     boolean receivesEphi, boolean maintainsEphi, boolean transmitsEphi, List<VendorContact> contacts,
                     String status, String notes, Instant createdAt, String createdBy, Instant updatedAt,
                     String updatedBy, boolean handlesEphi, String agreement, String agreementId,
                     Instant agreementExpiresAt, Long daysToExpiry, List<String> subcontractorIds,
                     List<String> clientIds) {

    public static final String PROSPECTIVE = "prospective";
    public static final String ACTIVE = "active";
    public static final String OFFBOARDED = "offboarded";
    public static final List<String> STATUSES = List.of(PROSPECTIVE, ACTIVE, OFFBOARDED);

    public static final String IN_FORCE = "in-force";
    public static final String NOT_YET_EFFECTIVE = "not-yet-effective";
    public static final String NONE = "none";

    public Vendor {
        services = List.copyOf(services);
        contacts = List.copyOf(contacts);
        subcontractorIds = List.copyOf(subcontractorIds);
        clientIds = List.copyOf(clientIds);
    }

    /**
     * An active vendor that handles ePHI needs an agreement in force (164.308(b)(1)); the checks and the coverage
     * metric count these. (Enforcement does not depend on it: the clients of any vendor, prospective ones included,
     * get no ePHI without an agreement in force.)
     */
    public boolean agreementRequired() {
        return handlesEphi && ACTIVE.equals(status);
    }

    /** The vendor is a subcontractor of another vendor. */
    public boolean subcontractor() {
        return parentId != null;
    }

    /** The ePHI flags as letters for tables: C(reates), R(eceives), M(aintains), T(ransmits), or "none". */
    public String ephiLetters() {
        String letters = (createsEphi ? "C" : "") + (receivesEphi ? "R" : "") + (maintainsEphi ? "M" : "")
                + (transmitsEphi ? "T" : "");
        return letters.isEmpty() ? "none" : letters;
    }
}
