package dev.safeguard.program;

import dev.safeguard.program.internal.Markdown;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a policy document. A draft is editable; once approved a version never changes (the database refuses
 * it too), it only moves on: {@code approved → effective → superseded}.
 *
 * @param state               {@code draft}, {@code approved}, {@code effective} or {@code superseded}
 * @param contentSha256       hex SHA-256 of the Markdown (UTF-8)
 * @param approvedBy          the approving officer: never its author (creator or last editor)
 * @param effectiveOn         the date it takes or took effect (set when made or scheduled effective)
 * @param scheduled           approved with an effective date still to come
 * @param retainUntil         it cannot be deleted before then (164.316(b)(2)(i): six years from creation or from the
 *                            date it stopped being effective, whichever is later); {@code null} while it is effective
 * @param deletable           its retention has ended by the server's clock
 */
public record PolicyVersion(String policyId, int version, String state, String markdown, String contentSha256,
                            String changeSummary, Instant createdAt, String createdBy, Instant editedAt,
                            String editedBy, Instant approvedAt, String approvedBy, String approvalNote,
                            String approvalEvidenceId, LocalDate effectiveOn, boolean scheduled, String effectiveBy,
                            String effectiveEvidenceId, Instant effectiveAt, Instant supersededAt,
                            Integer supersededByVersion, Instant retainUntil, boolean deletable) {

    public static final String DRAFT = "draft";
    public static final String APPROVED = "approved";
    public static final String EFFECTIVE = "effective";
    public static final String SUPERSEDED = "superseded";

    /** The text as HTML, safe to insert unescaped (raw HTML escaped, unsafe links removed). */
    public String html() {
        return Markdown.html(markdown);
    }
}
