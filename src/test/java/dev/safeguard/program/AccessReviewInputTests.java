package dev.safeguard.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguard.identity.Role;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reviewer's decision is checked against its item before anything changes: the decision, the comment (required to
 * revoke or modify), and for modify exactly the fields of the item's kind, each narrowing what the item holds.
 */
class AccessReviewInputTests {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final Instant CARE_ENDS = NOW.plus(Duration.ofDays(30));
    static final Instant CLIENT_EXPIRES = NOW.plus(Duration.ofDays(100));
    static final AccessReviewItem ROLE = item(AccessReviewItem.ROLE);
    static final AccessReviewItem CARE = item(AccessReviewItem.CARE_TEAM);
    static final AccessReviewItem CLIENT = item(AccessReviewItem.SERVICE_CLIENT);

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(ROLE, null, null, null, "Give the decision"),
                Arguments.of(ROLE, "maybe", "why", null, "must be one of keep, revoke, modify"),
                Arguments.of(ROLE, "revoke", null, null, "Give a comment saying why the entitlement is revoked"),
                Arguments.of(ROLE, "revoke", " \n ", null, "Give a comment"),
                Arguments.of(ROLE, "modify", null, change("staff", null, null, null), "is modified"),
                Arguments.of(ROLE, "keep", "x".repeat(2001), null, "at most 2000 characters"),
                Arguments.of(ROLE, "keep", "bell\u0007", null, "control characters"),
                Arguments.of(ROLE, "keep", null, change("staff", null, null, null), "belong to a modify decision"),
                Arguments.of(ROLE, "modify", "why", null, "give only the role"),
                Arguments.of(ROLE, "modify", "why", change("wizard", null, null, null), "The role must be one of"),
                Arguments.of(ROLE, "modify", "why", change("clinician", null, null, null), "Name another role"),
                Arguments.of(ROLE, "modify", "why", change("staff", NOW.plusSeconds(60), null, null),
                        "give only the role"),
                Arguments.of(CARE, "modify", "why", change(null, NOW.minusSeconds(1), null, null), "in the future"),
                Arguments.of(CARE, "modify", "why", change(null, NOW, null, null), "in the future"),
                Arguments.of(CARE, "modify", "why", change(null, CARE_ENDS, null, null), "before the assignment's"),
                Arguments.of(CARE, "modify", "why", change("staff", null, null, null), "only its new, earlier end"),
                Arguments.of(CLIENT, "modify", "why", change(null, null, CLIENT_EXPIRES.plusMillis(1), null),
                        "no later than the current one"),
                Arguments.of(CLIENT, "modify", "why", change(null, null, NOW, null), "in the future"),
                Arguments.of(CLIENT, "modify", "why", change(null, null, CLIENT_EXPIRES, null), "must remove a scope"),
                Arguments.of(CLIENT, "modify", "why", change(null, null, null, List.of("system/*.read",
                        "system/Observation.write")), "must remove a scope"),
                Arguments.of(CLIENT, "modify", "why", change(null, null, null, List.of()), "Keep at least one"),
                Arguments.of(CLIENT, "modify", "why", change(null, null, null, List.of("system/*.write")),
                        "only removes scopes"),
                Arguments.of(CLIENT, "modify", "why", change(null, null, null, List.of("root")), "Not a scope"),
                Arguments.of(CLIENT, "modify", "why", change(null, NOW.plusSeconds(60), null, null),
                        "earlier expiry (expiresAt) and/or the scopes"));
    }

    @ParameterizedTest(name = "{0}: {1} with {3} is refused: {4}")
    @MethodSource("refused")
    void badDecisions_areRefusedWithWhatToFix(AccessReviewItem item, String decision, String comment,
                                              AccessReviewChange change, String message) {
        assertThatThrownBy(() -> AccessReviewInput.check(item, new AccessReviewDecision(decision, comment, change),
                NOW)).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.kind())
                .isEqualTo(ProblemKind.VALIDATION)).hasMessageContaining(message);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(ROLE, "keep", null, null, null),
                Arguments.of(ROLE, " KEEP ", "Still on the ward", null, null),
                Arguments.of(ROLE, "revoke", "Left the team", null, null),
                Arguments.of(ROLE, "modify", "Front desk now", change(" staff ", null, null, null),
                        change("staff", null, null, null)),
                Arguments.of(CARE, "modify", "Cover ends", change(null, CARE_ENDS.minusMillis(1), null, null),
                        change(null, CARE_ENDS.minusMillis(1), null, null)),
                Arguments.of(CLIENT, "modify", "Reads only", change(null, null, null, List.of("system/*.read",
                        "system/*.read")), change(null, null, null, List.of("system/*.read"))),
                Arguments.of(CLIENT, "modify", "Pilot ends", change(null, null, CLIENT_EXPIRES.minusMillis(1), null),
                        change(null, null, CLIENT_EXPIRES.minusMillis(1), null)));
    }

    @ParameterizedTest(name = "{0}: {1} with {3} is accepted as {4}")
    @MethodSource("accepted")
    void narrowingDecisions_areAccepted(AccessReviewItem item, String decision, String comment,
                                        AccessReviewChange change, AccessReviewChange expected) {
        AccessReviewInput.Checked checked = AccessReviewInput.check(item, new AccessReviewDecision(decision, comment,
                change), NOW);
        assertThat(checked.decision()).isEqualTo(decision.strip().toLowerCase(java.util.Locale.ROOT));
        assertThat(checked.change()).isEqualTo(expected);
        if (expected != null && expected.role() != null) {
            assertThat(checked.role()).isEqualTo(Role.STAFF);
        }
    }

    private static AccessReviewChange change(String role, Instant endsAt, Instant expiresAt, List<String> scopes) {
        return new AccessReviewChange(role, endsAt, expiresAt, scopes);
    }

    private static AccessReviewItem item(String kind) {
        boolean role = kind.equals(AccessReviewItem.ROLE);
        boolean care = kind.equals(AccessReviewItem.CARE_TEAM);
        boolean client = kind.equals(AccessReviewItem.SERVICE_CLIENT);
        return new AccessReviewItem("item-" + kind, "campaign", kind, "subject", role ? "clinician" : null,
                care ? "assignment" : null, care ? "patient-1" : null, care ? NOW.minus(Duration.ofDays(10)) : null,
                care ? CARE_ENDS : null, client ? "client" : null, client ? "loader" : null,
                client ? List.of("system/*.read", "system/Observation.write") : null, client ? 0 : null,
                client ? CLIENT_EXPIRES : null, NOW.minus(Duration.ofDays(10)), null, false, "reviewer", "manager",
                null, null, null, null, null, null, null, null, false, "open");
    }
}
