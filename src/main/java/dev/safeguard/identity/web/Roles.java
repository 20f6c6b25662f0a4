package dev.safeguard.identity.web;

import dev.safeguard.identity.Role;
import dev.safeguard.identity.Scope;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Parses role and scope identifiers from requests, naming the allowed values when one is unknown. */
final class Roles {

    private Roles() {
    }

    static Set<Role> parse(Collection<String> ids) {
        return ids.stream().map(id -> Role.fromId(id).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION,
                "Unknown role '" + clip(id) + "'; roles are " + Arrays.stream(Role.values()).map(Role::id).toList())))
                .collect(Collectors.toSet());
    }

    static List<Scope> scopes(Collection<String> ids) {
        return ids.stream().map(id -> Scope.fromId(id).orElseThrow(() -> new ProblemException(
                ProblemKind.VALIDATION, "Unknown scope '" + clip(id) + "'; scopes are metrics.read or "
                        + "<patient|system>/<type|*>.<read|write|*>, for example " + Scope.EXAMPLES))).toList();
    }

    private static String clip(String value) {
        String v = String.valueOf(value);
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
