package dev.safeguard.program.metrics;

import dev.safeguard.program.MetricValue;
import java.util.List;

/**
 * The metrics one area of the program measures, read from the live system at the time of the call. Every bean of
 * this type is collected by {@link MetricReadings}; each metric of {@link dev.safeguard.program.Metric#all()} must be
 * measured by exactly one source.
 */
public interface MetricSource {

    List<MetricValue> read();
}
