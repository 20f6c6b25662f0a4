package dev.safeguard.program.training;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code program_training_reports} table: which signed training reports were recorded, for which period. */
@Repository
public class TrainingReportStore {

    public record Row(String id, long periodFrom, long periodTo, String evidenceId, long recordedAt,
                      String recordedBy) {
    }

    private final JdbcClient jdbc;

    TrainingReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_training_reports (id, period_from, period_to, evidence_id, recorded_at, "
                        + "recorded_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.periodFrom(), r.periodTo(), r.evidenceId(), r.recordedAt(), r.recordedBy()).update();
    }

    public List<Row> list(int limit) {
        return jdbc.sql("SELECT id, period_from, period_to, evidence_id, recorded_at, recorded_by FROM "
                        + "program_training_reports ORDER BY recorded_at DESC, id LIMIT ?")
                .param(limit).query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6))).list();
    }

    public Optional<Long> latestRecordedAt() {
        return jdbc.sql("SELECT MAX(recorded_at) FROM program_training_reports").query((rs, n) -> {
            long at = rs.getLong(1);
            return rs.wasNull() ? null : at;
        }).optional();
    }
}
