package dev.safeguard.program;

/**
 * What a person records about an asset; {@link TechnologyInventory} validates it. {@code null} booleans count as
 * {@code false}; a {@code null} status as {@code active}.
 */
public record AssetDraft(String name, String kind, Boolean ephi, String location, String ownerId, String encryption,
                         Boolean centralLogging, String vendor, String description, String status) {
}
