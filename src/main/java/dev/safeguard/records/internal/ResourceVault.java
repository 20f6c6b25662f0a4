package dev.safeguard.records.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import dev.safeguard.audit.Alerts;
import dev.safeguard.crypto.BlindIndex;
import dev.safeguard.crypto.CompartmentKeys;
import dev.safeguard.crypto.RecordMac;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stores and reads resources as encrypted, MAC'd, immutable versions. A resource belongs to the compartment of the
 * patient it is about (the Patient itself, or the patient its FHIR Patient-compartment references name), else to the
 * shared compartment; its content is sealed under that compartment's data key with associated data
 * {@code type|id|version}. Callers run writes inside the audit trail's transaction.
 */
@Service
public class ResourceVault {

    private static final Logger log = LoggerFactory.getLogger(ResourceVault.class);
    /** FHIR's id type: 1 to 64 of [A-Za-z0-9-.]. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    /** The largest Binary content stored (20 MiB). */
    public static final int MAX_BINARY = 20 * 1024 * 1024;

    /** A stored version and the patient it is about ({@code Patient/<id>}, or {@code null}). */
    public record Stored(IBaseResource resource, String type, String id, int version, String patient) {
    }

    private final FhirContext fhir;
    private final RecordStore store;
    private final CompartmentKeys keys;
    private final BlindIndex index;
    private final RecordMac mac;
    private final Alerts alerts;
    private final Clock clock;
    private final SearchIndex search;

