package dev.safeguard.program.metrics.web;

import dev.safeguard.program.Metric;
import dev.safeguard.program.MetricPoint;
import dev.safeguard.program.MetricValue;
import dev.safeguard.program.Metrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/program/metrics}: compliance metrics measured now, their recorded daily series, and an on-demand
 * snapshot (officers; the security chain admits auditors to reads only).
 */
@RestController
@RequestMapping("/api/program/metrics")
@Tag(name = "Metrics", description = "Compliance metrics measured from the running system, recorded daily")
class MetricsController {

    private final Metrics metrics;

    MetricsController(Metrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping
    @Operation(summary = "Every metric, measured now")
    List<MetricValue> current() {
        return metrics.current();
    }

    @GetMapping("/definitions")
    @Operation(summary = "Every metric's id, title and unit")
    List<Metric> definitions() {
        return Metric.all();
    }

    @GetMapping("/series")
    @Operation(summary = "The recorded daily points of one metric between two days, both included (default: the "
            + "last 90 days)")
    List<MetricPoint> series(@Parameter(description = "metric id, e.g. mfa-coverage") @RequestParam(required = false)
                             String metric,
                             @Parameter(description = "first day, ISO (2026-01-31)") @RequestParam(required = false)
                             String from,
                             @Parameter(description = "last day, ISO; default today (UTC)")
                             @RequestParam(required = false) String to) {
        return metrics.series(metric, from, to);
    }

    @PostMapping("/snapshot")
    @Operation(summary = "Measure every metric now and record the values as today's points")
    List<MetricValue> snapshot() {
        return metrics.snapshot();
    }
}
