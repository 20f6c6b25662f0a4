package dev.safeguard.program;

import java.time.Instant;

/**
 * A movement of data from one asset to another: what data, over which protocol, whether it is encrypted in transit
 * (164.312(e)(1)) and whether it carries ePHI. The ePHI flows form the data-flow map.
 */
public record DataFlow(String id, String sourceAssetId, String sourceName, String targetAssetId, String targetName,
                       String data, String protocol, boolean encrypted, boolean ephi, Instant createdAt,
                       String createdBy, Instant updatedAt, String updatedBy) {
}
