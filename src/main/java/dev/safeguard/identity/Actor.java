package dev.safeguard.identity;

import java.util.List;
import java.util.Set;

/**
 * Who is making the current request, once authenticated: a workforce user through a session, or a service client
 * through its API key. It is the principal of Spring Security's {@code Authentication}.
 *
 * @param kind       user or service client
 * @param id         the user's immutable id or the service client's id
 * @param name       the username or the client's name
 * @param roles      the user's roles (empty for service clients)
 * @param scopes     the client's scopes (empty for users)
 * @param sessionRef a non-secret reference to the session (digest prefix), or {@code null} for API keys
 * @param ownerId    for a service client, the id of the user who owns it
 * @param patients   for a service client with a patient allow-list, the ids of the only patients it may reach
 *                   (empty: no list)
 */
public record Actor(Kind kind, String id, String name, Set<Role> roles, Set<Scope> scopes, String sessionRef,
                    String ownerId, Set<String> patients) {

    public enum Kind { USER, SERVICE_CLIENT }

    public Actor {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        patients = Set.copyOf(patients);
    }

    public Actor(Kind kind, String id, String name, Set<Role> roles, Set<Scope> scopes, String sessionRef,
                 String ownerId) {
        this(kind, id, name, roles, scopes, sessionRef, ownerId, Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public List<String> roleIds() {
        return roles.stream().map(Role::id).sorted().toList();
    }
}
