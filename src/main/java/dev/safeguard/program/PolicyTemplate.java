package dev.safeguard.program;

import java.util.List;

/**
 * A core policy shipped with Safeguard, written for it: purpose, scope, policy statements, roles, procedures,
 * enforcement, the citations it implements and how Safeguard carries it out. Officers create a policy from it (a
 * draft version 1 with the placeholders filled in) and adapt it.
 *
 * @param id        stable id, also the created policy's topic; IMPORTANT: never rename one, policies refer to it
 * @param markdown  the template's text, placeholders such as {@code {{organization}}} still in it
 */
public record PolicyTemplate(String id, String title, List<String> citations, int reviewMonths,
                             boolean acknowledgmentRequired, String markdown) {

    public PolicyTemplate {
        citations = List.copyOf(citations);
    }
}
