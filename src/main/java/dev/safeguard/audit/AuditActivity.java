package dev.safeguard.audit;

import dev.safeguard.audit.internal.AuditAggregates;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Read-only counts over the audit trail for information system activity review (164.308(a)(1)(ii)(D)): events of a
 * time window grouped by type, subtype, outcome, HTTP status, agent and purpose of use, and the alerts raised in it.
 *
 * <p>Guarantees: nothing is written; the answers hold user and client ids, fixed codes and counts only, never a
 * patient pseudonym, query, entity id or reason text. Windows are half-open, {@code [from, to)} by recorded time.
 */
@Service
public class AuditActivity {

    /** The most groups one window returns, largest counts first; {@link Counts#complete()} says whether all fit. */
    public static final int MAX_GROUPS = 20_000;

    /** How many events share these values in the window. */
    public record Group(String type, String subtype, String outcome, Integer status, String agentUser,
                        String agentClient, String purposeOfUse, long count) {

        /**
         * Who acted: {@code client:<id>} for a service client (whether or not a user owns it), else the user id,
         * else {@code null}.
         */
        public String agent() {
            if (agentClient != null) {
                return "client:" + agentClient;
            }
            return agentUser;
        }
    }

    /** Alerts raised in the window for one rule and severity. */
    public record AlertCount(String rule, Alerts.Severity severity, long count) {
    }

    /** The groups of a window; {@code complete} is false when more than {@link #MAX_GROUPS} groups existed. */
    public record Counts(Instant from, Instant to, List<Group> groups, boolean complete) {
        public Counts {
            groups = List.copyOf(groups);
        }
    }

    private final AuditAggregates aggregates;

    AuditActivity(AuditAggregates aggregates) {
        this.aggregates = aggregates;
    }

    /** Events recorded in {@code [from, to)}, grouped. */
    public Counts counts(Instant from, Instant to) {
        window(from, to);
        List<Group> groups = aggregates.groups(from.toEpochMilli(), to.toEpochMilli(), MAX_GROUPS + 1);
        boolean complete = groups.size() <= MAX_GROUPS;
        return new Counts(from, to, complete ? groups : groups.subList(0, MAX_GROUPS), complete);
    }

    /** Alerts created in {@code [from, to)}, by rule and severity. */
    public List<AlertCount> alerts(Instant from, Instant to) {
        window(from, to);
        return aggregates.alerts(from.toEpochMilli(), to.toEpochMilli());
    }

    private static void window(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ProblemException(ProblemKind.VALIDATION, "A window needs from before to; got " + from + " to "
                    + to);
        }
    }
}
