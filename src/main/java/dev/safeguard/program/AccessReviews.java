package dev.safeguard.program;

import dev.safeguard.audit.Alerts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.accessreview.AccessReviewSettings;
import dev.safeguard.program.accessreview.AccessReviewViews;
import dev.safeguard.program.accessreview.CampaignCompletion;
import dev.safeguard.program.accessreview.CampaignStore;
import dev.safeguard.program.accessreview.EntitlementSnapshot;
import dev.safeguard.program.accessreview.ItemStore;
import dev.safeguard.program.accessreview.ReviewCycles;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Access reviews (164.308(a)(4)(ii)(B) access authorization, (C) access establishment and modification;
 * 164.308(a)(3)(ii)(A) authorization and/or supervision): campaigns that snapshot every entitlement in force, with
 * its last activity from the audit trail and an unused flag, each item going to a named reviewer. This is the
 * officers' side: campaigns open by themselves at the start of each review cycle (quarterly by default) or when an
 * officer starts one; officers reassign items. Reviewers decide through {@link AccessReviewDecisions}.
 *
 * <p>Guarantees: at most one campaign is open at a time, and the schedule opens one per cycle; opening a campaign,
 * its items and its audit event commit together. Reading needs a program reader; starting and reassigning a program
 * writer. An open campaign past its due date is overdue and alerted once. Audit events carry ids and fixed codes
 * only.
 */
@Service
public class AccessReviews {

    /** The audit event type of opening, deciding, reassigning and completing. */
    public static final String EVENT_TYPE = CampaignCompletion.EVENT_TYPE;
    /** The alert rule of an overdue campaign. */
    public static final String OVERDUE_RULE = "access-review-overdue";
    static final int MAX_LIST = 200;
    static final int MAX_PAGE_SIZE = 500;
    static final List<String> KINDS = List.of(AccessReviewItem.ROLE, AccessReviewItem.CARE_TEAM,
            AccessReviewItem.SERVICE_CLIENT);

    private final CampaignStore campaigns;
    private final ItemStore items;
    private final EntitlementSnapshot snapshot;
    private final CampaignCompletion completion;
    private final AccessReviewViews views;
    private final AccessReviewSettings settings;
    private final Workforce workforce;
    private final Alerts alerts;
    private final ProgramEvents events;
    private final Clock clock;

    AccessReviews(CampaignStore campaigns, ItemStore items, EntitlementSnapshot snapshot,
                  CampaignCompletion completion, AccessReviewViews views, AccessReviewSettings settings,
                  Workforce workforce, Alerts alerts, ProgramEvents events, Clock clock) {
        this.campaigns = campaigns;
        this.items = items;
        this.snapshot = snapshot;
        this.completion = completion;
        this.views = views;
        this.settings = settings;
        this.workforce = workforce;
        this.alerts = alerts;
        this.events = events;
        this.clock = clock;
    }

    /** Campaigns, newest first (at most 200), optionally only those of one status. */
    public List<AccessReviewCampaign> list(Actor actor, String status) {
        ProgramRoles.requireReader(actor);
        String only = status == null || status.isBlank() ? null : Fields.oneOf(status, "status",
                List.of(AccessReviewCampaign.OPEN, AccessReviewCampaign.OVERDUE, AccessReviewCampaign.COMPLETED),
                null);
        List<CampaignStore.Row> rows = campaigns.list(MAX_LIST);
        Map<String, ItemStore.Tally> tallies = items.tallies(rows.stream().map(CampaignStore.Row::id).toList());
        return rows.stream().map(r -> views.campaign(r, tallies.getOrDefault(r.id(), new ItemStore.Tally(0, 0, 0, 0,
                0, 0, 0)))).filter(c -> only == null || c.status().equals(only)).toList();
    }

