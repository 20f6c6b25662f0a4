package dev.safeguard.console.web;

import dev.safeguard.identity.Role;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The role checkboxes of the user forms: what they offer, and what a submitted set means. */
final class RoleChoices {

    /** One checkbox: the stable role id (the submitted value) and its label. */
    record Option(String id, String label) {
    }

    static final List<Option> ALL = Arrays.stream(Role.values()).map(r -> new Option(r.id(), label(r.id()))).toList();

    private RoleChoices() {
    }

    /** The roles named by the checked boxes; an unknown id is refused rather than ignored. */
    static Set<Role> parse(List<String> ids) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : ids == null ? List.<String>of() : ids) {
            roles.add(Role.fromId(id).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION,
                    "Unknown role '" + id + "'; choose from the listed roles")));
        }
        return roles;
    }

    static String label(String id) {
        String words = id.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
