package dev.safeguard.program;

/**
 * A compliance metric as measured now.
 *
 * @param id          stable metric id, e.g. {@code mfa-coverage} or {@code controls-implemented.technical}
 * @param title       what it measures, for a person
 * @param unit        {@code percent}, {@code count} or {@code hours}
 * @param value       the measurement, or {@code null} when there is nothing to measure yet (no terminated user with
 *                    revoked credentials for the mean time to revoke)
 * @param numerator   for a percentage, how many items meet it; otherwise {@code null}
 * @param denominator for a percentage, how many items it is taken over; otherwise {@code null}
 */
public record MetricValue(String id, String title, String unit, Double value, Long numerator, Long denominator) {

    /** A percentage of {@code total} items; 100 when there is no item (nothing is left uncovered). */
    public static MetricValue percent(String id, String title, long part, long total) {
        return new MetricValue(id, title, Metric.PERCENT, total == 0 ? 100.0 : round(100.0 * part / total), part,
                total);
    }

    public static MetricValue count(String id, String title, long count) {
        return new MetricValue(id, title, Metric.COUNT, (double) count, null, null);
    }

    /** A percentage of the metric's definition. */
    public static MetricValue percent(Metric metric, long part, long total) {
        return percent(metric.id(), metric.title(), part, total);
    }

    /** A count of the metric's definition. */
    public static MetricValue count(Metric metric, long count) {
        return count(metric.id(), metric.title(), count);
    }

    /** The metric with nothing to measure yet (e.g. before the first access-review campaign). */
    public static MetricValue unmeasured(Metric metric) {
        return new MetricValue(metric.id(), metric.title(), metric.unit(), null, null, null);
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