    public AccessReviewCampaign get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return views.campaign(campaign(id), items.tally(id));
    }

    /**
     * Starts a campaign now on an officer's request.
     *
     * @param dueInDays days until it is due, 1 to 92; {@code null} for the configured default
     * @throws ProblemException 409 while another campaign is open
     */
    public AccessReviewCampaign start(Actor actor, Integer dueInDays, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        if (dueInDays != null && (dueInDays < 1 || dueInDays > 92)) {
            throw new ProblemException(ProblemKind.VALIDATION, "dueInDays must be between 1 and 92; got "
                    + dueInDays);
        }
        Duration due = dueInDays == null ? settings.due() : Duration.ofDays(dueInDays);
        return open("requested", actor.id(), due, ProgramEvents.agent(actor, origin))
                .orElseThrow(() -> new IllegalStateException("A requested campaign is always opened or refused"));
    }

    /**
     * Opens the campaign of the current review cycle unless one was opened in it, one is still open, or no security
     * official is assigned yet. For the schedule.
     */
    public Optional<AccessReviewCampaign> openDue() {
        Instant cycle = ReviewCycles.start(clock.instant(), settings.cadenceMonths());
        if (campaigns.openedSince(cycle.toEpochMilli()) || campaigns.open().isPresent()
                || workforce.securityOfficial().filter(Workforce.Member::active).isEmpty()) {
            return Optional.empty();
        }
        return open("scheduled", null, settings.due(), ProgramEvents.system("access-review"));
    }

    /** A campaign's items that pass the filters, one page ({@code size} 1 to 500). */
    public AccessReviewItemPage items(Actor actor, String campaignId, String reviewerId, String state, Boolean unused,
                                      String kind, int page, int size) {
        ProgramRoles.requireReader(actor);
        CampaignStore.Row campaign = campaign(campaignId);
        if (size < 1 || size > MAX_PAGE_SIZE || page < 0 || page > 100_000) {
            throw new ProblemException(ProblemKind.VALIDATION, "size must be between 1 and " + MAX_PAGE_SIZE
                    + " and page between 0 and 100000; got size " + size + ", page " + page);
        }
        String decided = state == null || state.isBlank() ? null
                : Fields.oneOf(state, "state", List.of("decided", "undecided"), null);
        String onlyKind = kind == null || kind.isBlank() ? null : Fields.oneOf(kind, "kind", KINDS, null);
        String reviewer = reviewerId == null || reviewerId.isBlank() ? null : reviewerId.strip();
        ItemStore.Filter filter = new ItemStore.Filter(reviewer, decided == null ? null : decided.equals("decided"),
                unused, onlyKind);
        String status = views.status(campaign);
        return new AccessReviewItemPage(items.list(campaignId, filter, size, page * size).stream()
                .map(i -> views.item(i, status)).toList(), page, size, items.count(campaignId, filter));
    }

    public AccessReviewItem item(Actor actor, String itemId) {
        ProgramRoles.requireReader(actor);
        ItemStore.Row row = itemRow(itemId);
        return views.item(row, views.status(campaign(row.campaignId())));
    }

    /**
     * Names another reviewer for an undecided item: an active workforce member other than the item's subject. The
     * subject cannot reassign their own item.
     */
    public AccessReviewItem reassign(Actor actor, String itemId, String reviewerId, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        ItemStore.Row row = itemRow(itemId);
        if (actor.id().equals(row.subjectUserId())) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Nobody chooses who reviews their own entitlements; "
                    + "another officer reassigns this item");
        }
        String reviewer = Fields.required(reviewerId, "reviewerId", 64);
        Workforce.Member member = workforce.find(reviewer).filter(Workforce.Member::active).orElseThrow(() ->
                new ProblemException(ProblemKind.VALIDATION, "The reviewer must be an active workforce member; "
                        + Fields.abbreviated(reviewer) + " is not"));
        if (member.id().equals(row.subjectUserId())) {
            throw new ProblemException(ProblemKind.VALIDATION, "Nobody reviews their own entitlements; name someone "
                    + "other than the item's subject");
        }
        return events.atomically(() -> {
            ItemStore.Row current = itemRow(itemId);
            CampaignStore.Row campaign = campaign(current.campaignId());
            if (campaign.completedAt() != null || current.decision() != null) {
                throw new ProblemException(ProblemKind.CONFLICT, "Item " + itemId + " is decided already; a decided "
                        + "item keeps its reviewer");
            }
            if (member.id().equals(current.reviewerId())) {
                throw new ProblemException(ProblemKind.VALIDATION, member.username() + " reviews this item already");
            }
            items.reassign(itemId, member.id(), clock.millis(), actor.id());
            events.record(EVENT_TYPE, "reassign", Action.U, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "AccessReviewItem", itemId, null, null);
            return views.item(itemRow(itemId), views.status(campaign));
        });
    }

    /**
     * Alerts each open campaign past its due date once, and completes an open campaign whose items were all decided
     * (when two nodes decided its last items at the same time). For the schedule; returns how many it alerted.
     */
    public int sweep() {
        campaigns.open().ifPresent(c -> completion.completeIfDone(c.id()));
        int alerted = 0;
        for (CampaignStore.Row c : campaigns.overdueUnalerted(clock.millis())) {
            boolean marked = events.atomically(() -> {
                if (!campaigns.markOverdueAlerted(c.id(), clock.millis())) {
                    return false;
                }
                events.record(EVENT_TYPE, "overdue", Action.E, Outcome.SUCCESS, ProgramEvents.system("access-review"),
                        "AccessReviewCampaign", c.id(), null, null);
                return true;
            });
            if (marked) {
                long undecided = items.count(c.id(), new ItemStore.Filter(null, false, null, null));
                alerts.raise(OVERDUE_RULE, Alerts.Severity.MEDIUM, c.id(), "Access review campaign " + c.id()
                        + " is past its due date " + Instant.ofEpochMilli(c.dueAt()) + " with " + undecided
                        + " items undecided");
                alerted++;
            }
        }
        return alerted;
    }

    /** When a campaign was last completed, for the evaluation check. */
    public Optional<Instant> lastCompletion() {
        return campaigns.latestCompletion().map(Instant::ofEpochMilli);
    }

    /** Open campaigns past their due date. */
    public long overdueCampaigns() {
        return campaigns.overdueCount(clock.millis());
    }

    /** Undecided items of campaigns past their due date. */
    public long overdueItems() {
        return items.overdueCount(clock.millis());
    }

    /** The newest campaign, open or completed, if any. */
    public Optional<AccessReviewCampaign> latest() {
        return campaigns.list(1).stream().findFirst().map(c -> views.campaign(c, items.tally(c.id())));
    }

    private Optional<AccessReviewCampaign> open(String origin, String openedBy, Duration due, Agent agent) {
        Optional<CampaignStore.Row> alreadyOpen = campaigns.open();
        if (alreadyOpen.isPresent()) {
            if (openedBy == null) {
                return Optional.empty();
            }
            throw openAlready(alreadyOpen.get());
        }
        Instant now = clock.instant();
        Instant cycle = ReviewCycles.start(now, settings.cadenceMonths());
        String id = UUID.randomUUID().toString();
        List<ItemStore.Row> snapshot = this.snapshot.take(id, now, settings.unusedAfter());
        CampaignStore.Row row = new CampaignStore.Row(id, origin, cycle.toEpochMilli(), now.toEpochMilli(), openedBy,
                now.plus(due).toEpochMilli(), (int) settings.unusedAfter().toDays(), snapshot.size(), null, null,
                null);
        // The checks and the inserts run under the audit trail's atomic lock, so two openings cannot both pass.
        Optional<AccessReviewCampaign> opened = events.<Optional<String>>atomically(() -> {
            Optional<CampaignStore.Row> open = campaigns.open();
            if (open.isPresent()) {
                if (openedBy == null) {
                    return Optional.empty();
                }
                throw openAlready(open.get());
            }
            if (openedBy == null && campaigns.openedSince(cycle.toEpochMilli())) {
                return Optional.empty();
            }
            campaigns.insert(row);
            items.insertAll(snapshot);
            events.record(EVENT_TYPE, "open", Action.C, Outcome.SUCCESS, agent, "AccessReviewCampaign", id, null,
                    origin);
            completion.completeIfDone(id);
            return Optional.of(id);
        }).map(this::view);
        return opened;
    }

    private AccessReviewCampaign view(String id) {
        return views.campaign(campaign(id), items.tally(id));
    }

    private CampaignStore.Row campaign(String id) {
        return campaigns.find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "No access-review "
                + "campaign " + Fields.abbreviated(String.valueOf(id))));
    }

    private ItemStore.Row itemRow(String id) {
        return items.find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "No access-review item "
                + Fields.abbreviated(String.valueOf(id))));
    }

    private static ProblemException openAlready(CampaignStore.Row open) {
        return new ProblemException(ProblemKind.CONFLICT, "Campaign " + open.id() + " (opened "
                + Instant.ofEpochMilli(open.openedAt()) + ") is still open; complete it before starting another");
    }
}
