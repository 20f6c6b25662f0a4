package dev.safeguard.program.accessreview;

import dev.safeguard.program.AccessReviewCampaign;
import dev.safeguard.program.AccessReviewChange;
import dev.safeguard.program.AccessReviewItem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Turns stored campaigns and items into the API's records, with their status as of now. */
@Component
public class AccessReviewViews {

    private final AccessReviewSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    AccessReviewViews(AccessReviewSettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public String status(CampaignStore.Row c) {
        return c.completedAt() != null ? AccessReviewCampaign.COMPLETED
                : clock.millis() > c.dueAt() ? AccessReviewCampaign.OVERDUE : AccessReviewCampaign.OPEN;
    }

    public AccessReviewCampaign campaign(CampaignStore.Row c, ItemStore.Tally t) {
        return new AccessReviewCampaign(c.id(), c.origin(), ReviewCycles.label(Instant.ofEpochMilli(c.cycleStart()),
                settings.cadenceMonths()), Instant.ofEpochMilli(c.openedAt()), c.openedBy(),
                Instant.ofEpochMilli(c.dueAt()), status(c), c.unusedAfterDays(), t.items(), t.decided(), t.kept(),
                t.revoked(), t.modified(), t.unused(), t.unassigned(), instant(c.completedAt()), c.evidenceId());
    }

    public AccessReviewItem item(ItemStore.Row r, String campaignStatus) {
        return new AccessReviewItem(r.id(), r.campaignId(), r.kind(), r.subjectUserId(), r.role(), r.assignmentId(),
                r.patientId(), instant(r.assignmentStartsAt()), instant(r.assignmentEndsAt()), r.clientId(),
                r.clientName(), r.clientScopes() == null ? null : List.of(r.clientScopes().split(" ")),
                r.clientPatients(), instant(r.clientExpiresAt()), Instant.ofEpochMilli(r.grantedAt()),
                instant(r.lastActivityAt()), r.unused(), r.reviewerId(), r.reviewerSource(),
                instant(r.reassignedAt()), r.reassignedBy(), r.decision(), r.comment(),
                r.modification() == null ? null : json.readValue(r.modification(), AccessReviewChange.class),
                r.effect(), instant(r.decidedAt()), r.decidedBy(),
                r.decision() == null && AccessReviewCampaign.OVERDUE.equals(campaignStatus), campaignStatus);
    }

    public String modificationJson(AccessReviewChange change) {
        return change == null ? null : json.writeValueAsString(change);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
