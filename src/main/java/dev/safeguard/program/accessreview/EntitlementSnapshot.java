package dev.safeguard.program.accessreview;

import dev.safeguard.access.CareTeamAssignment;
import dev.safeguard.access.CareTeamEntitlements;
import dev.safeguard.audit.LastActivity;
import dev.safeguard.audit.LastActivity.CareRelationship;
import dev.safeguard.identity.Entitlements;
import dev.safeguard.identity.ServiceClientView;
import dev.safeguard.identity.ServiceClients;
import dev.safeguard.program.AccessReviewItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Takes the snapshot a campaign reviews: every role of every active user, every care-team assignment in force and
 * every usable service client, each with its last activity from the audit trail, its unused flag and its reviewer.
 * Read-only; the whole snapshot costs a handful of statements per 200 users, assignments or clients.
 */
@Component
public class EntitlementSnapshot {

    private final Entitlements roles;
    private final CareTeamEntitlements careTeams;
    private final ServiceClients clients;
    private final LastActivity activity;
    private final Reviewers reviewers;

    EntitlementSnapshot(Entitlements roles, CareTeamEntitlements careTeams, ServiceClients clients,
                        LastActivity activity, Reviewers reviewers) {
        this.roles = roles;
        this.careTeams = careTeams;
        this.clients = clients;
        this.activity = activity;
        this.reviewers = reviewers;
    }

    /** The items of a new campaign, taken at {@code now}, flagged unused after {@code unusedAfter}. */
    public List<ItemStore.Row> take(String campaignId, Instant now, Duration unusedAfter) {
        Reviewers.Chooser chooser = reviewers.chooser();
        List<ItemStore.Row> items = new ArrayList<>();

        List<Entitlements.RoleGrant> grants = roles.roleGrants();
        Map<String, Instant> lastOwn = activity.ofUsers(grants.stream().map(Entitlements.RoleGrant::userId)
                .distinct().toList());
        for (Entitlements.RoleGrant g : grants) {
            Instant last = lastOwn.get(g.userId());
            Reviewers.Choice reviewer = chooser.reviewerOf(g.userId());
            items.add(new ItemStore.Row(id(), campaignId, AccessReviewItem.ROLE, g.userId(), g.role().id(), null,
                    null, null, null, null, null, null, null, null, g.grantedAt().toEpochMilli(), millis(last),
                    unused(g.grantedAt(), last, now, unusedAfter), reviewer.userId(), reviewer.source(), null, null,
                    null, null, null, null, null, null));
        }

        List<CareTeamAssignment> assignments = careTeams.inForce();
        Map<CareRelationship, Instant> lastCare = activity.ofCareRelationships(assignments.stream()
                .map(a -> new CareRelationship(a.userId(), a.patientId())).distinct().toList());
        for (CareTeamAssignment a : assignments) {
            Instant last = lastCare.get(new CareRelationship(a.userId(), a.patientId()));
            Reviewers.Choice reviewer = chooser.reviewerOf(a.userId());
            items.add(new ItemStore.Row(id(), campaignId, AccessReviewItem.CARE_TEAM, a.userId(), null, a.id(),
                    a.patientId(), a.startsAt().toEpochMilli(), millis(a.endsAt()), null, null, null, null, null,
                    a.startsAt().toEpochMilli(), millis(last), unused(a.startsAt(), last, now, unusedAfter),
                    reviewer.userId(), reviewer.source(), null, null, null, null, null, null, null, null));
        }

        List<ServiceClientView> usable = clients.registered().stream().filter(c -> "active".equals(c.state()))
                .toList();
        Map<String, Instant> lastClient = activity.ofClients(usable.stream().map(ServiceClientView::id).toList());
        for (ServiceClientView c : usable) {
            Instant last = lastClient.get(c.id());
            Reviewers.Choice reviewer = chooser.reviewerOf(c.ownerId());
            items.add(new ItemStore.Row(id(), campaignId, AccessReviewItem.SERVICE_CLIENT, c.ownerId(), null, null,
                    null, null, null, c.id(), c.name(), String.join(" ", c.scopes()), c.patients().size(),
                    c.expiresAt().toEpochMilli(), c.createdAt().toEpochMilli(), millis(last),
                    unused(c.createdAt(), last, now, unusedAfter), reviewer.userId(), reviewer.source(), null, null,
                    null, null, null, null, null, null));
        }
        return items;
    }

    /**
     * Unused: nothing happened for longer than {@code unusedAfter} since the last activity, or, when there was none,
     * since the entitlement began. Exactly {@code unusedAfter} ago still counts as used.
     */
    static boolean unused(Instant grantedAt, Instant lastActivity, Instant now, Duration unusedAfter) {
        Instant since = lastActivity == null || lastActivity.isBefore(grantedAt) ? grantedAt : lastActivity;
        return Duration.between(since, now).compareTo(unusedAfter) > 0;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
