package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.policies.PolicyStore;
import dev.safeguard.program.policies.PolicyVersionStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The signed evidence the policies area records (164.316): an approved version and a version made effective (its
 * Markdown, SHA-256, author and approver), a review, and an acknowledgment-coverage report. Each is linked to the
 * policy's citations and to 164.316(a) and (b)(2); recorded by the officer who acted, in the caller's transaction.
 */
@Component
class PolicyEvidence {

    static final String POLICIES = "164.316(a)";
    static final String RETENTION = "164.316(b)(2)(i)";
    static final String AVAILABILITY = "164.316(b)(2)(ii)";
    static final String UPDATES = "164.316(b)(2)(iii)";

    private final Evidence evidence;
    private final ObjectMapper json;
    private final Clock clock;

    PolicyEvidence(Evidence evidence, ObjectMapper json, Clock clock) {
        this.evidence = evidence;
        this.json = json;
        this.clock = clock;
    }

    EvidenceRecord approval(Actor actor, PolicyStore.Row policy, PolicyVersionStore.Row v, String note,
                            RequestOrigin origin) {
        Map<String, Object> content = version(policy, v);
        content.put("approvedBy", actor.id());
        content.put("approvedAt", clock.instant().toString());
        content.put("approvalNote", note);
        return submit(actor, controls(policy, POLICIES, RETENTION), EvidenceKind.DOCUMENT, EvidenceResult.PASS,
                "Policy '" + policy.title() + "' version " + v.version() + " approved", content,
                "policy-approval:" + policy.id(), origin);
    }

    EvidenceRecord effective(Actor actor, PolicyStore.Row policy, PolicyVersionStore.Row v, LocalDate effectiveOn,
                             Integer supersedes, RequestOrigin origin) {
        Map<String, Object> content = version(policy, v);
        content.put("approvedBy", v.approvedBy());
        content.put("approvedAt", Instant.ofEpochMilli(v.approvedAt()).toString());
        content.put("effectiveOn", effectiveOn.toString());
        content.put("decidedBy", actor.id());
        content.put("decidedAt", clock.instant().toString());
        content.put("supersedesVersion", supersedes);
        List<String> controls = supersedes == null ? controls(policy, POLICIES, RETENTION, AVAILABILITY)
                : controls(policy, POLICIES, RETENTION, AVAILABILITY, UPDATES);
        return submit(actor, controls, EvidenceKind.DOCUMENT, EvidenceResult.PASS, "Policy '" + policy.title()
                + "' version " + v.version() + " effective from " + effectiveOn, content, "policy:" + policy.id(),
                origin);
    }

    EvidenceRecord review(Actor actor, PolicyStore.Row policy, PolicyVersionStore.Row effective, String outcome,
                          String notes, RequestOrigin origin) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("policy", policy.id());
        content.put("title", policy.title());
        content.put("version", effective.version());
        content.put("contentSha256", effective.contentSha256());
        content.put("outcome", outcome);
        content.put("notes", notes);
        content.put("reviewedBy", actor.id());
        content.put("reviewedAt", clock.instant().toString());
        return submit(actor, controls(policy, POLICIES, UPDATES), EvidenceKind.ATTESTATION, EvidenceResult.PASS,
                "Policy '" + policy.title() + "' reviewed: " + outcome, content, "policy-review:" + policy.id(), origin);
    }

    EvidenceRecord coverageReport(Actor actor, List<PolicyCoverage> coverage, int threshold, boolean met,
                                  RequestOrigin origin) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("generatedAt", clock.instant().toString());
        content.put("thresholdPercent", threshold);
        content.put("met", met);
        content.put("policies", coverage);
        return submit(actor, List.of(POLICIES, AVAILABILITY), EvidenceKind.EXPORT, met ? EvidenceResult.PASS
                : EvidenceResult.FAIL, "Policy acknowledgment coverage of " + coverage.size() + " policies in force",
                content, "policy-acknowledgment-coverage", origin);
    }

    private EvidenceRecord submit(Actor actor, List<String> controls, EvidenceKind kind, EvidenceResult result,
                                  String details, Map<String, Object> content, String series,
                                  RequestOrigin origin) {
        byte[] bytes = json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        return evidence.submit(actor, new EvidenceDraft(controls, kind, now, now, result,
                details.length() > 4000 ? details.substring(0, 4000) : details, bytes, "application/json", null,
                null, series), origin);
    }

    private static Map<String, Object> version(PolicyStore.Row policy, PolicyVersionStore.Row v) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("policy", policy.id());
        content.put("title", policy.title());
        content.put("topic", policy.topic());
        content.put("citations", policy.citations());
        content.put("version", v.version());
        content.put("author", v.createdBy());
        content.put("lastEditedBy", v.editedBy());
        content.put("contentSha256", v.contentSha256());
        content.put("markdown", v.markdown());
        return content;
    }

    private static List<String> controls(PolicyStore.Row policy, String... extra) {
        Set<String> all = new LinkedHashSet<>(policy.citations());
        all.addAll(List.of(extra));
        return new ArrayList<>(all);
    }
}
