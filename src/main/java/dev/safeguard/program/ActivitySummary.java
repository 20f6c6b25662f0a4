package dev.safeguard.program;

import java.util.List;

/**
 * What the audit trail shows for one review period (164.308(a)(1)(ii)(D)), computed from the audit module's counts.
 * Agents are user ids, or {@code client:<id>} for service clients; there is no PHI.
 *
 * @param events           events recorded in the period
 * @param complete         false when the period held more distinct event groups than the audit counts return
 * @param alerts           alerts raised, by rule and severity
 * @param breakGlass       break-glass accesses (purpose of use ETREAT), by user
 * @param denials          requests answered 403, by user or client
 * @param unusualVolumes   agents whose event count exceeded the threshold or three times their previous period's
 * @param newServiceClients ids of the service clients created in the period
 * @param failedSignIns    failed password or second-factor sign-ins, by user ({@code unknown} for unknown names)
 * @param lockouts         accounts locked after repeated failures
 * @param volumeThreshold  the event count above which an agent's volume is unusual
 */
public record ActivitySummary(long events, boolean complete, List<AlertCount> alerts, List<AgentCount> breakGlass,
                              List<AgentCount> denials, List<Volume> unusualVolumes, List<String> newServiceClients,
                              List<AgentCount> failedSignIns, List<AgentCount> lockouts, long volumeThreshold) {

    public ActivitySummary {
        alerts = List.copyOf(alerts);
        breakGlass = List.copyOf(breakGlass);
        denials = List.copyOf(denials);
        unusualVolumes = List.copyOf(unusualVolumes);
        newServiceClients = List.copyOf(newServiceClients);
        failedSignIns = List.copyOf(failedSignIns);
        lockouts = List.copyOf(lockouts);
    }

    /** Alerts of one rule and severity. */
    public record AlertCount(String rule, String severity, long count) {
    }

    /** How many matching events one agent has. */
    public record AgentCount(String agent, long count) {
    }

    /**
     * An agent with an unusual number of events.
     *
     * @param reason {@code threshold} or {@code tripled}
     */
    public record Volume(String agent, long count, long previousCount, String reason) {
    }

    static long total(List<AgentCount> counts) {
        return counts.stream().mapToLong(AgentCount::count).sum();
    }

    public long alertTotal() {
        return alerts.stream().mapToLong(AlertCount::count).sum();
    }

    public long breakGlassTotal() {
        return total(breakGlass);
    }

    public long denialTotal() {
        return total(denials);
    }

    public long failedSignInTotal() {
        return total(failedSignIns);
    }

    public long lockoutTotal() {
        return total(lockouts);
    }
}