    public ResourceVault(FhirContext fhir, RecordStore store, CompartmentKeys keys, BlindIndex index, RecordMac mac,
                         Alerts alerts, Clock clock, SearchIndex search) {
        this.search = search;
        this.fhir = fhir;
        this.store = store;
        this.keys = keys;
        this.index = index;
        this.mac = mac;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * The caller's access check for a write: called with the patient ({@code Patient/<id>}, or {@code null} for none)
     * of the new version and, when the resource moves between patients, of the version it replaces; it throws to
     * refuse, and nothing is written.
     */
    @FunctionalInterface
    public interface WriteCheck {
        void allow(String patientReference);
    }

    /** Stores a new resource under a new server-assigned id (any id in the body is ignored, as FHIR create says). */
    public Stored create(IBaseResource resource, WriteCheck check) {
        return create(resource, newId(), check);
    }

    /** Stores a new resource under an id the server assigned beforehand (a transaction's {@code urn:uuid} entries). */
    public Stored create(IBaseResource resource, String id, WriteCheck check) {
        requireId(id);
        String type = fhir.getResourceType(resource);
        return write(type, id, resource, 0, check);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Stores a new version. {@code expectedVersion} (from {@code If-Match}) must be the current version, else 412;
     * without it the update applies to whatever is current, still by compare-and-set (never a lost update). A
     * resource that does not exist yet is created with the client's id.
     */
    public Stored update(String type, String id, IBaseResource resource, Integer expectedVersion, WriteCheck check) {
        requireId(id);
        IIdType bodyId = resource.getIdElement();
        if (bodyId != null && bodyId.hasIdPart() && !bodyId.getIdPart().equals(id)) {
            throw new InvalidRequestException("The resource's id (" + bodyId.getIdPart() + ") differs from the URL's ("
                    + id + ")");
        }
        return write(type, id, resource, expectedVersion == null ? -1 : expectedVersion, check);
    }

    /** Marks the resource deleted with a new version (history keeps every earlier version). */
    public int delete(String type, String id, Integer expectedVersion, WriteCheck check) {
        requireId(id);
        RecordStore.Current current = store.current(type, id)
                .orElseThrow(() -> new ResourceNotFoundException(type + "/" + id + " does not exist"));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new PreconditionFailedException("Version " + expectedVersion + " is not current; the current version "
                    + "is " + current.version());
        }
        if (current.deleted()) {
            return current.version();
        }
        check.allow(lastPatient(type, id));
        int version = current.version() + 1;
        long now = clock.millis();
        RecordStore.Version row = sign(new RecordStore.Version(type, id, version, current.compartment(), 0, true, now,
                null, null, null));
        store.insert(row);
        if (!store.moveCurrent(current.version(), row)) {
            throw new PreconditionFailedException("Another request changed " + type + "/" + id + " first; read it again");
        }
        search.remove(type, id);
        return version;
    }

    /** The current version, or the given one (vread). */
    public Stored read(String type, String id, Integer version) {
        RecordStore.Current current = store.current(type, id)
                .orElseThrow(() -> new ResourceNotFoundException(type + "/" + id + " does not exist"));
        int wanted = version == null ? current.version() : version;
        RecordStore.Version row = store.version(type, id, wanted)
                .orElseThrow(() -> new ResourceNotFoundException(type + "/" + id + "/_history/" + wanted
                        + " does not exist"));
        if (version == null && current.deleted()) {
            throw new ResourceGoneException(type + "/" + id + " was deleted");
        }
        return open(row);
    }

    /**
     * The current versions of a page of search results, in the order of {@code ids}, read in one query; resources
     * deleted since the search are left out.
     */
    public List<Stored> readCurrent(String type, List<String> ids) {
        Map<String, RecordStore.Version> rows = new HashMap<>();
        store.currentVersions(type, ids).forEach(r -> rows.put(r.id(), r));
        return ids.stream().map(rows::get).filter(java.util.Objects::nonNull).map(this::open).toList();
    }

    /** Keys ({@code id/version}) for a type-level history; see {@link RecordStore#typeHistory}. */
    public List<String> typeHistory(String type, Date since, Set<String> compartments, int limit) {
        return store.typeHistory(type, since == null ? null : since.getTime(), compartments, limit);
    }

    /** The versions named by {@code id/version} keys, in their order. */
    public List<Stored> readVersions(String type, List<String> keys) {
        return keys.stream().map(key -> {
            int slash = key.lastIndexOf('/');
            String id = key.substring(0, slash);
            int version = Integer.parseInt(key.substring(slash + 1));
            return store.version(type, id, version).map(this::open).orElse(null);
        }).filter(java.util.Objects::nonNull).toList();
    }

    /** Every readable version, newest first (deletion markers are left out). */
    public List<Stored> history(String type, String id) {
        List<RecordStore.Version> rows = store.history(type, id);
        if (rows.isEmpty()) {
            throw new ResourceNotFoundException(type + "/" + id + " does not exist");
        }
        return rows.stream().filter(r -> !r.deleted()).map(this::open).toList();
    }

    /**
     * @param expectedVersion 0: the resource must not exist yet (create); -1: any current version (update without
     *                        If-Match, or create with the client's id); n: version n must be current (If-Match)
     */
    /**
     * FHIR's rules on dates that HAPI's parser lets through: a {@code date} has no time, and a {@code dateTime} or
     * {@code instant} with a time has a time zone.
     */
    private void checkDates(IBaseResource resource) {
        var terser = fhir.newTerser();
        for (var date : terser.getAllPopulatedChildElementsOfType(resource, org.hl7.fhir.r4.model.DateType.class)) {
            if (date.getPrecision().ordinal() > ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()) {
                throw new InvalidRequestException("A FHIR date has no time part: " + date.getValueAsString()
                        .substring(0, Math.min(10, date.getValueAsString().length())) + "…");
            }
        }
        for (var dateTime : terser.getAllPopulatedChildElementsOfType(resource,
                org.hl7.fhir.r4.model.BaseDateTimeType.class)) {
            if (!(dateTime instanceof org.hl7.fhir.r4.model.DateType) && dateTime.getPrecision().ordinal()
                    > ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal() && dateTime.getTimeZone() == null) {
                throw new InvalidRequestException("A FHIR dateTime or instant with a time needs a time zone");
            }
        }
    }

    private Stored write(String type, String id, IBaseResource resource, int expectedVersion, WriteCheck check) {
        if (resource instanceof org.hl7.fhir.r4.model.Binary binary && binary.getData() != null
                && binary.getData().length > MAX_BINARY) {
            throw new ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException("A Binary holds at most "
                    + MAX_BINARY + " bytes (20 MiB); this one holds " + binary.getData().length);
        }
        checkDates(resource);
        RecordStore.Current current = store.current(type, id).orElse(null);
        if (current != null && expectedVersion >= 0 && expectedVersion != current.version()) {
            throw new PreconditionFailedException("Version " + expectedVersion + " is not current; the current version "
                    + "is " + current.version());
        }
        if (current == null && expectedVersion > 0) {
            throw new ResourceNotFoundException(type + "/" + id + " does not exist");
        }
        int version = current == null ? 1 : current.version() + 1;
        long now = clock.millis();
        resource.setId(fhir.getVersion().newIdType().setValue(type + "/" + id + "/_history/" + version));
        resource.getMeta().setVersionId(Integer.toString(version));
        resource.getMeta().setLastUpdated(new Date(now));
        String patient = patientOf(type, id, resource);
        String compartment = compartment(patient);
        check.allow(patient);
        if (current != null && !current.compartment().equals(compartment)) {
            check.allow(lastPatient(type, id));
        }
        byte[] json = fhir.newJsonParser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
        CompartmentKeys.Sealed sealed = keys.seal(compartment, json, associatedData(type, id, version));
        RecordStore.Version row = sign(new RecordStore.Version(type, id, version, compartment, sealed.keyVersion(),
                false, now, sealed.ciphertext(), sha256(sealed.ciphertext()), null));
        store.insert(row);
        boolean moved = current == null ? store.insertCurrent(row) : store.moveCurrent(current.version(), row);
        if (!moved) {
            throw new PreconditionFailedException("Another request changed " + type + "/" + id + " first; read it again");
        }
        search.replace(type, id, resource);
        return new Stored(resource, type, id, version, patient);
    }

    private Stored open(RecordStore.Version row) {
        // Resource ids are not PHI, but a Patient's id names a patient: alerts and logs carry only the type.
        String what = row.type().equals("Patient") ? "a Patient version" : row.type() + "/" + row.id() + "/_history/"
                + row.version();
        if (!mac.verify(row.mac(), macInput(row)) || (row.content() != null
                && !MessageDigest.isEqual(sha256(row.content()), row.contentSha256()))) {
            throw integrityFailure(what, "its metadata or content no longer matches its MAC");
        }
        byte[] json;
        try {
            json = keys.open(row.compartment(), row.keyVersion(), row.content(),
                    associatedData(row.type(), row.id(), row.version()));
        } catch (CompartmentKeys.CompartmentShredded e) {
            throw new ResourceGoneException(row.type() + "/" + row.id() + " was destroyed (its patient's data key was "
                    + "crypto-shredded)");
        } catch (CompartmentKeys.IntegrityFailure e) {
            throw integrityFailure(what, "its ciphertext does not decrypt");
        }
        IBaseResource resource = fhir.newJsonParser().parseResource(new String(json, StandardCharsets.UTF_8));
        return new Stored(resource, row.type(), row.id(), row.version(), patientOf(row, resource));
    }

    /** A sample checked by {@link #sampleEncryption}. */
    public record Sample(int sampled, List<Problem> problems) {
    }

    /**
     * Checks a random sample of stored, not deleted, not shredded versions: the content must not be JSON in clear,
     * and must open (MAC, digest, decryption) under its compartment's key.
     */
    public Sample sampleEncryption(int size) {
        List<RecordStore.Version> rows = store.sample(size);
        List<Problem> problems = new java.util.ArrayList<>();
        for (RecordStore.Version row : rows) {
            byte[] content = row.content();
            if (content.length > 0 && (content[0] == '{' || content[0] == '<')) {
                problems.add(new Problem(row.type(), row.id(), row.version(), "stored in clear"));
                continue;
            }
            try {
                open(row);
            } catch (ResourceGoneException e) {
                continue;
            } catch (RuntimeException e) {
                problems.add(new Problem(row.type(), row.id(), row.version(), "does not open under its key"));
            }
        }
        return new Sample(rows.size(), problems);
    }

    /** One stored version that failed verification. */
    public record Problem(String type, String id, int version, String reason) {
    }

    /** The result of {@link #verifyAll}: versions checked, shredded versions skipped, and every problem found. */
    public record Verification(long versions, long shredded, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks every stored version: its MAC over the metadata and ciphertext digest, the digest itself, that the
     * ciphertext decrypts under its compartment's key with its own type, id and version (so swapped or moved
     * ciphertexts fail), and that every current pointer names a stored version with the same state. Versions of
     * crypto-shredded patients are counted, not failed. A failure raises one critical alert.
     */
    public Verification verifyAll() {
        long[] counts = new long[2];
        List<Problem> problems = new java.util.ArrayList<>();
        store.eachVersion(row -> {
            counts[0]++;
            String reason = null;
            if (!mac.verify(row.mac(), macInput(row))) {
                reason = "the metadata or ciphertext digest does not match the MAC";
            } else if (row.content() != null && !MessageDigest.isEqual(sha256(row.content()), row.contentSha256())) {
                reason = "the ciphertext does not match its digest";
            } else if (!row.deleted()) {
                try {
                    keys.open(row.compartment(), row.keyVersion(), row.content(),
                            associatedData(row.type(), row.id(), row.version()));
                } catch (CompartmentKeys.CompartmentShredded e) {
                    counts[1]++;
                } catch (CompartmentKeys.IntegrityFailure e) {
                    reason = "the ciphertext does not decrypt under its key with its own type, id and version";
                }
            }
            if (reason != null && problems.size() < 1000) {
                problems.add(new Problem(row.type(), row.id(), row.version(), reason));
            }
        });
        store.eachCurrent(current -> {
            RecordStore.Version row = store.version(current.type(), current.id(), current.version()).orElse(null);
            if (row == null || row.deleted() != current.deleted() || !row.compartment().equals(current.compartment())
                    || row.lastUpdated() != current.lastUpdated()) {
                problems.add(new Problem(current.type(), current.id(), current.version(),
                        "the current-version pointer does not match a stored version"));
            }
        });
        if (!problems.isEmpty()) {
            alerts.raise(Alerts.RECORD_INTEGRITY_FAILURE, Alerts.Severity.CRITICAL, "records",
                    "Record verification found " + problems.size() + " stored version(s) failing integrity");
        }
        return new Verification(counts[0], counts[1], List.copyOf(problems));
    }

    private InternalErrorException integrityFailure(String what, String why) {
        log.atError().addKeyValue("alert", "record-integrity-failure").addKeyValue("resource", what)
                .log("A stored resource version failed its integrity check; it is not served");
        alerts.raise(Alerts.RECORD_INTEGRITY_FAILURE, Alerts.Severity.CRITICAL, "records",
                "Stored version " + what + " failed its integrity check (" + why + "); it was not served");
        return new InternalErrorException("The stored resource failed its integrity check and is not served; the "
                + "security officer has been alerted");
    }

    /** The patient of the newest readable version, or {@code null} (none, or no readable version). */
    private String lastPatient(String type, String id) {
        return store.history(type, id).stream().filter(r -> !r.deleted()).findFirst().map(r -> open(r).patient())
                .orElse(null);
    }

    /**
     * The patient of a stored version. Its compartment token (under the version's MAC) says which patient the write
     * found; a {@code subject} or {@code patient} reference whose token matches is that patient, without walking the
     * resource for every compartment reference again.
     */
    private String patientOf(RecordStore.Version row, IBaseResource resource) {
        if (row.type().equals("Patient")) {
            return "Patient/" + row.id();
        }
        if (row.compartment().equals(compartment(null))) {
            return null;
        }
        var definition = fhir.getResourceDefinition(resource);
        for (String element : List.of("subject", "patient")) {
            var child = definition.getChildByName(element);
            if (child == null) {
                continue;
            }
            for (Object value : child.getAccessor().getValues(resource)) {
                if (value instanceof org.hl7.fhir.r4.model.Reference reference
                        && reference.getReferenceElement().hasIdPart()
                        && "Patient".equals(reference.getReferenceElement().getResourceType())) {
                    String candidate = "Patient/" + reference.getReferenceElement().getIdPart();
                    if (compartment(candidate).equals(row.compartment())) {
                        return candidate;
                    }
                }
            }
        }
        String patient = patientOf(row.type(), row.id(), resource);
        if (!compartment(patient).equals(row.compartment())) {
            // Only a Binary whose security context moved to another patient since it was written gets here: its
            // patient can no longer be told, so nobody is served it (fail closed).
            throw new ForbiddenOperationException(row.type() + "/" + row.id() + " belongs to a patient that can no "
                    + "longer be determined from its security context; ask a security officer");
        }
        return patient;
    }

    /** {@code Patient/<id>} of the patient the resource is about, or {@code null}. */
    private String patientOf(String type, String id, IBaseResource resource) {
        if (type.equals("Patient")) {
            return "Patient/" + id;
        }
        if (resource instanceof org.hl7.fhir.r4.model.Binary binary) {
            return binaryPatient(binary);
        }
        List<IIdType> owners = fhir.newTerser().getCompartmentOwnersForResource("Patient", resource, Set.of());
        return owners.stream().filter(o -> o.hasIdPart() && "Patient".equals(o.getResourceType()))
                .map(o -> "Patient/" + o.getIdPart()).findFirst().orElse(null);
    }

    /**
     * A Binary is not in FHIR's Patient compartment; it belongs to the patient its {@code securityContext} names: a
     * Patient, or a resource of a patient (e.g. a DocumentReference), whose newest version decides. Without a
     * security context it belongs to no patient.
     */
    private String binaryPatient(org.hl7.fhir.r4.model.Binary binary) {
        if (!binary.hasSecurityContext()) {
            return null;
        }
        IIdType context = binary.getSecurityContext().getReferenceElement();
        if (!context.hasIdPart() || !context.hasResourceType()) {
            throw new UnprocessableEntityException("Binary.securityContext must reference a stored resource as "
                    + "Type/id");
        }
        if ("Patient".equals(context.getResourceType())) {
            return "Patient/" + context.getIdPart();
        }
        if (store.current(context.getResourceType(), context.getIdPart()).isEmpty()) {
            throw new UnprocessableEntityException("Binary.securityContext references " + context.getResourceType()
                    + "/" + context.getIdPart() + ", which is not stored");
        }
        return lastPatient(context.getResourceType(), context.getIdPart());
    }

    private String compartment(String patient) {
        return index.token("compartment", patient == null ? CompartmentKeys.SHARED : patient);
    }

    /** The compartment token of a patient, for crypto-shredding. */
    public String compartmentOf(String patientReference) {
        return compartment(patientReference);
    }

    private RecordStore.Version sign(RecordStore.Version v) {
        RecordStore.Version unsigned = new RecordStore.Version(v.type(), v.id(), v.version(), v.compartment(),
                v.keyVersion(), v.deleted(), v.lastUpdated(), v.content(), v.contentSha256(), null);
        return new RecordStore.Version(v.type(), v.id(), v.version(), v.compartment(), v.keyVersion(), v.deleted(),
                v.lastUpdated(), v.content(), v.contentSha256(), mac.mac(macInput(unsigned)));
    }

    /** Length-prefixed metadata and the ciphertext's SHA-256: what the MAC covers. */
    static byte[] macInput(RecordStore.Version v) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("safeguard-record-v1");
            out.writeUTF(v.type());
            out.writeUTF(v.id());
            out.writeInt(v.version());
            out.writeUTF(v.compartment());
            out.writeInt(v.keyVersion());
            out.writeBoolean(v.deleted());
            out.writeLong(v.lastUpdated());
            byte[] digest = v.contentSha256() == null ? new byte[0] : v.contentSha256();
            out.writeInt(digest.length);
            out.write(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] associatedData(String type, String id, int version) {
        return (type + "|" + id + "|" + version).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidRequestException("A resource id is 1 to 64 letters, digits, '-' or '.'");
        }
    }
}
