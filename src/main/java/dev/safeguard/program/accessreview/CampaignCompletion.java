package dev.safeguard.program.accessreview;

import dev.safeguard.program.AccessReviewCampaign;
import dev.safeguard.program.AccessReviewItem;
import dev.safeguard.program.EvidenceRecord;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Completes a campaign when its last item is decided: records the signed evidence and the completion with its audit
 * event. Runs inside the transaction of the decision that decided the last item, so the decision, the evidence and
 * the completion commit together.
 */
@Component
public class CampaignCompletion {

    /** The audit event type of access reviews. */
    public static final String EVENT_TYPE = "program-access-review";

    private final CampaignStore campaigns;
    private final ItemStore items;
    private final CampaignEvidence evidence;
    private final AccessReviewViews views;
    private final ProgramEvents events;
    private final Clock clock;

    CampaignCompletion(CampaignStore campaigns, ItemStore items, CampaignEvidence evidence, AccessReviewViews views,
                       ProgramEvents events, Clock clock) {
        this.campaigns = campaigns;
        this.items = items;
        this.evidence = evidence;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /** Completes the campaign if it is open and every item is decided; true when this call completed it. */
    public boolean completeIfDone(String campaignId) {
        return events.atomically(() -> {
            CampaignStore.Row campaign = campaigns.find(campaignId).orElseThrow();
            if (campaign.completedAt() != null || items.count(campaignId, new ItemStore.Filter(null, false, null,
                    null)) > 0) {
                return false;
            }
            Instant now = clock.instant();
            AccessReviewCampaign view = views.campaign(campaign, items.tally(campaignId));
            List<AccessReviewItem> all = items.all(campaignId).stream().map(i -> views.item(i,
                    AccessReviewCampaign.COMPLETED)).toList();
            EvidenceRecord record = evidence.record(view, all, now);
            if (!campaigns.complete(campaignId, now.toEpochMilli(), record.id())) {
                throw new ProblemException(ProblemKind.CONFLICT, "Campaign " + campaignId + " was completed at the "
                        + "same time by another decision; reload and try again");
            }
            events.record(EVENT_TYPE, "complete", Action.U, Outcome.SUCCESS, ProgramEvents.system("access-review"),
                    "AccessReviewCampaign", campaignId, null, null);
            return true;
        });
    }
}
