package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.accessreview.AccessReviewViews;
import dev.safeguard.program.accessreview.CampaignCompletion;
import dev.safeguard.program.accessreview.CampaignStore;
import dev.safeguard.program.accessreview.Enforcement;
import dev.safeguard.program.accessreview.ItemStore;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The reviewers' side of access reviews: every signed-in workforce user sees the items assigned to them and decides
 * each one, keep, revoke or modify, with a comment (required to revoke or modify).
 *
 * <p>Guarantees: only the item's named reviewer decides it, once, while its campaign is open; a service client never
 * does. A revocation or modification takes effect at once: the change (through the identity and access modules), the
 * decision and its audit event commit together, or nothing changes and the item stays open (e.g. when the change
 * would leave no active security officer). The decision that decides a campaign's last item completes the campaign
 * and records its signed evidence in the same transaction.
 */
@Service
public class AccessReviewDecisions {

    static final int MAX_MINE = 1000;

    private final CampaignStore campaigns;
    private final ItemStore items;
    private final Enforcement enforcement;
    private final CampaignCompletion completion;
    private final AccessReviewViews views;
    private final ProgramEvents events;
    private final Clock clock;

    AccessReviewDecisions(CampaignStore campaigns, ItemStore items, Enforcement enforcement,
                          CampaignCompletion completion, AccessReviewViews views, ProgramEvents events, Clock clock) {
        this.campaigns = campaigns;
        this.items = items;
        this.enforcement = enforcement;
        this.completion = completion;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The caller's items: undecided ones of the open campaign, or with {@code includeDecided} also those decided and
     * those of completed campaigns (newest campaign first, at most 1,000).
     */
    public List<AccessReviewItem> mine(Actor actor, boolean includeDecided) {
        requireUser(actor);
        List<ItemStore.Row> rows = items.assignedTo(actor.id(), includeDecided, MAX_MINE);
        Map<String, String> statuses = rows.stream().map(ItemStore.Row::campaignId).distinct()
                .collect(Collectors.toMap(Function.identity(), id -> views.status(campaigns.find(id).orElseThrow())));
        return rows.stream().map(r -> views.item(r, statuses.get(r.campaignId()))).toList();
    }

    /** One of the caller's items. */
    public AccessReviewItem mine(Actor actor, String itemId) {
        requireUser(actor);
        ItemStore.Row row = assigned(actor, itemId);
        return views.item(row, views.status(campaigns.find(row.campaignId()).orElseThrow()));
    }

    /** Decides one of the caller's items; revocations and modifications take effect at once. */
    public AccessReviewItem decide(Actor actor, String itemId, AccessReviewDecision decision, RequestOrigin origin) {
        requireUser(actor);
        AccessReviewItem item = open(actor, itemId);
        Instant now = clock.instant();
        AccessReviewInput.Checked checked = AccessReviewInput.check(item, decision, now);
        return events.atomically(() -> {
            AccessReviewItem current = open(actor, itemId);
            String effect = switch (checked.decision()) {
                case AccessReviewItem.REVOKE -> enforcement.revoke(actor, origin, current);
                case AccessReviewItem.MODIFY -> enforcement.modify(actor, origin, current, checked.role(),
                        checked.change().endsAt(), checked.change().expiresAt(), checked.scopes());
                default -> null;
            };
            if (!items.decide(itemId, checked.decision(), checked.comment(), views.modificationJson(checked.change()),
                    effect, clock.millis(), actor.id())) {
                throw decidedAlready(itemId);
            }
            events.record(AccessReviews.EVENT_TYPE, "decide", Action.U, Outcome.SUCCESS,
                    ProgramEvents.agent(actor, origin), "AccessReviewItem", itemId, null, checked.decision());
            completion.completeIfDone(current.campaignId());
            ItemStore.Row row = items.find(itemId).orElseThrow();
            return views.item(row, views.status(campaigns.find(row.campaignId()).orElseThrow()));
        });
    }

    /** The caller's item, undecided, in an open campaign. */
    private AccessReviewItem open(Actor actor, String itemId) {
        ItemStore.Row row = assigned(actor, itemId);
        CampaignStore.Row campaign = campaigns.find(row.campaignId()).orElseThrow();
        if (campaign.completedAt() != null) {
            throw new ProblemException(ProblemKind.CONFLICT, "Campaign " + campaign.id() + " was completed at "
                    + Instant.ofEpochMilli(campaign.completedAt()) + "; its decisions are final");
        }
        if (row.decision() != null) {
            throw decidedAlready(itemId);
        }
        return views.item(row, views.status(campaign));
    }

    private ItemStore.Row assigned(Actor actor, String itemId) {
        ItemStore.Row row = items.find(itemId).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No access-review item " + Fields.abbreviated(String.valueOf(itemId))));
        if (!actor.id().equals(row.reviewerId())) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Access-review item " + itemId + " is assigned to "
                    + "another reviewer; you decide only the items assigned to you");
        }
        return row;
    }

    private static void requireUser(Actor actor) {
        if (actor == null || actor.kind() != Actor.Kind.USER) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Access reviews are decided by signed-in workforce "
                    + "members, not by service clients");
        }
    }

    private static ProblemException decidedAlready(String itemId) {
        return new ProblemException(ProblemKind.CONFLICT, "Access-review item " + itemId + " is decided already; a "
                + "decision is final");
    }
}
