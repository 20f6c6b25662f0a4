package dev.safeguard.program.controls;

import dev.safeguard.access.AccessSettings;
import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.program.ControlStatus;
import dev.safeguard.program.ControlVersion;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On first start, describes the technical safeguards of 164.312 as Safeguard itself implements them, as version 1 of
 * each control recorded by {@code safeguard}, so an organization starts from what the vault actually does. A control
 * that already has a version is never touched; several nodes starting at once record it once.
 */
@Component
class TechnicalSafeguardsSeed {

    static final String RECORDED_BY = "safeguard";

    private final ControlStore store;
    private final ProgramEvents events;
    private final IdentitySettings identity;
    private final AccessSettings access;
    private final Clock clock;

    TechnicalSafeguardsSeed(ControlStore store, ProgramEvents events, IdentitySettings identity,
                            AccessSettings access, Clock clock) {
        this.store = store;
        this.events = events;
        this.identity = identity;
        this.access = access;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        descriptions().forEach((controlId, text) -> {
            if (store.latest(controlId).isPresent()) {
                return;
            }
            events.atomically(() -> {
                ControlVersion v = new ControlVersion(controlId, 1, ControlStatus.IMPLEMENTED.id(), null, null, text,
                        List.of(), null, clock.instant(), RECORDED_BY);
                if (store.insert(v)) {
                    events.record(ProgramEvents.CONTROL, "seed", Action.C, Outcome.SUCCESS,
                            ProgramEvents.system("program-seed"), "Control", controlId, "1", null);
                }
                return v;
            });
        });
    }

    /** What the vault does for each technical safeguard, with the values configured on this installation. */
    Map<String, String> descriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("164.312(a)(2)(i)", "Every workforce member signs in with their own account: an immutable user id and a "
                + "unique username; applications use their own service clients with individual API keys. Accounts "
                + "are never shared or reused, and every audit event names the user or client that acted.");
        d.put("164.312(a)(2)(ii)", "Emergency access (break-glass): a clinician re-authenticates with password and "
                + "authenticator code and states a reason to reach a patient outside their care team, for at most "
                + minutes(access.breakGlassMax().toMinutes()) + "; the access is audited with purpose of use ETREAT, "
                + "alerted at once, and queued for review by a security officer.");
        d.put("164.312(a)(2)(iii)", "Automatic logoff: a session ends after " + minutes(identity.sessionInactivity()
                .toMinutes()) + " without activity and after " + identity.sessionAbsolute().toHours()
                + " hours in all, enforced on the server for every request; the console warns before it happens.");
        d.put("164.312(a)(2)(iv)", "Encryption at rest: every FHIR resource is encrypted with AES-256-GCM (Google "
                + "Tink) under a per-patient data key, wrapped by a key-encryption key under the master key (a local "
                + "keyset file kept outside the database, or an HSM over PKCS#11); destroying a patient's data key "
                + "crypto-shreds their records. Search uses blind indexes, never clear values.");
        d.put("164.312(b)", "Audit controls: every access to ePHI, every sign-in and every administrative action is "
                + "recorded synchronously before the answer leaves (fail closed: no audit, no access). Events are "
                + "leaves of a Merkle tree whose heads are signed with Ed25519 and copied to an append-only checkpoint "
                + "file; verification detects altered, removed or reordered events. Identifiers are pseudonymized.");
        d.put("164.312(c)(2)", "Integrity: the metadata of every stored resource version carries an HMAC-SHA256 tag "
                + "(integrity MAC) and its content is authenticated encryption bound to its type, id and version, so "
                + "altering or swapping stored records is detected on read and by the records verification command.");
        d.put("164.312(d)", "Person or entity authentication: passwords (NIST SP 800-63B-4: at least 8 characters, "
                + "blocklist, Argon2id) plus a TOTP authenticator (RFC 6238) for every interactive user, enrolled at "
                + "first sign-in; service clients authenticate with hashed, scoped, expiring API keys.");
        d.put("164.312(e)(2)(i)", "Transmission integrity: the only listener is HTTPS with TLS 1.3 and TLS 1.2 AEAD "
                + "cipher suites (AES-GCM, ChaCha20-Poly1305), which authenticate every record in transit; HSTS is "
                + "sent on every response.");
        d.put("164.312(e)(2)(ii)", "Transmission encryption: TLS 1.2/1.3 only, with forward-secret AEAD suites; there "
                + "is no plain-HTTP listener.");
        return d;
    }

    private static String minutes(long minutes) {
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
