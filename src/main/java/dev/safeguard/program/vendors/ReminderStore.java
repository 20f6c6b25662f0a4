package dev.safeguard.program.vendors;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code program_baa_reminders} table: the expiry reminder thresholds already passed per agreement. An insert
 * that finds the row present does nothing and says so, so of several nodes exactly one raises each reminder.
 */
@Repository
public class ReminderStore {

    private final JdbcClient jdbc;

    ReminderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a threshold as passed; false when it was recorded already. */
    public boolean record(String agreementId, int daysAhead, long at, boolean alerted) {
        return jdbc.sql("INSERT INTO program_baa_reminders (baa_id, days_ahead, recorded_at, alerted) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(agreementId, daysAhead, at, alerted ? 1 : 0).update() == 1;
    }

    /** The thresholds recorded for an agreement, largest first. */
    public List<Integer> of(String agreementId) {
        return jdbc.sql("SELECT days_ahead FROM program_baa_reminders WHERE baa_id = ? ORDER BY days_ahead DESC")
                .param(agreementId).query(Integer.class).list();
    }

    /** Every recorded threshold: agreement id → thresholds, largest first. */
    public Map<String, List<Integer>> all() {
        return jdbc.sql("SELECT baa_id, days_ahead FROM program_baa_reminders ORDER BY baa_id, days_ahead DESC")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
                        Collectors.toList())));
    }
}
