package dev.safeguard.program.checks;

import dev.safeguard.program.ActivityReviews;
import dev.safeguard.program.CheckOutcome;
import dev.safeguard.program.EvaluationCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The check that information system activity is reviewed: a review was signed off within the last 30 days. */
@Component
class ReviewChecks implements CheckSource {

    static final Duration MAX_AGE = Duration.ofDays(30);

    private final ActivityReviews reviews;
    private final Clock clock;

    ReviewChecks(ActivityReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public List<EvaluationCheck> checks() {
        return List.of(new EvaluationCheck("program.activity-review", "Activity review signed off within the last "
                + "30 days", List.of("164.308(a)(1)(ii)(D)"), this::signedOff));
    }

    private CheckOutcome signedOff() {
        Instant last = reviews.lastSignOff().orElse(null);
        if (last == null) {
            return CheckOutcome.fail("No activity review has been signed off", Map.of("lastSignOff", "never"));
        }
        Duration age = Duration.between(last, clock.instant());
        return CheckOutcome.of(age.compareTo(MAX_AGE) <= 0, "An activity review was signed off " + age.toDays()
                        + " days ago", "The last activity review was signed off " + age.toDays() + " days ago (at "
                        + "most 30)", Map.of("lastSignOff", last.toString(), "ageDays", age.toDays()));
    }
}
