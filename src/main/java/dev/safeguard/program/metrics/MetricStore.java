package dev.safeguard.program.metrics;

import dev.safeguard.program.MetricPoint;
import dev.safeguard.program.MetricValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code program_metrics}: one row per metric per UTC day. Days are stored as ISO dates ({@code 2026-01-31}), so
 * text order is date order on both databases. A second snapshot on the same day replaces that day's row.
 */
@Repository
public class MetricStore {

    private final JdbcClient jdbc;

    public MetricStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(LocalDate day, MetricValue value, long recordedAt) {
        jdbc.sql("INSERT INTO program_metrics (metric, day, value, numerator, denominator, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (metric, day) DO UPDATE SET value = excluded.value, "
                        + "numerator = excluded.numerator, denominator = excluded.denominator, "
                        + "recorded_at = excluded.recorded_at")
                .params(value.id(), day.toString(), value.value(), value.numerator(), value.denominator(), recordedAt)
                .update();
    }

    /** The points of one metric, or of every metric when {@code metric} is {@code null}, oldest day first. */
    public List<MetricPoint> between(String metric, LocalDate from, LocalDate to) {
        String sql = "SELECT metric, day, value, numerator, denominator FROM program_metrics WHERE day >= ? AND day <= ?"
                + (metric == null ? "" : " AND metric = ?") + " ORDER BY day, metric";
        var spec = jdbc.sql(sql).param(from.toString()).param(to.toString());
        if (metric != null) {
            spec = spec.param(metric);
        }
        return spec.query((rs, n) -> point(rs)).list();
    }

    private static MetricPoint point(ResultSet rs) throws SQLException {
        double value = rs.getDouble(3);
        Double v = rs.wasNull() ? null : value;
        long numerator = rs.getLong(4);
        Long num = rs.wasNull() ? null : numerator;
        long denominator = rs.getLong(5);
        Long den = rs.wasNull() ? null : denominator;
        return new MetricPoint(rs.getString(1), LocalDate.parse(rs.getString(2)), v, num, den);
    }
}
