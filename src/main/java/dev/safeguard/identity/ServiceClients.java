package dev.safeguard.identity;

import dev.safeguard.identity.internal.IdentityEvents;
import dev.safeguard.identity.internal.RevocationStore;
import dev.safeguard.identity.internal.ServiceClientRow;
import dev.safeguard.identity.internal.ServiceClientStore;
import dev.safeguard.identity.internal.Tokens;
import dev.safeguard.identity.internal.UserRow;
import dev.safeguard.identity.internal.UserStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Entity;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Service clients: machine identities for applications, each with one API key presented as
 * {@code Authorization: Bearer sgk.<id>.<secret>}. The key is shown once and stored as a SHA-256 digest (it carries
 * 256 bits of entropy, so a slow hash adds nothing); it has an owner, scopes, an expiry of at most a year, a
 * last-used time, and can be revoked at once. Only security officers manage them. After a client is issued or revoked
 * (and committed) it publishes {@link ServiceClientIssued} or {@link ServiceClientRevoked}.
 */
@Service
public class ServiceClients {

    public static final String PREFIX = "sgk";
    static final Duration MAX_LIFETIME = Duration.ofDays(365);
    static final int MAX_ALLOW_LIST = 1000;
    private static final java.util.regex.Pattern PATIENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final ServiceClientStore clients;
    private final UserStore users;
    private final RevocationStore revocations;
    private final IdentityEvents events;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    ServiceClients(ServiceClientStore clients, UserStore users, RevocationStore revocations, IdentityEvents events,
                   Clock clock, ApplicationEventPublisher publisher) {
        this.clients = clients;
        this.users = users;
        this.revocations = revocations;
        this.events = events;
        this.clock = clock;
        this.publisher = publisher;
    }

    public List<ServiceClientView> list(Actor actor) {
        Accounts.requireOfficer(actor);
        long now = clock.millis();
        return clients.list().stream().map(row -> view(row, now)).toList();
    }

    /**
     * Every service client, revoked and expired ones included, without secrets: for the program's technology asset
     * inventory, which registers each client. Not served over HTTP; {@link #list} is the officers' view.
     */
    public List<ServiceClientView> registered() {
        long now = clock.millis();
        return clients.list().stream().map(row -> view(row, now)).toList();
    }

    /**
     * Creates a client and its key.
     *
     * @param ownerId  the responsible user; defaults to the actor
     * @param patients the patient allow-list (Patient ids), or empty for none; {@code patient/} scopes need one
     * @param lifetime how long the key is valid, at most 365 days (default 90)
     */
    public IssuedApiKey create(Actor actor, String name, String ownerId, Collection<Scope> scopes,
                               Collection<String> patients, Duration lifetime, RequestOrigin origin) {
        Accounts.requireOfficer(actor);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100 || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The name must have 1 to 100 characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the client at least one scope, from "
                    + "for example " + Scope.EXAMPLES);
        }
        List<String> allowList = patients == null ? List.of() : patients.stream().map(String::strip).distinct()
                .toList();
        if (allowList.size() > MAX_ALLOW_LIST || allowList.stream().anyMatch(p -> !PATIENT_ID.matcher(p).matches())) {
            throw new ProblemException(ProblemKind.VALIDATION, "The patient allow-list holds at most " + MAX_ALLOW_LIST
                    + " Patient ids (letters, digits, '-' and '.', at most 64 characters each)");
        }
        if (allowList.isEmpty() && scopes.stream().anyMatch(Scope::patientContext)) {
            throw new ProblemException(ProblemKind.VALIDATION, "patient/ scopes reach only the patients on the "
                    + "client's allow-list; give the list, or use system/ scopes");
        }
        Duration validity = lifetime == null ? Duration.ofDays(90) : lifetime;
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_LIFETIME) > 0) {
            throw new ProblemException(ProblemKind.VALIDATION, "An API key is valid for 1 to 365 days");
        }
        String owner = ownerId == null ? actor.id() : ownerId;
        UserRow ownerRow = users.findById(owner).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION,
                "No user with id " + owner + " to own the client"));
        if (!ownerRow.active()) {
            throw new ProblemException(ProblemKind.VALIDATION, "The owner's account is not active");
        }
        String id = Tokens.random(12);
        String secret = Tokens.random(32);
        Instant now = clock.instant();
        ServiceClientRow row = new ServiceClientRow(id, cleanName, owner,
                scopes.stream().map(Scope::id).sorted().distinct().collect(Collectors.joining(" ")),
                Tokens.sha256(secret), now.toEpochMilli(), actor.id(), now.plus(validity).toEpochMilli(), null, null,
                allowList.isEmpty() ? null : String.join(" ", allowList));
        events.atomically(() -> {
            clients.insert(row);
            events.admin(IdentityEvents.SERVICE_CLIENT, "create", Action.C, actor, origin,
                    new Entity("ServiceClient", id), Outcome.SUCCESS, null);
        });
        publisher.publishEvent(new ServiceClientIssued(id));
        return new IssuedApiKey(view(row, now.toEpochMilli()), PREFIX + "." + id + "." + secret);
    }

    public ServiceClientView revoke(Actor actor, String id, RequestOrigin origin) {
        Accounts.requireOfficer(actor);
        boolean[] revoked = {false};
        ServiceClientView result = events.atomically(() -> {
            ServiceClientRow row = clients.find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                    "No service client with id " + id));
            long now = clock.millis();
            if (clients.revoke(id, now, actor.id())) {
                revocations.record(row.ownerUserId(), RevocationStore.API_KEY, id, "REVOKED", now);
                events.admin(IdentityEvents.SERVICE_CLIENT, "revoke", Action.U, actor, origin,
                        new Entity("ServiceClient", id), Outcome.SUCCESS, null);
                revoked[0] = true;
            }
            return view(clients.find(id).orElseThrow(), now);
        });
        if (revoked[0]) {
            publisher.publishEvent(new ServiceClientRevoked(id));
        }
        return result;
    }

    static ServiceClientView view(ServiceClientRow row, long now) {
        String state = row.revokedAt() != null ? "revoked" : row.expiresAt() <= now ? "expired" : "active";
        return new ServiceClientView(row.id(), row.name(), row.ownerUserId(), List.of(row.scopes().split(" ")),
                row.patients() == null ? List.of() : List.of(row.patients().split(" ")),
                Instant.ofEpochMilli(row.createdAt()), Instant.ofEpochMilli(row.expiresAt()),
                row.lastUsedAt() == null ? null : Instant.ofEpochMilli(row.lastUsedAt()),
                row.revokedAt() == null ? null : Instant.ofEpochMilli(row.revokedAt()), state);
    }
}
