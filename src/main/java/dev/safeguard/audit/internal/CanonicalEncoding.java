package dev.safeguard.audit.internal;

import java.nio.charset.StandardCharsets;

/**
 * The canonical byte encoding of an audit event, the input of its Merkle leaf hash.
 *
 * <p>IMPORTANT: this encoding must never change, or every stored leaf hash and every signed tree head stops
 * verifying. A new field needs a new version tag and a migration plan, not an edit here.
 *
 * <p>Version 1: the ASCII tag {@code safeguard-audit-v1}, then the fields below in this order. A null field is the
 * single byte {@code 0x00}; a present field is {@code 0x01}, its UTF-8 length as a 4-byte big-endian integer, and its
 * UTF-8 bytes. Numbers are written as decimal strings.
 * <ol>
 * <li>seq <li>event_id <li>recorded_at (epoch milliseconds) <li>type <li>subtype <li>action <li>outcome
 * <li>status <li>agent_user <li>agent_client <li>agent_roles <li>agent_session <li>agent_address
 * <li>agent_user_agent <li>purpose <li>entity_type <li>entity_id <li>entity_version <li>patient_pseudonym
 * <li>query_pseudonym <li>result_count <li>request_id <li>node_id <li>reason
 * </ol>
 */
public final class CanonicalEncoding {

    static final byte[] TAG = "safeguard-audit-v1".getBytes(StandardCharsets.US_ASCII);

    private CanonicalEncoding() {
    }

    public static byte[] encode(StoredEvent e) {
        Buffer out = new Buffer(512);
        out.write(TAG);
        out.field(Long.toString(e.seq()));
        afterSeq(out, e);
        return out.toByteArray();
    }

    /** {@code Merkle.leafHash(encode(e))}, encoded into this thread's reusable buffer. */
    static byte[] leafHash(StoredEvent e) {
        Buffer out = BUFFER.get();
        out.length = 0;
        out.write(TAG);
        out.field(Long.toString(e.seq()));
        afterSeq(out, e);
        return out.leafHash();
    }

    /**
     * The encoding's bytes after the seq field (fields 2 to 24). A producer prepares them before its event has a
     * sequence number, so that the appender only hashes: {@code encode(e)} is {@code TAG ‖ field(seq) ‖ afterSeq(e)}.
     */
    static byte[] afterSeq(StoredEvent e) {
        Buffer out = new Buffer(448);
        afterSeq(out, e);
        return out.toByteArray();
    }

    /** {@code Merkle.leafHash(encode(e))} for the event with this seq whose {@link #afterSeq} bytes are given. */
    static byte[] leafHash(long seq, byte[] afterSeq) {
        Buffer out = BUFFER.get();
        out.length = 0;
        out.write(TAG);
        out.field(Long.toString(seq));
        out.write(afterSeq);
        return out.leafHash();
    }

    private static void afterSeq(Buffer out, StoredEvent e) {
        out.field(e.eventId());
        out.field(Long.toString(e.recordedAt()));
        out.field(e.type());
        out.field(e.subtype());
        out.field(e.action());
        out.field(e.outcome());
        out.field(e.status() == null ? null : e.status().toString());
        out.field(e.agentUser());
        out.field(e.agentClient());
        out.field(e.agentRoles());
        out.field(e.agentSession());
        out.field(e.agentAddress());
        out.field(e.agentUserAgent());
        out.field(e.purpose());
        out.field(e.entityType());
        out.field(e.entityId());
        out.field(e.entityVersion());
        out.field(e.patientPseudonym());
        out.field(e.queryPseudonym());
        out.field(e.resultCount() == null ? null : e.resultCount().toString());
        out.field(e.requestId());
        out.field(e.nodeId());
        out.field(e.reason());
    }

    /** The encoded fields in order; also the column names and order of {@code audit_events} (see AuditStore). */
    static final java.util.List<String> FIELDS = java.util.List.of("seq", "event_id", "recorded_at", "type",
            "subtype", "action", "outcome", "status", "agent_user", "agent_client", "agent_roles", "agent_session",
            "agent_address", "agent_user_agent", "purpose", "entity_type", "entity_id", "entity_version",
            "patient_pseudonym", "query_pseudonym", "result_count", "request_id", "node_id", "reason");
    /** 1-based positions in {@link #FIELDS} of the integer columns, which are encoded as decimal strings. */
    private static final boolean[] NUMERIC = new boolean[FIELDS.size() + 1];

    static {
        for (String numeric : java.util.List.of("seq", "recorded_at", "status", "result_count")) {
            NUMERIC[FIELDS.indexOf(numeric) + 1] = true;
        }
    }

    /**
     * The leaf hash of the row the result set is on (selected with {@code AuditStore.COLUMNS}), encoded straight
     * from the columns. With {@code textAsBytes} the text columns are read as their stored UTF-8 bytes (SQLite, where
     * fetching a column as a Java string costs twice as much); otherwise as strings.
     */
    static byte[] leafHash(java.sql.ResultSet rs, boolean textAsBytes) throws java.sql.SQLException {
        Buffer out = BUFFER.get();
        out.length = 0;
        out.write(TAG);
        for (int column = 1; column <= FIELDS.size(); column++) {
            if (NUMERIC[column]) {
                long value = rs.getLong(column);
                out.field(rs.wasNull() ? null : Long.toString(value));
            } else if (textAsBytes) {
                out.field(rs.getBytes(column));
            } else {
                out.field(rs.getString(column));
            }
        }
        return out.leafHash();
    }

    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(() -> new Buffer(1024));

    /** A growable byte array without the locking of {@code ByteArrayOutputStream}. */
    private static final class Buffer {
        private byte[] bytes;
        private int length;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        void field(String value) {
            field(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        void field(byte[] utf8) {
            if (utf8 == null) {
                ensure(1);
                bytes[length++] = 0;
                return;
            }
            ensure(5 + utf8.length);
            bytes[length++] = 1;
            bytes[length++] = (byte) (utf8.length >>> 24);
            bytes[length++] = (byte) (utf8.length >>> 16);
            bytes[length++] = (byte) (utf8.length >>> 8);
            bytes[length++] = (byte) utf8.length;
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
        }

        void write(byte[] data) {
            ensure(data.length);
            System.arraycopy(data, 0, bytes, length, data.length);
            length += data.length;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(bytes, length);
        }

        byte[] leafHash() {
            java.security.MessageDigest sha = Merkle.sha256();
            sha.update((byte) 0x00);
            sha.update(bytes, 0, length);
            return sha.digest();
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
