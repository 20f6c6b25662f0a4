package dev.safeguard.audit.internal;

import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(TAG);
        field(out, Long.toString(e.seq()));
        field(out, e.eventId());
        field(out, Long.toString(e.recordedAt()));
        field(out, e.type());
        field(out, e.subtype());
        field(out, e.action());
        field(out, e.outcome());
        field(out, e.status() == null ? null : e.status().toString());
        field(out, e.agentUser());
        field(out, e.agentClient());
        field(out, e.agentRoles());
        field(out, e.agentSession());
        field(out, e.agentAddress());
        field(out, e.agentUserAgent());
        field(out, e.purpose());
        field(out, e.entityType());
        field(out, e.entityId());
        field(out, e.entityVersion());
        field(out, e.patientPseudonym());
        field(out, e.queryPseudonym());
        field(out, e.resultCount() == null ? null : e.resultCount().toString());
        field(out, e.requestId());
        field(out, e.nodeId());
        field(out, e.reason());
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write(0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(1);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
