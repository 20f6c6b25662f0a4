package dev.safeguard.program;

import java.time.LocalDate;

/**
 * One recorded day of a metric's time series.
 *
 * @param day         the UTC day it was recorded for (the latest snapshot of the day wins)
 * @param value       the measurement, or {@code null} when there was nothing to measure
 * @param numerator   for a percentage, how many items met it; otherwise {@code null}
 * @param denominator for a percentage, how many items it was taken over; otherwise {@code null}
 */
public record MetricPoint(String metric, LocalDate day, Double value, Long numerator, Long denominator) {
}
