package dev.safeguard.program;

import java.time.Instant;

/**
 * A technology asset of the inventory: a system, application, database, device, medium, network, cloud service or
 * backup target, whether it stores, receives, maintains or transmits ePHI, and the facts the risk analysis needs
 * about it. Assets are retired, never deleted.
 *
 * @param kind           one of {@link TechnologyInventory#KINDS}
 * @param ephi           whether ePHI is stored, received, maintained or transmitted by it
 * @param ownerId        the responsible workforce member's user id, or {@code null}
 * @param encryption     one of {@link TechnologyInventory#ENCRYPTION}
 * @param centralLogging whether its activity reaches centralized logging (164.308(a)(1)(ii)(D), 164.312(b))
 * @param vendor         who supplies or operates it (free text), or {@code null}
 * @param status         {@code active} or {@code retired}
 * @param systemManaged  registered and kept in sync by Safeguard itself (one of its own parts); not editable
 */
public record Asset(String id, String name, String kind, boolean ephi, String location, String ownerId,
                    String encryption, boolean centralLogging, String vendor, String description, String status,
                    boolean systemManaged, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public boolean active() {
        return "active".equals(status);
    }
}
