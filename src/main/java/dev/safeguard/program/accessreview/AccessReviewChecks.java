package dev.safeguard.program.accessreview;

import dev.safeguard.program.AccessReviews;
import dev.safeguard.program.CheckOutcome;
import dev.safeguard.program.EvaluationCheck;
import dev.safeguard.program.checks.CheckSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The evaluation checks of access reviews: a campaign was completed within the last 92 days (a quarter and a day),
 * and no campaign is past its due date with items undecided.
 */
@Component
class AccessReviewChecks implements CheckSource {

    static final Duration MAX_AGE = Duration.ofDays(92);

    private final AccessReviews reviews;
    private final Clock clock;

    AccessReviewChecks(AccessReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public List<EvaluationCheck> checks() {
        return List.of(
                new EvaluationCheck("program.access-review", "Access review completed within the last 92 days",
                        List.of("164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.308(a)(3)(ii)(A)"),
                        this::completedRecently),
                new EvaluationCheck("program.access-review-overdue", "No access-review campaign is past its due "
                        + "date", List.of("164.308(a)(4)(ii)(C)"), this::noneOverdue));
    }

    private CheckOutcome completedRecently() {
        Instant last = reviews.lastCompletion().orElse(null);
        if (last == null) {
            return CheckOutcome.fail("No access review campaign has been completed", Map.of("lastCompletion",
                    "never"));
        }
        Duration age = Duration.between(last, clock.instant());
        return CheckOutcome.of(age.compareTo(MAX_AGE) <= 0, "An access review was completed " + age.toDays()
                        + " days ago", "The last access review was completed " + age.toDays() + " days ago (at most "
                        + MAX_AGE.toDays() + ")", Map.of("lastCompletion", last.toString(), "ageDays", age.toDays()));
    }

    private CheckOutcome noneOverdue() {
        long campaigns = reviews.overdueCampaigns();
        long items = reviews.overdueItems();
        return CheckOutcome.of(campaigns == 0, "No access review campaign is overdue", campaigns
                + " access review campaign(s) past the due date with " + items + " items undecided",
                Map.of("overdueCampaigns", campaigns, "overdueItems", items));
    }
}
