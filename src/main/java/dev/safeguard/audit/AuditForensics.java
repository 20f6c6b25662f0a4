package dev.safeguard.audit;

import dev.safeguard.audit.internal.AuditSearch;
import dev.safeguard.audit.internal.AuditStore;
import dev.safeguard.audit.internal.ForensicQueries;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Read-only questions the security incident procedures (164.308(a)(6)(ii)) ask the audit trail: one event by its
 * sequence number, and which patients a user or a service client touched through the FHIR API in a time window.
 *
 * <p>Guarantees: nothing is written here (the caller audits its own use of the answers). Patients appear only as the
 * trail's keyed pseudonyms, never as ids or names; {@link #patientPseudonym} lets the vault, which holds the patients,
 * turn its own patient references into the same pseudonyms so that only the vault ever learns who they are. Answers
 * are complete whether or not the lookup index has caught up (see {@code AuditLookupIndexer}). Windows are half-open,
 * {@code [from, to)} by recorded time.
 */
@Service
public class AuditForensics {

    /**
     * The patients one agent touched in a window, as pseudonyms.
     *
     * @param accessed    patients with at least one successful FHIR interaction by the agent: their data was read,
     *                    searched, created, changed or deleted
     * @param refusedOnly patients the agent only tried to reach and was refused (a 403 or another failure): nothing
     *                    of theirs was released
     * @param events      the agent's FHIR events about a patient in the window
     */
    public record TouchedPatients(String agent, Instant from, Instant to, Set<String> accessed,
                                  Set<String> refusedOnly, long events) {

        public TouchedPatients {
            accessed = Set.copyOf(accessed);
            refusedOnly = Set.copyOf(refusedOnly);
        }

        @Override
        public String toString() {
            return "TouchedPatients[" + agent + ", " + accessed.size() + " accessed, " + refusedOnly.size()
                    + " refused only]";
        }
    }

    private final ForensicQueries queries;
    private final AuditStore store;

    AuditForensics(ForensicQueries queries, AuditStore store) {
        this.queries = queries;
        this.store = store;
    }

    /** The event with this sequence number, if the trail holds one. */
    public Optional<AuditRecord> event(long seq) {
        if (seq < 1) {
            return Optional.empty();
        }
        return store.find(seq).map(AuditSearch::record);
    }

    /**
     * The patients a workforce user touched with their own session (not through service clients they own) in
     * {@code [from, to)}.
     */
    public TouchedPatients touchedByUser(String userId, Instant from, Instant to) {
        window(from, to);
        return queries.touched(ForensicQueries.Agent.USER, userId, from.toEpochMilli(), to.toEpochMilli(),
                "u:" + userId, from, to);
    }

    /** The patients a service client touched in {@code [from, to)}. */
    public TouchedPatients touchedByClient(String clientId, Instant from, Instant to) {
        window(from, to);
        return queries.touched(ForensicQueries.Agent.CLIENT, clientId, from.toEpochMilli(), to.toEpochMilli(),
                "c:" + clientId, from, to);
    }

    /**
     * The pseudonym under which the trail records events about {@code patientReference} ({@code Patient/<id>}).
     * For the vault only: it holds the patients and maps pseudonyms back to them without anything else learning who
     * they are.
     */
    public String patientPseudonym(String patientReference) {
        return queries.patientPseudonym(patientReference);
    }

    private static void window(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ProblemException(ProblemKind.VALIDATION, "A window needs from before to; got " + from + " to "
                    + to);
        }
    }
}
