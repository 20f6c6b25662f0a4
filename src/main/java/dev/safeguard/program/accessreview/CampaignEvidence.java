package dev.safeguard.program.accessreview;

import dev.safeguard.identity.Workforce;
import dev.safeguard.program.AccessReviewCampaign;
import dev.safeguard.program.AccessReviewItem;
import dev.safeguard.program.Evidence;
import dev.safeguard.program.EvidenceDraft;
import dev.safeguard.program.EvidenceKind;
import dev.safeguard.program.EvidenceRecord;
import dev.safeguard.program.EvidenceResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The signed evidence of a completed campaign: JSON of the campaign and every item with its entitlement, last
 * activity, unused flag, reviewer, decision, time, comment and effect, recorded by Safeguard as the campaign's
 * collector for 164.308(a)(4)(ii)(B), (C) and 164.308(a)(3)(ii)(A), (B). A later campaign's evidence supersedes it
 * for those controls; it is kept six years like all evidence.
 */
@Component
public class CampaignEvidence {

    /** The collector id of campaign evidence. IMPORTANT: never change it, or supersession across campaigns breaks. */
    public static final String COLLECTOR = "access-review";
    public static final List<String> CONTROLS = List.of("164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)",
            "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)");
    /** Fresh until a review is due again: the checks ask for a completed campaign within 92 days. */
    static final Duration FRESH_FOR = Duration.ofDays(92);

    private final Evidence evidence;
    private final Workforce workforce;
    private final ObjectMapper json;

    CampaignEvidence(Evidence evidence, Workforce workforce, ObjectMapper json) {
        this.evidence = evidence;
        this.workforce = workforce;
        this.json = json;
    }

    /** Records the evidence of a campaign whose items are all decided, completed at {@code at}. */
    public EvidenceRecord record(AccessReviewCampaign campaign, List<AccessReviewItem> items, Instant at) {
        Map<String, String> usernames = new HashMap<>();
        workforce.members().forEach(m -> usernames.put(m.id(), m.username()));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("campaign", campaign.id());
        content.put("origin", campaign.origin());
        content.put("cycle", campaign.cycle());
        content.put("openedAt", campaign.openedAt().toString());
        content.put("openedBy", campaign.openedBy());
        content.put("dueAt", campaign.dueAt().toString());
        content.put("completedAt", at.toString());
        content.put("unusedAfterDays", campaign.unusedAfterDays());
        content.put("totals", Map.of("items", items.size(), "kept", count(items, AccessReviewItem.KEEP),
                "revoked", count(items, AccessReviewItem.REVOKE), "modified", count(items, AccessReviewItem.MODIFY),
                "unused", items.stream().filter(AccessReviewItem::unused).count()));
        content.put("items", items.stream().map(i -> item(i, usernames)).toList());
        long revoked = count(items, AccessReviewItem.REVOKE);
        long modified = count(items, AccessReviewItem.MODIFY);
        String details = "Access review campaign " + campaign.cycle() + " (" + campaign.id() + ") completed: "
                + items.size() + " entitlements reviewed, " + count(items, AccessReviewItem.KEEP) + " kept, "
                + revoked + " revoked, " + modified + " modified; "
                + items.stream().filter(AccessReviewItem::unused).count() + " were unused for more than "
                + campaign.unusedAfterDays() + " days";
        return evidence.produce(COLLECTOR, new EvidenceDraft(CONTROLS, EvidenceKind.EXPORT,
                campaign.openedAt(), at, EvidenceResult.PASS, details,
                json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8), "application/json",
                "access-review-" + campaign.id() + ".json", at.plus(FRESH_FOR), "access-review-campaign"));
    }

    private static Map<String, Object> item(AccessReviewItem i, Map<String, String> usernames) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("kind", i.kind());
        m.put("subject", i.subjectUserId());
        m.put("subjectUsername", usernames.get(i.subjectUserId()));
        switch (i.kind()) {
            case AccessReviewItem.ROLE -> m.put("role", i.role());
            case AccessReviewItem.CARE_TEAM -> {
                m.put("assignment", i.assignmentId());
                m.put("patient", "Patient/" + i.patientId());
                m.put("startsAt", text(i.assignmentStartsAt()));
                m.put("endsAt", text(i.assignmentEndsAt()));
            }
            default -> {
                m.put("client", i.clientId());
                m.put("clientName", i.clientName());
                m.put("scopes", i.clientScopes());
                m.put("allowListedPatients", i.clientPatients());
                m.put("expiresAt", text(i.clientExpiresAt()));
            }
        }
        m.put("grantedAt", text(i.grantedAt()));
        m.put("lastActivityAt", text(i.lastActivityAt()));
        m.put("unused", i.unused());
        m.put("reviewer", i.reviewerId());
        m.put("reviewerUsername", usernames.get(i.reviewerId()));
        m.put("reviewerSource", i.reviewerSource());
        m.put("decision", i.decision());
        m.put("decidedAt", text(i.decidedAt()));
        m.put("decidedBy", i.decidedBy());
        m.put("comment", i.comment());
        m.put("modification", i.modification());
        m.put("effect", i.effect());
        return m;
    }

    private static long count(List<AccessReviewItem> items, String decision) {
        return items.stream().filter(i -> decision.equals(i.decision())).count();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
