package dev.safeguard.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a stored event to a FHIR R4 {@code AuditEvent}, shaped after IHE Basic Audit Log Patterns (BALP): type
 * {@code rest} (or Safeguard's own type system), action, recorded, outcome (0 / 4 / 8), purposeOfEvent, the agent
 * with its network address and roles, the observing node as source, and entities: the resource acted on, the
 * patient (as its pseudonym, never in clear) and the query (as its pseudonym). Built as plain maps so the export
 * does not depend on a FHIR library.
 */
public final class FhirAuditEvents {

    static final String SAFEGUARD = "urn:safeguard:";

    private FhirAuditEvents() {
    }

    public static Map<String, Object> of(StoredEvent e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "AuditEvent");
        r.put("id", e.eventId());
        r.put("meta", Map.of("profile", List.of("https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit."
                + ("rest".equals(e.type()) ? "Read" : "Auth"))));
        r.put("type", "rest".equals(e.type())
                ? coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation")
                : coding(SAFEGUARD + "audit-type", e.type(), e.type()));
        r.put("subtype", List.of(coding(SAFEGUARD + "audit-subtype", e.subtype(), e.subtype())));
        r.put("action", e.action());
        r.put("recorded", Instant.ofEpochMilli(e.recordedAt()).toString());
        r.put("outcome", switch (e.outcome()) {
            case "SUCCESS" -> "0";
            case "MINOR_FAILURE" -> "4";
            default -> "8";
        });
        if (e.status() != null || e.reason() != null) {
            r.put("outcomeDesc", (e.status() == null ? "" : "HTTP " + e.status())
                    + (e.reason() == null ? "" : (e.status() == null ? "" : "; ") + e.reason()));
        }
        if (e.purpose() != null) {
            r.put("purposeOfEvent", List.of(Map.of("coding", List.of(Map.of(
                    "system", "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code", e.purpose())))));
        }
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("type", Map.of("coding", List.of(Map.of("system",
                "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code", "IRCP"))));
        if (e.agentUser() != null || e.agentClient() != null) {
            agent.put("who", Map.of("identifier", Map.of("system", SAFEGUARD + (e.agentClient() != null
                    ? "service-client" : "user"), "value", e.agentClient() != null ? e.agentClient() : e.agentUser())));
        }
        if (e.agentRoles() != null) {
            List<Object> roles = new ArrayList<>();
            for (String role : e.agentRoles().split(" ")) {
                roles.add(Map.of("coding", List.of(Map.of("system", SAFEGUARD + "role", "code", role))));
            }
            agent.put("role", roles);
        }
        agent.put("requestor", true);
        if (e.agentAddress() != null) {
            agent.put("network", Map.of("address", e.agentAddress(), "type", "2"));
        }
        r.put("agent", List.of(agent));
        r.put("source", Map.of("observer", Map.of("display", e.nodeId() == null ? "safeguard" : e.nodeId()),
                "type", List.of(Map.of("system", "http://terminology.hl7.org/CodeSystem/security-source-type",
                        "code", "4"))));
        List<Object> entities = new ArrayList<>();
        if (e.entityType() != null && e.entityId() != null && !"Patient".equals(e.entityType())) {
            entities.add(Map.of("what", Map.of("reference", e.entityType() + "/" + e.entityId()
                    + (e.entityVersion() == null ? "" : "/_history/" + e.entityVersion()))));
        }
        if (e.patientPseudonym() != null) {
            entities.add(Map.of("what", Map.of("identifier", Map.of("system", SAFEGUARD + "patient-pseudonym",
                    "value", e.patientPseudonym())), "role", Map.of("system",
                    "http://terminology.hl7.org/CodeSystem/object-role", "code", "1", "display", "Patient")));
        }
        if (e.queryPseudonym() != null) {
            entities.add(Map.of("what", Map.of("identifier", Map.of("system", SAFEGUARD + "query-pseudonym",
                    "value", e.queryPseudonym())), "role", Map.of("system",
                    "http://terminology.hl7.org/CodeSystem/object-role", "code", "24", "display", "Query")));
        }
        if (!entities.isEmpty()) {
            r.put("entity", entities);
        }
        r.put("extension", List.of(Map.of("url", SAFEGUARD + "audit-sequence", "valueInteger64", e.seq())));
        return r;
    }

    private static Map<String, Object> coding(String system, String code, String display) {
        return Map.of("system", system, "code", code, "display", display);
    }
}
