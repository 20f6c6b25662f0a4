package dev.safeguard.audit;

import dev.safeguard.audit.internal.LastActivityQueries;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * When workforce users, service clients and clinicians with a patient last acted, read from the audit trail, for
 * access reviews (164.308(a)(4)(ii)(B), (C)): an entitlement nobody used for months is a candidate for removal.
 *
 * <p>Guarantees: read-only; only events with outcome {@code SUCCESS} count (a refused or failed attempt, such as a
 * wrong password on a dormant account, is not use). A user's own activity excludes what their service clients did
 * (those events name the owner too; the client is reviewed on its own). Each answer is one database statement per
 * chunk of keys, so it sees one snapshot of the trail: events already in the lookup index are found through it, the
 * few newer ones by a scan of the unindexed tail. Patients are matched by the trail's own pseudonym, computed inside
 * this module; no patient id leaves it in an event or a log. Unknown keys are simply absent from the answer.
 */
@Service
public class LastActivity {

    /** Ids are looked up in chunks of this many keys per statement. */
    public static final int CHUNK = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-._:]{1,128}");

    /** A workforce user and a patient (the Patient's logical id), e.g. of a care-team assignment. */
    public record CareRelationship(String userId, String patientId) {
    }

    private final LastActivityQueries queries;

    LastActivity(LastActivityQueries queries) {
        this.queries = queries;
    }

    /** The time of each user's last successful event made by the user themselves (not by a client they own). */
    public Map<String, Instant> ofUsers(Collection<String> userIds) {
        userIds.forEach(LastActivity::requireId);
        return queries.users(userIds);
    }

    /** The time of each service client's last successful event. */
    public Map<String, Instant> ofClients(Collection<String> clientIds) {
        clientIds.forEach(LastActivity::requireId);
        return queries.clients(clientIds);
    }

    /** The time each user last successfully reached (read, searched, wrote) the patient's records themselves. */
    public Map<CareRelationship, Instant> ofCareRelationships(Collection<CareRelationship> relationships) {
        relationships.forEach(r -> {
            requireId(r.userId());
            requireId(r.patientId());
        });
        return queries.careRelationships(relationships);
    }

    private static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not an id: use letters, digits, '-', '.', '_' or ':', at most 128");
        }
    }
}
