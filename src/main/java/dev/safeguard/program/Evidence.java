package dev.safeguard.program;

import dev.safeguard.crypto.SecretSealer;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.evidence.DraftChecks;
import dev.safeguard.program.evidence.EvidenceRow;
import dev.safeguard.program.evidence.EvidenceSigner;
import dev.safeguard.program.evidence.EvidenceStore;
import dev.safeguard.program.evidence.SignedFields;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Evidence for the compliance program: what an automated check saw, or a document, attestation or export a person
 * recorded, tied to the catalog items it supports.
 *
 * <p>Guarantees: evidence is immutable and never deleted; it is kept at least six years (164.316(b)(2)(i)). Its
 * content is sealed (AES-256-GCM, bound to the evidence id) and never stored in clear; its SHA-256 and every recorded
 * field are signed with an Ed25519 key, so {@link #verify(String)} detects any change to the stored content or
 * metadata. New evidence from the same collector for the same control supersedes the older one, which stays.
 * Recording writes the evidence and its audit event in one transaction. Only Safeguard's checks (through
 * {@link #record(String, EvidenceDraft)}) record {@code automated-check} evidence; people cannot.
 */
@Service
public class Evidence {

    static final int MAX_LIST = 500;
    static final int RETENTION_YEARS = 6;

    private final Catalog catalog;
    private final EvidenceStore store;
    private final EvidenceSigner signer;
    private final SecretSealer sealer;
    private final ProgramEvents events;
    private final Clock clock;

    Evidence(Catalog catalog, EvidenceStore store, EvidenceSigner signer, SecretSealer sealer, ProgramEvents events,
             Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.signer = signer;
        this.sealer = sealer;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records what an automated check observed on the live system. For evaluation checks inside Safeguard.
     *
     * @param checkId the check's stable id ({@code [a-z0-9][a-z0-9.-]{2,63}}), the collector
     * @param draft   of kind {@link EvidenceKind#AUTOMATED_CHECK}
     */
    public EvidenceRecord record(String checkId, EvidenceDraft draft) {
        if (checkId == null || !DraftChecks.CHECK_ID.matcher(checkId).matches()) {
            throw new IllegalArgumentException("Invalid check id '" + checkId + "'; use [a-z0-9][a-z0-9.-]{2,63}");
        }
        if (draft.kind() != EvidenceKind.AUTOMATED_CHECK) {
            throw new IllegalArgumentException("A check records automated-check evidence, not " + draft.kind());
        }
        return store("check", checkId, draft, ProgramEvents.system("check/" + checkId));
    }

    /**
     * Records a document or export that Safeguard itself made from what people did, such as a completed access-review
     * campaign, a termination record or a scheduled training report (not an observation: that is {@link #record}).
     *
     * @param component the component that made it ({@code [a-z0-9][a-z0-9.-]{2,63}}), the collector
     * @param draft     of kind {@link EvidenceKind#DOCUMENT} or {@link EvidenceKind#EXPORT}
     */
    public EvidenceRecord produce(String component, EvidenceDraft draft) {
        if (component == null || !DraftChecks.CHECK_ID.matcher(component).matches()) {
            throw new IllegalArgumentException("Invalid component '" + component + "'; use [a-z0-9][a-z0-9.-]{2,63}");
        }
        if (draft.kind() != EvidenceKind.DOCUMENT && draft.kind() != EvidenceKind.EXPORT) {
            throw new IllegalArgumentException("Safeguard produces document or export evidence, not " + draft.kind());
        }
        return store("system", component, draft, ProgramEvents.system(component));
    }

    /** Records a document, attestation or export on behalf of a security or compliance officer. */
    public EvidenceRecord submit(Actor actor, EvidenceDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        if (draft.kind() == null || draft.kind() == EvidenceKind.AUTOMATED_CHECK) {
            throw new ProblemException(ProblemKind.VALIDATION, "People record document, attestation or export "
                    + "evidence; automated-check evidence comes only from Safeguard's own checks");
        }
        return store("user", actor.id(), draft, ProgramEvents.agent(actor, origin));
    }

    public EvidenceRecord get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return get(id);
    }

    /** The evidence, for checks and the binder. */
    public EvidenceRecord get(String id) {
        return view(row(id));
    }

    /** Evidence newest first, optionally of one control; superseded evidence only when asked. At most 500. */
    public List<EvidenceRecord> list(Actor actor, String controlId, boolean includeSuperseded) {
        ProgramRoles.requireReader(actor);
        String control = controlId == null || controlId.isBlank() ? null
                : catalog.specification(controlId, CatalogView.CURRENT).id();
        return store.list(control, MAX_LIST).stream().map(this::view)
                .filter(e -> includeSuperseded || (control == null ? !e.superseded()
                        : !e.supersededFor().contains(control))).toList();
    }

    /** The content, decrypted and checked against its recorded SHA-256. */
    public EvidenceContent content(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        EvidenceRow row = row(id);
        byte[] bytes = open(row);
        if (bytes == null || !sha256(bytes).equals(row.contentSha256())) {
            throw new ProblemException(ProblemKind.CONFLICT, "The content of evidence " + id + " fails its integrity "
                    + "check; verify the evidence for details");
        }
        return new EvidenceContent(id, row.mediaType(), row.fileName(), bytes);
    }

    /** Verifies a piece of evidence on behalf of a reader; the outcome is audited (a failure as serious). */
    public EvidenceVerification verify(Actor actor, String id, RequestOrigin origin) {
        ProgramRoles.requireReader(actor);
        return audited(verify(id), ProgramEvents.agent(actor, origin));
    }

    /** Checks the stored content and fields against the signature. Never throws for tampering: it reports it. */
    public EvidenceVerification verify(String id) {
        EvidenceRow row = row(id);
        List<String> problems = new ArrayList<>();
        byte[] content = open(row);
        boolean intact = content != null && sha256(content).equals(row.contentSha256())
                && content.length == row.contentSize();
        if (content == null) {
            problems.add("The stored content does not decrypt: it was altered or moved from another record");
        } else if (!intact) {
            problems.add("The content does not match its recorded SHA-256 and size");
        }
        boolean signed = signer.verify(SignedFields.of(row), row.signature());
        if (!signed) {
            problems.add("The signature does not match the recorded fields: the evidence was altered after signing");
        }
        return new EvidenceVerification(id, intact && signed, signed, intact, problems, clock.instant());
    }

    /** The public key that verifies evidence signatures (Tink JSON keyset, no secret material). */
    public String publicKeysetJson() {
        return signer.publicKeysetJson();
    }

    private EvidenceVerification audited(EvidenceVerification v, Agent agent) {
        events.record(ProgramEvents.EVIDENCE, "verify", Action.E, v.valid() ? Outcome.SUCCESS
                : Outcome.SERIOUS_FAILURE, agent, "Evidence", v.evidenceId(), null, v.valid() ? null
                : "evidence-integrity-failed");
        return v;
    }

    private EvidenceRecord store(String collectorType, String collector, EvidenceDraft draft, Agent agent) {
        DraftChecks.controls(draft.controls());
        List<String> controls = draft.controls().stream()
                .map(c -> catalog.find(c, CatalogView.CURRENT).orElseThrow(() -> new ProblemException(
                        ProblemKind.VALIDATION, "No specification " + c + " in the catalog")).id())
                .distinct().sorted().toList();
        if (draft.result() == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the result: pass, fail or informational");
        }
        DraftChecks.content(draft.content());
        String details = DraftChecks.details(draft.details());
        String mediaType = DraftChecks.mediaType(draft.mediaType());
        String fileName = DraftChecks.fileName(draft.fileName());
        Instant now = clock.instant();
        Instant retainUntil = now.atZone(ZoneOffset.UTC).plusYears(RETENTION_YEARS).toInstant();
        Instant from = draft.observedFrom() == null ? now : draft.observedFrom();
        Instant to = draft.observedTo() == null ? now : draft.observedTo();
        Instant expires = draft.expiresAt() == null ? now.plus(draft.kind().freshFor()) : draft.expiresAt();
        DraftChecks.times(from, to, now, expires, retainUntil);
        String id = UUID.randomUUID().toString();
        String series = DraftChecks.series(draft.series());
        EvidenceRow unsigned = new EvidenceRow(0, id, controls, draft.kind().id(), collectorType, collector, series,
                now.toEpochMilli(), from.toEpochMilli(), to.toEpochMilli(), draft.result().id(), details,
                expires.toEpochMilli(), retainUntil.toEpochMilli(), mediaType, fileName, draft.content().length,
                sha256(draft.content()), sealer.seal(draft.content(), purpose(id)), null);
        EvidenceRow row = new EvidenceRow(0, id, controls, unsigned.kind(), collectorType, collector, series,
                unsigned.collectedAt(), unsigned.observedFrom(), unsigned.observedTo(), unsigned.result(), details,
                unsigned.expiresAt(), unsigned.retainUntil(), mediaType, fileName, unsigned.contentSize(),
                unsigned.contentSha256(), unsigned.content(), signer.sign(SignedFields.of(unsigned)));
        return events.atomically(() -> {
            store.insert(row);
            events.record(ProgramEvents.EVIDENCE, "record", Action.C, Outcome.SUCCESS, agent, "Evidence", id, null,
                    null);
            return view(store.find(id).orElseThrow());
        });
    }

    private EvidenceRow row(String id) {
        return store.find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "No evidence " + id));
    }

    private byte[] open(EvidenceRow row) {
        try {
            return sealer.open(row.content(), purpose(row.id()));
        } catch (SecretSealer.SecretUnavailable e) {
            return null;
        }
    }

    private EvidenceRecord view(EvidenceRow r) {
        return new EvidenceRecord(r.id(), r.controls(), r.kind(), r.collectorType(), r.collector(), r.series(),
                Instant.ofEpochMilli(r.collectedAt()), Instant.ofEpochMilli(r.observedFrom()),
                Instant.ofEpochMilli(r.observedTo()), r.result(), r.details(), Instant.ofEpochMilli(r.expiresAt()),
                Instant.ofEpochMilli(r.retainUntil()), r.mediaType(), r.fileName(), r.contentSize(),
                r.contentSha256(), Base64.getEncoder().encodeToString(r.signature()),
                clock.millis() < r.expiresAt(), store.supersededFor(r.id()));
    }

    // IMPORTANT: the sealing purpose binds content to its evidence id; never change it or stored content stops opening.
    private static String purpose(String id) {
        return "program-evidence:" + id;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
