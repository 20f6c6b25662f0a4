package dev.safeguard.program;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a reviewer changes an entitlement to: for a role item, the role put in its place; for a care-team item, an
 * earlier end; for a service-client item, an earlier expiry and/or fewer scopes. Unused fields are {@code null}.
 */
public record AccessReviewChange(String role, Instant endsAt, Instant expiresAt, List<String> scopes) {

    public AccessReviewChange {
        if (scopes != null && scopes.stream().anyMatch(Objects::isNull)) {
            throw new ProblemException(ProblemKind.VALIDATION, "scopes lists scope names; null is not one");
        }
        scopes = scopes == null ? null : List.copyOf(scopes);
    }
}
