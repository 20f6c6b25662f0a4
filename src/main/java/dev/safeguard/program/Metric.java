package dev.safeguard.program;

import java.util.ArrayList;
import java.util.List;

/**
 * A compliance metric the program measures (issues #5 and #6), with its unit. Ids are stable API values and are the
 * keys of the recorded time series. IMPORTANT: never rename an id; recorded series are stored under it.
 *
 * @param id    stable id
 * @param title what it measures
 * @param unit  {@link #PERCENT}, {@link #COUNT}, {@link #HOURS}, {@link #DAYS} or {@link #SECONDS}
 */
public record Metric(String id, String title, String unit) {

    public static final String PERCENT = "percent";
    public static final String COUNT = "count";
    public static final String HOURS = "hours";
    public static final String DAYS = "days";
    public static final String SECONDS = "seconds";

    public static final String MFA_COVERAGE = "mfa-coverage";
    public static final String MEAN_TIME_TO_REVOKE = "mean-time-to-revoke";
    public static final String CENTRAL_LOGGING_COVERAGE = "central-logging-coverage";
    public static final String OPEN_HIGH_RISKS = "open-high-risks";
    public static final String OPEN_VERY_HIGH_RISKS = "open-very-high-risks";
    public static final String FAILING_CHECKS = "failing-checks";
    public static final String OVERDUE_BREAK_GLASS_REVIEWS = "overdue-break-glass-reviews";
    public static final String OVERDUE_CONTROL_REVIEWS = "overdue-control-reviews";
    /** Prefix of the per-category metrics, followed by the catalog category, e.g. {@code controls-implemented.technical}. */
    public static final String CONTROLS_IMPLEMENTED = "controls-implemented.";
    /** Of the training assignments that fell due in the last 365 days, the share completed by their due date. */
    public static final String TRAINING_ON_SCHEDULE = "training-on-schedule";
    public static final String TRAINING_OVERDUE = "training-overdue";
    public static final String VENDORS_BAA_BEFORE_CONNECTIVITY = "vendors-baa-before-connectivity";
    public static final String VENDORS_BAA_COVERAGE = "vendors-baa-coverage";
    public static final String ACCESS_REVIEW_OVERDUE_ITEMS = "access-review-overdue-items";
    public static final String ACCESS_REVIEW_DECIDED = "access-review-decided";
    public static final String OVERDUE_POLICY_REVIEWS = "overdue-policy-reviews";
    public static final String POLICY_ACKNOWLEDGMENT_COVERAGE = "policy-acknowledgment-coverage";
    public static final String OPEN_INCIDENTS = "open-incidents";
    public static final String OVERDUE_BREACH_NOTIFICATIONS = "overdue-breach-notifications";
    public static final String BACKUP_AGE = "backup-age";
    public static final String DAYS_SINCE_RESTORE_TEST = "days-since-restore-test";
    public static final String LAST_RESTORE_TIME = "last-restore-time";

    /** The catalog's safeguard categories, in the order of the regulation (the same set as the catalog's). */
    public static final List<String> CATEGORIES = List.of("administrative", "physical", "technical", "organizational",
            "policies-and-documentation");

    private static final List<Metric> ALL = define();

    /**
     * Every metric, in the order the dashboard shows them; one per catalog category for controls implemented. Each is
     * measured by exactly one {@code MetricSource} of the area that owns it.
     */
    public static List<Metric> all() {
        return ALL;
    }

    private static List<Metric> define() {
        List<Metric> all = new ArrayList<>(List.of(
                new Metric(MFA_COVERAGE, "Active accounts with multi-factor authentication", PERCENT),
                new Metric(MEAN_TIME_TO_REVOKE, "Mean time to revoke access after termination", HOURS),
                new Metric(CENTRAL_LOGGING_COVERAGE, "Production systems covered by centralized logging", PERCENT),
                new Metric(OPEN_HIGH_RISKS, "Open high risks", COUNT),
                new Metric(OPEN_VERY_HIGH_RISKS, "Open very-high risks", COUNT),
                new Metric(FAILING_CHECKS, "Failing evaluation checks", COUNT),
                new Metric(OVERDUE_BREAK_GLASS_REVIEWS, "Break-glass grants overdue for review", COUNT),
                new Metric(OVERDUE_CONTROL_REVIEWS, "Controls past their next review date", COUNT)));
        CATEGORIES.forEach(c -> all.add(new Metric(CONTROLS_IMPLEMENTED + c,
                "Controls implemented: " + c.replace('-', ' '), PERCENT)));
        all.add(new Metric(TRAINING_ON_SCHEDULE, "Workforce completing security training on schedule", PERCENT));
        all.add(new Metric(TRAINING_OVERDUE, "Security training assignments overdue", COUNT));
        all.add(new Metric(VENDORS_BAA_BEFORE_CONNECTIVITY, "Vendors with an executed BAA before production "
                + "connectivity", PERCENT));
        all.add(new Metric(VENDORS_BAA_COVERAGE, "Vendors handling ePHI with a BAA in force", PERCENT));
        all.add(new Metric(ACCESS_REVIEW_OVERDUE_ITEMS, "Access-review items past their due date", COUNT));
        all.add(new Metric(ACCESS_REVIEW_DECIDED, "Items decided in the latest access review", PERCENT));
        all.add(new Metric(OVERDUE_POLICY_REVIEWS, "Policies past their review date", COUNT));
        all.add(new Metric(POLICY_ACKNOWLEDGMENT_COVERAGE, "Required policy acknowledgments given by the active "
                + "workforce", PERCENT));
        all.add(new Metric(OPEN_INCIDENTS, "Open security incidents", COUNT));
        all.add(new Metric(OVERDUE_BREACH_NOTIFICATIONS, "Breach notifications overdue", COUNT));
        all.add(new Metric(BACKUP_AGE, "Age of the latest verified backup", HOURS));
        all.add(new Metric(DAYS_SINCE_RESTORE_TEST, "Days since the last passed restore drill", DAYS));
        all.add(new Metric(LAST_RESTORE_TIME, "Measured recovery time of the last passed restore drill", SECONDS));
        return List.copyOf(all);
    }

    /**
     * The definition of {@code id}.
     *
     * @throws IllegalArgumentException when no metric has that id (a programming error, not input)
     */
    public static Metric named(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No metric is named " + id));
    }
}
