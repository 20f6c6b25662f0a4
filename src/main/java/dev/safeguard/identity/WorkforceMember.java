package dev.safeguard.identity;

import java.util.List;

/**
 * A workforce user as other modules may name them (owner of an asset, approver of a risk): id, names, status and
 * roles. It holds nothing secret and nothing about sign-in state.
 */
public record WorkforceMember(String id, String username, String displayName, String status, List<String> roles) {

    public boolean active() {
        return "active".equals(status);
    }

    public boolean has(Role role) {
        return roles.contains(role.id());
    }
}
