package dev.safeguard.program.metrics;

import dev.safeguard.program.Metric;
import dev.safeguard.program.MetricValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads every metric from the live system through the areas' {@link MetricSource}s; nothing is cached, so a reading
 * reflects the state at the time of the call. Values come back in the order of {@link Metric#all()}.
 */
@Component
public class MetricReadings {

    private final List<MetricSource> sources;

    MetricReadings(List<MetricSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * Every metric of {@link Metric#all()}, in that order.
     *
     * @throws IllegalStateException when a metric is measured by no source, or by two (a wiring error)
     */
    public List<MetricValue> readAll() {
        Map<String, MetricValue> byId = new HashMap<>();
        for (MetricSource source : sources) {
            for (MetricValue value : source.read()) {
                if (byId.put(value.id(), value) != null) {
                    throw new IllegalStateException("The metric " + value.id() + " is measured twice");
                }
            }
        }
        List<MetricValue> values = new ArrayList<>();
        for (Metric metric : Metric.all()) {
            MetricValue value = byId.remove(metric.id());
            if (value == null) {
                throw new IllegalStateException("No source measures the metric " + metric.id());
            }
            values.add(value);
        }
        if (!byId.isEmpty()) {
            throw new IllegalStateException("Metrics without a definition in Metric.all(): " + byId.keySet());
        }
        return List.copyOf(values);
    }
}
