package dev.safeguard.program;

import dev.safeguard.program.workforce.WorkforceMemberStore;
import dev.safeguard.program.workforce.WorkforceTerminationStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * How a termination is shown and kept: its items with the latency of each from the effective time, and the signed
 * {@code automated-check} evidence for 164.308(a)(3)(ii)(C) recorded when it is carried out (pass when everything was
 * revoked within {@link Termination#TARGET}).
 */
@Component
class TerminationRecords {

    private final WorkforceTerminationStore store;
    private final WorkforceMemberStore members;
    private final Evidence evidence;
    private final ObjectMapper json;

    TerminationRecords(WorkforceTerminationStore store, WorkforceMemberStore members, Evidence evidence,
                       ObjectMapper json) {
        this.store = store;
        this.members = members;
        this.evidence = evidence;
        this.json = json;
    }

    Termination view(WorkforceTerminationStore.Row r) {
        List<Termination.Item> items = store.items(r.id()).stream().map(i -> new Termination.Item(i.kind(),
                i.reference(), i.userId(), Instant.ofEpochMilli(i.revokedAt()),
                Math.max(0, (i.revokedAt() - r.effectiveAt()) / 1000))).toList();
        Long latency = items.isEmpty() ? null : items.stream().mapToLong(Termination.Item::latencySeconds).max()
                .orElseThrow();
        return new Termination(r.id(), r.memberId(), members.find(r.memberId()).map(WorkforceMemberStore.Row::name)
                .orElse(null), Instant.ofEpochMilli(r.effectiveAt()), r.reason(), r.notes(), r.status(),
                Instant.ofEpochMilli(r.requestedAt()), r.requestedBy(), instant(r.executedAt()), r.executedBy(),
                instant(r.cancelledAt()), r.cancelledBy(), items, latency, latency == null ? null
                : latency <= Termination.TARGET.toSeconds(), r.eventsAfterEffective(), r.evidenceId());
    }

    /** Records the executed termination as signed evidence; returns its id. */
    String recordEvidence(Termination t, WorkforceMember member) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("termination", t.id());
        content.put("member", Map.of("id", member.id(), "name", member.name(), "jobTitle", member.jobTitle()));
        content.put("reason", t.reason());
        content.put("effectiveAt", t.effectiveAt().toString());
        content.put("executedAt", t.executedAt().toString());
        content.put("executedBy", t.executedBy());
        content.put("requestedBy", t.requestedBy());
        content.put("accounts", member.accounts().stream().map(WorkforceMember.Account::userId).toList());
        content.put("items", t.items());
        content.put("latencySeconds", t.latencySeconds());
        content.put("targetSeconds", Termination.TARGET.toSeconds());
        content.put("eventsAfterEffective", t.eventsAfterEffective());
        boolean ok = t.withinTarget() == null || t.withinTarget();
        String details = "Termination of workforce member " + member.id() + " effective " + t.effectiveAt() + ": "
                + t.items().size() + " revocations, the last " + (t.latencySeconds() == null ? "— (nothing to revoke)"
                : Duration.ofSeconds(t.latencySeconds()).toString()) + " after the effective time (target "
                + Termination.TARGET + ")";
        EvidenceDraft draft = new EvidenceDraft(Terminations.CONTROLS, EvidenceKind.EXPORT, t.effectiveAt(),
                t.executedAt(), ok ? EvidenceResult.PASS : EvidenceResult.FAIL, details,
                json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8), "application/json", null,
                t.executedAt().plus(Duration.ofDays(365)), "termination:" + t.id());
        return evidence.produce(Terminations.COLLECTOR, draft).id();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
