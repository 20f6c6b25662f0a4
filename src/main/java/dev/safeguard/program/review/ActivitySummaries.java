package dev.safeguard.program.review;

import dev.safeguard.audit.AuditActivity;
import dev.safeguard.audit.AuditActivity.Group;
import dev.safeguard.audit.AuditQueries;
import dev.safeguard.audit.AuditQuery;
import dev.safeguard.audit.AuditRecord;
import dev.safeguard.program.ActivitySummary;
import dev.safeguard.program.ActivitySummary.AgentCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Computes a period's {@link ActivitySummary} from the audit module's public counts: alerts, break-glass (ETREAT),
 * 403 denials, failed sign-ins and lockouts, new service clients, and unusual volumes (an agent above
 * {@code safeguard.program.activity-review-volume-threshold} events, or more than three times its count in the
 * period of the same length just before, when that was not zero).
 */
@Component
public class ActivitySummaries {

    static final String UNKNOWN = "unknown";

    private final AuditActivity activity;
    private final AuditQueries queries;
    private final long volumeThreshold;

    ActivitySummaries(AuditActivity activity, AuditQueries queries,
                      @Value("${safeguard.program.activity-review-volume-threshold:1000}") long volumeThreshold) {
        if (volumeThreshold < 1) {
            throw new IllegalArgumentException("safeguard.program.activity-review-volume-threshold must be at least "
                    + "1; got " + volumeThreshold);
        }
        this.activity = activity;
        this.queries = queries;
        this.volumeThreshold = volumeThreshold;
    }

    public ActivitySummary summarize(Instant from, Instant to) {
        AuditActivity.Counts counts = activity.counts(from, to);
        AuditActivity.Counts previous = activity.counts(from.minus(Duration.between(from, to)), from);
        List<Group> groups = counts.groups();
        List<ActivitySummary.AlertCount> alerts = activity.alerts(from, to).stream()
                .map(a -> new ActivitySummary.AlertCount(a.rule(), a.severity().name(), a.count())).toList();
        return new ActivitySummary(groups.stream().mapToLong(Group::count).sum(), counts.complete(), alerts,
                byAgent(groups, g -> "ETREAT".equals(g.purposeOfUse())),
                byAgent(groups, g -> Integer.valueOf(403).equals(g.status())),
                volumes(groups, previous.groups()), newServiceClients(from, to),
                byAgent(groups, g -> "authentication".equals(g.type()) && ("login".equals(g.subtype())
                        || "mfa".equals(g.subtype())) && "MINOR_FAILURE".equals(g.outcome())),
                byAgent(groups, g -> "authentication".equals(g.type()) && "lockout".equals(g.subtype())),
                volumeThreshold);
    }

    private static List<AgentCount> byAgent(List<Group> groups, Predicate<Group> matching) {
        return sorted(totals(groups.stream().filter(matching).toList()));
    }

    private static Map<String, Long> totals(List<Group> groups) {
        Map<String, Long> totals = new TreeMap<>();
        groups.forEach(g -> totals.merge(g.agent() == null ? UNKNOWN : g.agent(), g.count(), Long::sum));
        return totals;
    }

    private static List<AgentCount> sorted(Map<String, Long> totals) {
        return totals.entrySet().stream().map(e -> new AgentCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(AgentCount::count).reversed()).toList();
    }

    private List<ActivitySummary.Volume> volumes(List<Group> now, List<Group> before) {
        Map<String, Long> previous = totals(before);
        List<ActivitySummary.Volume> unusual = new ArrayList<>();
        totals(now).forEach((agent, count) -> {
            if (UNKNOWN.equals(agent)) {
                return;
            }
            long earlier = previous.getOrDefault(agent, 0L);
            if (count > volumeThreshold) {
                unusual.add(new ActivitySummary.Volume(agent, count, earlier, "threshold"));
            } else if (earlier > 0 && count > 3 * earlier) {
                unusual.add(new ActivitySummary.Volume(agent, count, earlier, "tripled"));
            }
        });
        unusual.sort(Comparator.comparingLong(ActivitySummary.Volume::count).reversed());
        return unusual;
    }

    private List<String> newServiceClients(Instant from, Instant to) {
        List<String> ids = new ArrayList<>();
        int page = 0;
        AuditQuery.Page result;
        do {
            result = queries.search(new AuditQuery(from, to, null, null, null, "C", "SUCCESS", "service-client", null,
                    page++, AuditQuery.MAX_SIZE));
            result.items().stream().filter(r -> "create".equals(r.subtype()) && r.recorded().isBefore(to)
                    && r.entityId() != null).map(AuditRecord::entityId).forEach(ids::add);
        } while (result.more() && page < 20);
        return ids.stream().sorted().toList();
    }
}
