package dev.safeguard.program;

import dev.safeguard.access.AccessSettings;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.policies.PolicyTemplateFiles;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The 17 core policy templates written for Safeguard (security management and risk, sanctions, workforce security,
 * information access, training, incident response, contingency, evaluation, business associates, facility and
 * workstation, device and media, access control, audit, integrity, authentication, transmission security,
 * documentation).
 *
 * <p>Guarantees: templates are read from the jar once; start-up fails when one names a citation outside the catalog
 * or holds an unknown placeholder. Filling a template states Safeguard's settings as they are configured (automatic
 * logoff, session lifetime, lockout threshold, break-glass durations and review deadline, acknowledgment period), so
 * a policy created from it describes the system it runs on.
 */
@Service
public class PolicyTemplates {

    private final Map<String, PolicyTemplate> templates = new LinkedHashMap<>();
    private final PolicySettings settings;
    private final IdentitySettings identity;
    private final AccessSettings access;
    private final Workforce workforce;

    PolicyTemplates(Catalog catalog, PolicySettings settings, IdentitySettings identity, AccessSettings access,
                    Workforce workforce) {
        this.settings = settings;
        this.identity = identity;
        this.access = access;
        this.workforce = workforce;
        for (PolicyTemplateFiles.Entry e : PolicyTemplateFiles.load()) {
            for (String citation : e.citations()) {
                if (catalog.find(citation, CatalogView.CURRENT).isEmpty()) {
                    throw new IllegalStateException("Policy template " + e.id() + " cites " + citation
                            + ", which is not a catalog item");
                }
            }
            templates.put(e.id(), new PolicyTemplate(e.id(), e.title(), e.citations(), e.reviewMonths(),
                    e.acknowledgmentRequired(), e.markdown()));
        }
    }

    /** Every template, in the order of the regulation; for program readers. */
    public List<PolicyTemplate> list(Actor actor) {
        ProgramRoles.requireReader(actor);
        return all();
    }

    /** Every template, for the checks (the core topics). */
    public List<PolicyTemplate> all() {
        return List.copyOf(templates.values());
    }

    public PolicyTemplate get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "No policy template '"
                + Fields.abbreviated(String.valueOf(id)) + "'; the templates are " + String.join(", ",
                templates.keySet())));
    }

    public Optional<PolicyTemplate> find(String id) {
        return Optional.ofNullable(id == null ? null : templates.get(id.strip()));
    }

    /** Whether {@code topic} names a core policy. */
    public boolean isTopic(String topic) {
        return templates.containsKey(topic);
    }

    /** The template's text with every placeholder filled in. */
    public String fill(PolicyTemplate template, String organization) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("organization", organization == null ? settings.organization() : organization);
        values.put("security_official", workforce.securityOfficial().filter(Workforce.Member::active)
                .map(Workforce.Member::displayName).orElse("the person designated as security official in Safeguard"));
        values.put("session_inactivity", words(identity.sessionInactivity()));
        values.put("session_absolute", words(identity.sessionAbsolute()));
        values.put("lockout_threshold", Integer.toString(identity.lockoutThreshold()));
        values.put("break_glass_default", words(access.breakGlassDefault()));
        values.put("break_glass_max", words(access.breakGlassMax()));
        values.put("break_glass_review", words(access.reviewDue()));
        values.put("acknowledgment_due", words(settings.acknowledgmentDue()));
        values.put("review_cadence", template.reviewMonths() == 12 ? "12 months (annually)"
                : template.reviewMonths() + " months");
        return PolicyTemplateFiles.fill(template.markdown(), values);
    }

    /** A duration in words: minutes under 2 hours, hours up to 4 days, days beyond. */
    static String words(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 120 || minutes % 60 != 0) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = d.toHours();
        if (hours <= 96 || hours % 24 != 0) {
            return hours + " hours";
        }
        return d.toDays() + " days";
    }
}
