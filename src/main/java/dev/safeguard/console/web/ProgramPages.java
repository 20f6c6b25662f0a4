package dev.safeguard.console.web;

import dev.safeguard.shared.DateRange;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Workforce;
import dev.safeguard.identity.Workforce.Member;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the compliance program pages share: who may read and change the program (the security chain restricts
 * {@code /program/**} the same way; the program's services check again), the workforce names shown instead of ids,
 * and the parsing of form fields.
 */
final class ProgramPages {

    private ProgramPages() {
    }

    static boolean reads(Actor actor) {
        return writes(actor) || actor.has(Role.AUDITOR);
    }

    static boolean writes(Actor actor) {
        return actor.has(Role.SECURITY_OFFICER) || actor.has(Role.COMPLIANCE_OFFICER);
    }

    /** Usernames by user id, for showing owners, approvers and collectors. */
    static Map<String, String> usernames(Workforce workforce) {
        return workforce.members().stream().collect(Collectors.toMap(Member::id, Member::username));
    }

    /** Active users who may approve a 164.306(d) decision. */
    static List<Member> approvers(Workforce workforce) {
        return workforce.members().stream().filter(m -> m.active()
                && (m.has(Role.SECURITY_OFFICER) || m.has(Role.COMPLIANCE_OFFICER))).toList();
    }

    static List<Member> activeMembers(Workforce workforce) {
        return workforce.members().stream().filter(Member::active).toList();
    }

    /** A {@code date} input's value, or {@code null} when blank. */
    static LocalDate date(String value, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "Enter the " + label + " as a date (YYYY-MM-DD)");
        }
        if (!DateRange.contains(date)) {
            throw new ProblemException(ProblemKind.VALIDATION, "Enter the " + label + " as a date between the years "
                    + "0001 and 9999");
        }
        return date;
    }

    /** Ids separated by commas, spaces or new lines. */
    static List<String> ids(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
