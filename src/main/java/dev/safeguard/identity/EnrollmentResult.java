package dev.safeguard.identity;

import java.util.List;

/**
 * A confirmed enrollment: the authenticated session (under a new id) and ten single-use recovery codes, shown once.
 */
public record EnrollmentResult(SessionTicket session, List<String> recoveryCodes) {
    @Override
    public String toString() {
        return "EnrollmentResult[" + session + ", recoveryCodes=" + recoveryCodes.size() + "]";
    }
}
