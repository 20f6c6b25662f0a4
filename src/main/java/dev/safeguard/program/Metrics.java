package dev.safeguard.program;

import dev.safeguard.program.metrics.MetricReadings;
import dev.safeguard.program.metrics.MetricStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The compliance metrics of the program (issue #5, part 8): MFA coverage, mean time to revoke access after
 * termination, centralized-logging coverage of production systems, open high and very-high risks, failing evaluation
 * checks, overdue reviews and controls implemented per safeguard category.
 *
 * <p>Guarantees: {@link #current()} reads the live system at the time of the call; {@link #snapshot()} records those
 * values as the UTC day's point of each metric's time series (daily by schedule and on demand; a later snapshot the
 * same day replaces the day's points, so a series has at most one point per metric per day). Series are read for a
 * bounded range of at most {@value #MAX_RANGE_DAYS} days.
 */
@Service
public class Metrics {

    /** The longest range a series request may span. */
    public static final int MAX_RANGE_DAYS = 731;
    /** The range the dashboard and a series request without dates cover, ending today. */
    public static final int DEFAULT_RANGE_DAYS = 90;

    private final MetricReadings readings;
    private final MetricStore store;
    private final Clock clock;

    Metrics(MetricReadings readings, MetricStore store, Clock clock) {
        this.readings = readings;
        this.store = store;
        this.clock = clock;
    }

    /** Every metric, measured now. */
    public List<MetricValue> current() {
        return readings.readAll();
    }

    /** Measures every metric now and records the values as today's points; returns them. */
    public List<MetricValue> snapshot() {
        List<MetricValue> values = readings.readAll();
        LocalDate day = today();
        long now = clock.millis();
        values.forEach(v -> store.record(day, v, now));
        return values;
    }

    /**
     * The recorded points of one metric between two days, both included; dates are ISO ({@code 2026-01-31}) and
     * default to the last {@value #DEFAULT_RANGE_DAYS} days ending today.
     */
    public List<MetricPoint> series(String metric, String from, String to) {
        if (metric == null || metric.isBlank()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Name the metric, e.g. metric=" + Metric.MFA_COVERAGE);
        }
        if (Metric.all().stream().noneMatch(m -> m.id().equals(metric.strip()))) {
            throw new ProblemException(ProblemKind.VALIDATION, "Unknown metric '" + clip(metric) + "'; metrics are "
                    + Metric.all().stream().map(Metric::id).toList());
        }
        Range range = range(from, to);
        return store.between(metric.strip(), range.from(), range.to());
    }

    /** The recorded points of every metric in the last {@code days} days ending today, by metric id. */
    public Map<String, List<MetricPoint>> recent(int days) {
        LocalDate to = today();
        Map<String, List<MetricPoint>> byMetric = new LinkedHashMap<>();
        Metric.all().forEach(m -> byMetric.put(m.id(), new ArrayList<>()));
        store.between(null, to.minusDays(days - 1L), to).forEach(p -> {
            List<MetricPoint> points = byMetric.get(p.metric());
            if (points != null) {
                points.add(p);
            }
        });
        return byMetric;
    }

    private Range range(String from, String to) {
        LocalDate end = to == null || to.isBlank() ? today() : date(to, "to");
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_RANGE_DAYS - 1L) : date(from, "from");
        if (start.isAfter(end)) {
            throw new ProblemException(ProblemKind.VALIDATION, "'from' (" + start + ") is after 'to' (" + end + ")");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_RANGE_DAYS) {
            throw new ProblemException(ProblemKind.VALIDATION, "The range " + start + " to " + end + " spans " + days
                    + " days; ask for at most " + MAX_RANGE_DAYS);
        }
        return new Range(start, end);
    }

    private static LocalDate date(String value, String name) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "'" + name + "' must be an ISO date such as 2026-01-31; "
                    + "got '" + clip(value) + "'");
        }
    }

    /** Echoes at most 40 characters of what the caller sent. */
    private static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private record Range(LocalDate from, LocalDate to) {
    }
}
