package dev.safeguard.program.policies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code program_policies} table: one row per policy with what describes it (title, owner, citations, review
 * cadence, whether acknowledgment is required) and the counter that numbers its versions, so a number is never used
 * twice, even after a version was deleted. Policies are never deleted (a trigger refuses it).
 */
@Repository
public class PolicyStore {

    /** A stored policy; times in epoch milliseconds. */
    public record Row(String id, String topic, String title, String ownerId, List<String> citations, int reviewMonths,
                      boolean acknowledgmentRequired, int lastVersion, long createdAt, String createdBy,
                      long updatedAt, String updatedBy) {
        public Row {
            citations = List.copyOf(citations);
        }
    }

    private static final String COLUMNS = "id, topic, title, owner_id, citations, review_months, "
            + "acknowledgment_required, last_version, created_at, created_by, updated_at, updated_by";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    PolicyStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Row r) {
        jdbc.sql("INSERT INTO program_policies (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.topic(), r.title(), r.ownerId(), json.writeValueAsString(r.citations()),
                        r.reviewMonths(), r.acknowledgmentRequired() ? 1 : 0, r.lastVersion(), r.createdAt(),
                        r.createdBy(), r.updatedAt(), r.updatedBy())
                .update();
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_policies WHERE id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** Every policy, by title. */
    public List<Row> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_policies ORDER BY title, id").query((rs, n) -> row(rs))
                .list();
    }

    public Optional<Row> findByTopic(String topic) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM program_policies WHERE topic = ? ORDER BY created_at LIMIT 1")
                .param(topic).query((rs, n) -> row(rs)).optional();
    }

    /** Replaces what describes the policy (not its versions). */
    public void update(Row r) {
        jdbc.sql("UPDATE program_policies SET topic = ?, title = ?, owner_id = ?, citations = ?, review_months = ?, "
                        + "acknowledgment_required = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(r.topic(), r.title(), r.ownerId(), json.writeValueAsString(r.citations()), r.reviewMonths(),
                        r.acknowledgmentRequired() ? 1 : 0, r.updatedAt(), r.updatedBy(), r.id())
                .update();
    }

    /** Takes the policy's next version number. */
    public int nextVersion(String id) {
        jdbc.sql("UPDATE program_policies SET last_version = last_version + 1 WHERE id = ?").param(id).update();
        return jdbc.sql("SELECT last_version FROM program_policies WHERE id = ?").param(id).query(Integer.class)
                .single();
    }

    private Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("topic"), rs.getString("title"), rs.getString("owner_id"),
                json.readValue(rs.getString("citations"), STRINGS), rs.getInt("review_months"),
                rs.getInt("acknowledgment_required") == 1, rs.getInt("last_version"), rs.getLong("created_at"),
                rs.getString("created_by"), rs.getLong("updated_at"), rs.getString("updated_by"));
    }
}
