package dev.safeguard.program.internal;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Role;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;

/**
 * Who may do what in the compliance program, checked in the services as well as by the security chain: security and
 * compliance officers write; they and auditors read; nobody else, and no service client, reaches the program.
 */
public final class ProgramRoles {

    private ProgramRoles() {
    }

    public static void requireReader(Actor actor) {
        if (!reads(actor)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The compliance program is open to security officers, "
                    + "compliance officers and auditors only");
        }
    }

    public static void requireWriter(Actor actor) {
        if (!writes(actor)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only security and compliance officers change the "
                    + "compliance program");
        }
    }

    public static boolean reads(Actor actor) {
        return writes(actor) || actor != null && actor.kind() == Actor.Kind.USER && actor.has(Role.AUDITOR);
    }

    public static boolean writes(Actor actor) {
        return actor != null && actor.kind() == Actor.Kind.USER
                && (actor.has(Role.SECURITY_OFFICER) || actor.has(Role.COMPLIANCE_OFFICER));
    }
}
