package dev.safeguard.audit;

import dev.safeguard.audit.internal.FirstClientAccess;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * When service clients first reached ePHI, read from the audit trail: the first successful FHIR interaction of a
 * client that touched a patient's data (its event carries a patient pseudonym), e.g. for the program's measure of
 * business associate agreements executed before production connectivity (164.308(b)).
 *
 * <p>Guarantees: read-only; answers hold client ids and times only, never a pseudonym, entity id or query. It sees
 * every committed event, indexed or not.
 */
@Service
public class ClientAccess {

    /** The most clients one call looks up. */
    public static final int MAX_CLIENTS = 10_000;

    private final FirstClientAccess first;

    ClientAccess(FirstClientAccess first) {
        this.first = first;
    }

    /**
     * The time of each client's first successful FHIR interaction with a patient's data; clients that never had one
     * are absent from the answer.
     *
     * @throws IllegalArgumentException for more than {@link #MAX_CLIENTS} clients
     */
    public Map<String, Instant> firstPatientDataAccess(Collection<String> clientIds) {
        if (clientIds.size() > MAX_CLIENTS) {
            throw new IllegalArgumentException("At most " + MAX_CLIENTS + " clients per call; got " + clientIds.size());
        }
        Map<String, Instant> firsts = new LinkedHashMap<>();
        for (String clientId : clientIds) {
            first.firstPatientDataAccess(clientId).ifPresent(at -> firsts.put(clientId, Instant.ofEpochMilli(at)));
        }
        return firsts;
    }
}
