package dev.safeguard.console.web;

import dev.safeguard.program.Metric;
import java.util.Locale;

/** How the console writes a metric value: {@code 97.5 %}, {@code 1.25 h}, {@code 3}, or a dash when unmeasured. */
final class MetricFormat {

    private MetricFormat() {
    }

    static String display(String unit, Double value) {
        if (value == null) {
            return "—";
        }
        return switch (unit) {
            case Metric.PERCENT -> number(value) + " %";
            case Metric.HOURS -> number(value) + " h";
            case Metric.DAYS -> number(value) + " d";
            case Metric.SECONDS -> number(value) + " s";
            default -> number(value);
        };
    }

    /** A plain number for tables and chart data: no grouping, at most two decimals, no trailing zeros. */
    static String number(Double value) {
        if (value == null) {
            return "";
        }
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
