package dev.safeguard.records;

import dev.safeguard.records.internal.ResidenceCounter;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Counts, inside the vault, where the patients behind a set of audit-trail pseudonyms live: for breach notification
 * (45 CFR 164.404 individuals, 164.406 media notice for more than 500 residents of a State or jurisdiction).
 *
 * <p>Guarantees: only counts leave; no patient id, name or address does. Each stored Patient's pseudonym is computed
 * the way the audit trail computes it, so a pseudonym matches exactly the patient the trail meant. A patient's state
 * is taken from the home (else unlabelled, else temporary) address in force today, normalized to the two-letter USPS
 * code for US states and jurisdictions; a patient without one counts under {@link #UNKNOWN}. Deleted patients are
 * counted from their last stored version; patients whose data key was crypto-shredded (or whose stored version fails
 * its integrity check) are counted as unreadable, under {@link #UNKNOWN} too.
 */
@Service
public class PatientResidence {

    /** The state key of patients without a recorded state. */
    public static final String UNKNOWN = "unknown";

    /**
     * Where the patients live.
     *
     * @param patients     how many of the pseudonyms name a stored patient
     * @param byState      patients per state or jurisdiction (USPS code, else the recorded text), {@link #UNKNOWN}
     *                     included when any patient has no recorded state or is unreadable
     * @param withoutState patients whose current home address records no state
     * @param unreadable   patients whose record could not be opened (crypto-shredded, or failing its integrity check)
     * @param unresolved   pseudonyms that name no stored patient
     */
    public record Residence(int patients, Map<String, Integer> byState, int withoutState, int unreadable,
                            int unresolved) {
        public Residence {
            byState = Map.copyOf(byState);
        }
    }

    private final ResidenceCounter counter;

    PatientResidence(ResidenceCounter counter) {
        this.counter = counter;
    }

    /** Where the patients behind these audit-trail patient pseudonyms live. */
    public Residence of(Collection<String> patientPseudonyms) {
        return counter.count(patientPseudonyms);
    }
}
