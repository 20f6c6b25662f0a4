package dev.safeguard.program.contingency;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code program_drill_evidence} table: which evidence records which restore drill (at most one each). */
@Repository
public class DrillEvidenceStore {

    private final JdbcClient jdbc;

    DrillEvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the drill has evidence already. */
    public boolean insert(String drillId, String evidenceId, long at) {
        return jdbc.sql("INSERT INTO program_drill_evidence (drill_id, evidence_id, recorded_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (drill_id) DO NOTHING").params(drillId, evidenceId, at).update() == 1;
    }

    public Optional<String> evidence(String drillId) {
        return jdbc.sql("SELECT evidence_id FROM program_drill_evidence WHERE drill_id = ?").param(drillId)
                .query(String.class).optional();
    }
}
