package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Role;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;

/**
 * Who may read and change the risk register and the inventory: security and compliance officers change, auditors
 * read, nobody else (the same rule the security chain applies to {@code /api/program/**}, checked again here so the
 * services stay closed whoever calls them).
 */
final class RiskInventoryRoles {

    private RiskInventoryRoles() {
    }

    static void requireReader(Actor actor) {
        if (!isUser(actor) || !(writer(actor) || actor.has(Role.AUDITOR))) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The compliance program is open to security officers, "
                    + "compliance officers and auditors");
        }
    }

    static void requireWriter(Actor actor) {
        if (!isUser(actor) || !writer(actor)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only security and compliance officers change the "
                    + "risk register and the inventory");
        }
    }

    private static boolean writer(Actor actor) {
        return actor.has(Role.SECURITY_OFFICER) || actor.has(Role.COMPLIANCE_OFFICER);
    }

    private static boolean isUser(Actor actor) {
        return actor != null && actor.kind() == Actor.Kind.USER;
    }
}
