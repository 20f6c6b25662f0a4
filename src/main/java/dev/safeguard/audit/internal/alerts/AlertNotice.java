package dev.safeguard.audit.internal.alerts;

import dev.safeguard.audit.Alerts.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the channels deliver about one alert: the stored alert, or (when the inbox could not store it, e.g. the
 * database is down) the same content with {@code id == null} and {@code stored == false}. No PHI, no secrets.
 *
 * @param deliveryId the same for every retry and channel, so receivers can drop duplicates
 */
record AlertNotice(Long id, String deliveryId, String rule, Severity severity, String subject, String summary,
                   Long firstSeq, Instant createdAt, boolean stored, String node) {

    static AlertNotice of(AlertDraft draft, Long id, String node) {
        return new AlertNotice(id, UUID.randomUUID().toString(), draft.rule(), draft.severity(), draft.subject(),
                draft.summary(), draft.firstSeq(), Instant.ofEpochMilli(draft.at()), id != null, node);
    }

    /**
     * The webhook's JSON body, in a fixed member order.
     *
     * <p>IMPORTANT: receivers parse these member names; add members, never rename or remove one.
     */
    Map<String, Object> payload() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", 1);
        body.put("deliveryId", deliveryId);
        body.put("id", id);
        body.put("stored", stored);
        body.put("rule", rule);
        body.put("severity", severity.name());
        body.put("subject", subject);
        body.put("summary", summary);
        body.put("firstSeq", firstSeq);
        body.put("createdAt", createdAt.toString());
        body.put("node", node);
        return body;
    }
}
