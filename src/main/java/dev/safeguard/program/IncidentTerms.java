package dev.safeguard.program;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed vocabulary of security incidents and breaches (164.308(a)(6); 164.400-414). Ids are stable API values and
 * are stored; IMPORTANT: never rename one. Titles are for people.
 */
public final class IncidentTerms {

    /** Incident categories, with titles. */
    public static final Map<String, String> CATEGORIES = ordered(
            "unauthorized-access", "Unauthorized access or use",
            "wrong-recipient", "Disclosure to the wrong recipient",
            "lost-stolen-device", "Lost or stolen device or media",
            "malware-ransomware", "Malware or ransomware",
            "phishing", "Phishing",
            "hacking-it-incident", "Hacking or IT incident",
            "improper-disposal", "Improper disposal",
            "other", "Other");

    public static final List<String> SEVERITIES = List.of("low", "moderate", "high", "critical");

    public static final String REPORTED = "reported";
    public static final String TRIAGE = "triage";
    public static final String INVESTIGATING = "investigating";
    public static final String CONTAINED = "contained";
    public static final String CLOSED = "closed";
    public static final List<String> STATUSES = List.of(REPORTED, TRIAGE, INVESTIGATING, CONTAINED, CLOSED);

    /**
     * The valid transitions: triage first; an incident found not to be one closes from triage; a contained incident
     * goes back to investigation when it recurs; closed is final.
     */
    public static final Map<String, List<String>> TRANSITIONS = Map.of(
            REPORTED, List.of(TRIAGE),
            TRIAGE, List.of(INVESTIGATING, CLOSED),
            INVESTIGATING, List.of(CONTAINED),
            CONTAINED, List.of(INVESTIGATING, CLOSED),
            CLOSED, List.of());

    /** How a closed incident ended: handled (assessment concluded), or found not to be a security incident. */
    public static final String RESOLVED = "resolved";
    public static final String NOT_AN_INCIDENT = "not-an-incident";
    public static final List<String> RESOLUTIONS = List.of(RESOLVED, NOT_AN_INCIDENT);

    /** Whether the organization meets the breach as the covered entity or as a business associate (164.410). */
    public static final String COVERED_ENTITY = "covered-entity";
    public static final String BUSINESS_ASSOCIATE = "business-associate";
    public static final List<String> CAPACITIES = List.of(COVERED_ENTITY, BUSINESS_ASSOCIATE);

    /** The four factors of 164.402(2), with their questions. */
    public static final Map<String, String> FACTORS = ordered(
            "nature", "(i) The nature and extent of the PHI involved, including the types of identifiers and the "
                    + "likelihood of re-identification",
            "recipient", "(ii) The unauthorized person who used the PHI or to whom the disclosure was made",
            "acquired", "(iii) Whether the PHI was actually acquired or viewed",
            "mitigation", "(iv) The extent to which the risk to the PHI has been mitigated");

    /** A factor's rating: how far it points to a compromise of the PHI. */
    public static final List<String> RATINGS = List.of("low", "moderate", "high");

    /** The safe-harbor answer: PHI secured per HHS guidance (encrypted, key not compromised) is not unsecured PHI. */
    public static final String SECURED = "secured";
    public static final String UNSECURED = "unsecured";
    public static final List<String> SAFE_HARBOR = List.of(SECURED, UNSECURED);

    /** The exclusions from the definition of breach, 164.402(1)(i)-(iii). */
    public static final Map<String, String> EXCEPTIONS = ordered(
            "none", "None applies",
            "unintentional-workforce", "(i) Unintentional acquisition, access or use in good faith by a workforce "
                    + "member or person acting under authority, within the scope of authority, not further used or "
                    + "disclosed",
            "inadvertent-authorized", "(ii) Inadvertent disclosure between persons authorized to access PHI at the "
                    + "same covered entity, business associate or organized health care arrangement, not further "
                    + "used or disclosed",
            "unable-to-retain", "(iii) A good-faith belief that the unauthorized recipient could not reasonably have "
                    + "retained the information");

    /** Conclusions: a breach, or one of the three ways it is not one. */
    public static final String BREACH = "breach";
    public static final String LOW_PROBABILITY = "low-probability";
    public static final String SECURED_PHI = "secured-phi";
    public static final String EXCEPTION = "exception";
    public static final List<String> CONCLUSIONS = List.of(BREACH, LOW_PROBABILITY, SECURED_PHI, EXCEPTION);

    /** The determination before an assessment is concluded: 164.402 presumes a breach, and the clocks run. */
    public static final String PRESUMED_BREACH = "presumed-breach";

    /** Who is notified. */
    public static final String INDIVIDUALS = "individuals";
    public static final String HHS = "hhs";
    public static final String MEDIA = "media";
    public static final List<String> RECIPIENTS = List.of(INDIVIDUALS, HHS, MEDIA, COVERED_ENTITY);

    /** How a notification was given (164.404(d), 164.406, 164.408, 164.410). */
    public static final List<String> METHODS = List.of("first-class-mail", "email", "telephone",
            "substitute-web-posting", "substitute-media-notice", "hhs-breach-portal", "media-outlet",
            "written-notice", "other");

    /** A law-enforcement statement that delays notification (164.412). */
    public static final List<String> HOLD_KINDS = List.of("oral", "written");

    private IncidentTerms() {
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
