package dev.safeguard.audit;

import dev.safeguard.audit.internal.AuditSearch;
import dev.safeguard.audit.internal.AuditStore;
import dev.safeguard.audit.internal.Merkle;
import dev.safeguard.audit.internal.StoredEvent;
import dev.safeguard.audit.internal.TreeHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Reading the audit trail: searches, the patient access report ("who looked at my records"), and exports as CSV, JSON
 * and JSON Lines with an RFC 6962 inclusion proof per event. Who may read is decided by the web layer (auditors and
 * security officers); every read is itself a request event in the trail.
 */
@Service
public class AuditQueries {

    /** The most events one export holds; narrow the time range for more. */
    public static final int EXPORT_LIMIT = 100_000;

    private final AuditSearch search;
    private final AuditStore store;
    private final ObjectMapper json;

    AuditQueries(AuditSearch search, AuditStore store, ObjectMapper json) {
        this.search = search;
        this.store = store;
        this.json = json;
    }

    public AuditQuery.Page search(AuditQuery query) {
        return search.page(query);
    }

    /** One line of a patient's access report. */
    public record Access(long seq, java.time.Instant when, String user, String client, String roles, String action,
                         String what, String entityType, String entityId, String purposeOfUse, boolean breakGlass,
                         String outcome, Integer status) {
    }

    /** Who accessed the patient's records, when, what and why, oldest first; break-glass accesses are flagged. */
    public List<Access> accessReport(String patientReference, java.time.Instant from, java.time.Instant to) {
        AuditQuery query = new AuditQuery(from, to, null, null, patientReference, null, null, null, null, 0,
                AuditQuery.MAX_SIZE);
        List<Access> accesses = new java.util.ArrayList<>();
        search.each(query, EXPORT_LIMIT, e -> {
            AuditRecord r = AuditSearch.record(e);
            accesses.add(new Access(r.seq(), r.recorded(), r.agentUser(), r.agentClient(), r.agentRoles(), r.action(),
                    r.subtype(), r.entityType(), r.entityId(), r.purposeOfUse(), r.breakGlass(), r.outcome(),
                    r.status()));
        });
        return accesses;
    }

    static final String[] CSV_COLUMNS = {"seq", "eventId", "recorded", "type", "subtype", "action", "outcome",
        "status", "agentUser", "agentClient", "agentRoles", "agentSession", "agentAddress", "purposeOfUse",
        "entityType", "entityId", "entityVersion", "patientPseudonym", "queryPseudonym", "resultCount", "requestId",
        "nodeId", "reason", "leafHash"};

    public void exportCsv(AuditQuery query, Writer out) {
        write(out, String.join(",", CSV_COLUMNS) + "\r\n");
        search.each(query, EXPORT_LIMIT, e -> {
            AuditRecord r = AuditSearch.record(e);
            Object[] values = {r.seq(), r.eventId(), r.recorded(), r.type(), r.subtype(), r.action(), r.outcome(),
                r.status(), r.agentUser(), r.agentClient(), r.agentRoles(), r.agentSession(), r.agentAddress(),
                r.purposeOfUse(), r.entityType(), r.entityId(), r.entityVersion(), r.patientPseudonym(),
                r.queryPseudonym(), r.resultCount(), r.requestId(), r.nodeId(), r.reason(), r.leafHash()};
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(csv(values[i]));
            }
            write(out, line.append("\r\n").toString());
        });
    }

    public void exportJson(AuditQuery query, Writer out) {
        write(out, "[");
        boolean[] first = {true};
        search.each(query, EXPORT_LIMIT, e -> {
            write(out, (first[0] ? "" : ",") + json.writeValueAsString(AuditSearch.record(e)));
            first[0] = false;
        });
        write(out, "]");
    }

    /**
     * JSON Lines: a first line with the latest signed tree head, then one line per event with its inclusion proof in
     * that tree (events after the head are exported without a proof; they are covered by the next head).
     */
    public void exportJsonLines(AuditQuery query, Writer out, String publicKeyset) {
        TreeHead head = store.latestTreeHead().orElse(null);
        long size = head == null ? 0 : head.treeSize();
        Merkle.Levels tree = new Merkle.Levels(size == 0 ? List.of() : store.leafHashes(size));
        write(out, json.writeValueAsString(Map.of("treeHead", head == null ? Map.of()
                : AuditIntegrity.view(head), "publicKeyset", publicKeyset, "algorithm",
                "RFC 6962 SHA-256; leaf = SHA-256(0x00 || canonical event v1)")) + "\n");
        search.each(query, EXPORT_LIMIT, (StoredEvent e) -> {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("event", AuditSearch.record(e));
            if (e.seq() <= size) {
                line.put("inclusionProof", Map.of("leafIndex", e.seq() - 1, "treeSize", size, "path",
                        tree.inclusionProof((int) (e.seq() - 1)).stream()
                                .map(h -> Base64.getEncoder().encodeToString(h)).toList()));
            }
            write(out, json.writeValueAsString(line) + "\n");
        });
    }

    /** A FHIR R4 Bundle (type collection) of AuditEvent resources shaped after IHE BALP. */
    public void exportFhir(AuditQuery query, Writer out) {
        write(out, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        boolean[] first = {true};
        search.each(query, EXPORT_LIMIT, e -> {
            write(out, (first[0] ? "" : ",") + json.writeValueAsString(Map.of("fullUrl",
                    "urn:uuid:" + e.eventId(), "resource", dev.safeguard.audit.internal.FhirAuditEvents.of(e))));
            first[0] = false;
        });
        write(out, "]}");
    }

    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // Neutralize spreadsheet formulas and quote as RFC 4180.
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.startsWith("'")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
