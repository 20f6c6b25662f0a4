package dev.safeguard.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_events}, {@code audit_tree_heads} and {@code audit_verifications} tables. Insert-only. */
@Repository
public class AuditStore {

    static final String COLUMNS = String.join(", ", CanonicalEncoding.FIELDS) + ", leaf_hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private final boolean sqlite;

    public AuditStore(JdbcClient jdbc, JdbcTemplate template, dev.safeguard.platform.StorageSettings storage) {
        this.jdbc = jdbc;
        this.template = template;
        this.sqlite = !storage.postgres();
    }

    /** Inserts the batch with one JDBC batch; the caller owns the transaction. */
    public void insert(List<StoredEvent> events) {
        template.batchUpdate("INSERT INTO audit_events (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events, events.size(),
                (ps, e) -> {
                    ps.setLong(1, e.seq());
                    ps.setString(2, e.eventId());
                    ps.setLong(3, e.recordedAt());
                    ps.setString(4, e.type());
                    ps.setString(5, e.subtype());
                    ps.setString(6, e.action());
                    ps.setString(7, e.outcome());
                    setInt(ps, 8, e.status());
                    ps.setString(9, e.agentUser());
                    ps.setString(10, e.agentClient());
                    ps.setString(11, e.agentRoles());
                    ps.setString(12, e.agentSession());
                    ps.setString(13, e.agentAddress());
                    ps.setString(14, e.agentUserAgent());
                    ps.setString(15, e.purpose());
                    ps.setString(16, e.entityType());
                    ps.setString(17, e.entityId());
                    ps.setString(18, e.entityVersion());
                    ps.setString(19, e.patientPseudonym());
                    ps.setString(20, e.queryPseudonym());
                    setInt(ps, 21, e.resultCount());
                    ps.setString(22, e.requestId());
                    ps.setString(23, e.nodeId());
                    ps.setString(24, e.reason());
                    ps.setBytes(25, e.leafHash());
                });
    }

    public long maxSeq() {
        Long max = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_events").query(Long.class).single();
        return max == null ? 0 : max;
    }

    /** One event as the verifier needs it: its number, its stored leaf hash and the leaf hash of its columns. */
    public interface LeafVisitor {
        void visit(long seq, byte[] storedLeafHash, byte[] recomputedLeafHash);
    }

    /** Visits the events with seq in [from, to] in order, recomputing each leaf hash from the stored columns. */
    public void eachRecomputedLeaf(long from, long to, LeafVisitor visitor) {
        template.query("SELECT " + COLUMNS + " FROM audit_events WHERE seq >= ? AND seq <= ? ORDER BY seq", rs -> {
            visitor.visit(rs.getLong(1), rs.getBytes(25), CanonicalEncoding.leafHash(rs, sqlite));
        }, from, to);
    }

    /** The smallest seq greater than {@code seq}, if any. */
    public Optional<Long> nextSeq(long seq) {
        return jdbc.sql("SELECT MIN(seq) FROM audit_events WHERE seq > ?").param(seq).query(Long.class).optional();
    }

    /** Streams every leaf hash in sequence order (without holding them all in memory). */
    public void eachLeafHash(Consumer<byte[]> consumer) {
        template.query("SELECT leaf_hash FROM audit_events ORDER BY seq", rs -> {
            consumer.accept(rs.getBytes(1));
        });
    }

    /** Leaf hashes of the events with seq in [1, size], in order. */
    public List<byte[]> leafHashes(long size) {
        return jdbc.sql("SELECT leaf_hash FROM audit_events WHERE seq <= ? ORDER BY seq").param(size)
                .query((rs, n) -> rs.getBytes(1)).list();
    }

    public Optional<StoredEvent> find(long seq) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_events WHERE seq = ?").param(seq)
                .query((rs, n) -> row(rs)).optional();
    }

    public void insertTreeHead(TreeHead head) {
        jdbc.sql("INSERT INTO audit_tree_heads (tree_size, root_hash, signed_at, signature) VALUES (?, ?, ?, ?)")
                .params(head.treeSize(), head.rootHash(), head.signedAt(), head.signature()).update();
    }

    public List<TreeHead> treeHeads() {
        return jdbc.sql("SELECT tree_size, root_hash, signed_at, signature FROM audit_tree_heads ORDER BY tree_size")
                .query((rs, n) -> new TreeHead(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getBytes(4))).list();
    }

    public Optional<TreeHead> latestTreeHead() {
        List<TreeHead> heads = jdbc.sql("SELECT tree_size, root_hash, signed_at, signature FROM audit_tree_heads "
                        + "ORDER BY tree_size DESC LIMIT 1")
                .query((rs, n) -> new TreeHead(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getBytes(4))).list();
        return heads.stream().findFirst();
    }

    public java.util.Optional<dev.safeguard.audit.AuditVerification> latestVerification() {
        return jdbc.sql("SELECT verified_at, tree_size, ok, first_bad_seq, reason FROM audit_verifications "
                        + "ORDER BY verified_at DESC LIMIT 1")
                .query((rs, n) -> {
                    long firstBad = rs.getLong(4);
                    Long bad = rs.wasNull() ? null : firstBad;
                    return new dev.safeguard.audit.AuditVerification(rs.getInt(3) == 1, rs.getLong(2), 0, bad,
                            rs.getString(5), java.time.Instant.ofEpochMilli(rs.getLong(1)));
                }).optional();
    }

    public void insertVerification(long at, long treeSize, boolean ok, Long firstBadSeq, String reason) {
        jdbc.sql("INSERT INTO audit_verifications (verified_at, tree_size, ok, first_bad_seq, reason) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(at, treeSize, ok ? 1 : 0, firstBadSeq, reason).update();
    }

    static StoredEvent row(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), getInt(rs, 8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
                rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20), getInt(rs, 21),
                rs.getString(22), rs.getString(23), rs.getString(24), rs.getBytes(25));
    }

    private static Integer getInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static void setInt(java.sql.PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
