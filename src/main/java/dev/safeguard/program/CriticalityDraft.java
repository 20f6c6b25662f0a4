package dev.safeguard.program;

import java.util.List;

/**
 * A criticality entry as an officer submits it.
 *
 * @param baseVersion for an update: the version being changed (409 when it is not the current one)
 */
public record CriticalityDraft(String assetId, Integer tier, Long rtoMinutes, Long rpoMinutes,
                               List<String> dependencies, String notes, Integer baseVersion) {

    public CriticalityDraft {
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }
}
