package dev.safeguard.program;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the applications and data criticality analysis (164.308(a)(7)(ii)(E)): how critical an inventory
 * asset is, how fast it must be back and how much data may be lost.
 *
 * @param tier          1 (restore first) to 4 (can wait); see {@link CriticalityList#TIERS}
 * @param rtoMinutes    recovery time objective: how long it may be down
 * @param rpoMinutes    recovery point objective: how much recent data may be lost (0: none)
 * @param dependencies  ids of the assets it needs to run, restored before it
 * @param seeded        made by Safeguard for one of its own parts (still editable)
 * @param version       increases with every change; an update names the version it changes
 */
public record CriticalityEntry(String id, String assetId, String assetName, String assetKind, boolean assetEphi,
                               int tier, String tierName, long rtoMinutes, long rpoMinutes, List<String> dependencies,
                               String notes, boolean seeded, int version, Instant createdAt, String createdBy,
                               Instant updatedAt, String updatedBy) {

    public CriticalityEntry {
        dependencies = List.copyOf(dependencies);
    }
}
