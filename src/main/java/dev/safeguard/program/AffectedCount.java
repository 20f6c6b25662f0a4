package dev.safeguard.program;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How many individuals an incident affects and where they live, as computed from the audit trail (inside the vault)
 * or established by an officer (for records outside the vault). Counts only: no patient id is kept.
 *
 * @param source       {@code audit-trail} or {@code officer}
 * @param agents       for {@code audit-trail}: the users ({@code user:<id>}) and service clients
 *                     ({@code client:<id>}) analysed
 * @param from         start of the window analysed (inclusive), or {@code null}
 * @param to           end of the window analysed (exclusive), or {@code null}
 * @param total        affected individuals: patients with at least one successful FHIR interaction by the agents
 * @param byState      affected individuals per state or jurisdiction; {@code unknown} for those without one
 * @param refusedOnly  patients the agents only tried to reach and were refused (not affected)
 * @param withoutState affected patients whose home address records no state
 * @param unreadable   affected patients whose record could not be opened (shredded or failing integrity)
 * @param unresolved   pseudonyms in the trail that name no stored patient
 */
public record AffectedCount(String id, String source, List<String> agents, Instant from, Instant to, long total,
                            Map<String, Integer> byState, Long refusedOnly, Long withoutState, Long unreadable,
                            Long unresolved, String notes, Instant recordedAt, String recordedBy) {
}
