package dev.safeguard.program.checks;

import dev.safeguard.program.CheckOutcome;
import dev.safeguard.program.EvaluationCheck;
import dev.safeguard.program.Policies;
import dev.safeguard.program.Policy;
import dev.safeguard.program.PolicyAcknowledgments;
import dev.safeguard.program.PolicyCoverage;
import dev.safeguard.program.PolicySettings;
import dev.safeguard.program.PolicyTemplate;
import dev.safeguard.program.PolicyTemplates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The checks of policies and documentation (164.316): every core policy has a version in force, no policy is past its
 * review date, and every policy that asks for acknowledgment has enough of the workforce's (at least the threshold,
 * default 95 %) or nobody overdue.
 */
@Component
class PolicyChecks implements CheckSource {

    private final Policies policies;
    private final PolicyTemplates templates;
    private final PolicyAcknowledgments acknowledgments;
    private final PolicySettings settings;

    PolicyChecks(Policies policies, PolicyTemplates templates, PolicyAcknowledgments acknowledgments,
                 PolicySettings settings) {
        this.policies = policies;
        this.templates = templates;
        this.acknowledgments = acknowledgments;
        this.settings = settings;
    }

    @Override
    public List<EvaluationCheck> checks() {
        return List.of(
                new EvaluationCheck("program.policies-in-force", "Every core policy has an approved version in force",
                        List.of("164.316(a)"), this::coreInForce),
                new EvaluationCheck("program.policy-reviews", "No policy is past its review date",
                        List.of("164.316(b)(2)(iii)"), this::reviewsCurrent),
                new EvaluationCheck("program.policy-acknowledgments", "Policies in force are acknowledged by the "
                        + "workforce", List.of("164.316(b)(2)(ii)"), this::acknowledged));
    }

    private CheckOutcome coreInForce() {
        Set<String> inForce = policies.all().stream().filter(p -> p.topic() != null && p.effectiveVersion() != null)
                .map(Policy::topic).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(templates.all().stream().map(PolicyTemplate::id).toList());
        int core = missing.size();
        missing.removeAll(inForce);
        return CheckOutcome.of(missing.isEmpty(), "All " + core + " core policies have a version in force",
                missing.size() + " of " + core + " core policies have no version in force: " + String.join(", ",
                        missing), Map.of("core", core, "missing", List.copyOf(missing)));
    }

    private CheckOutcome reviewsCurrent() {
        List<Policy> all = policies.all();
        List<String> overdue = all.stream().filter(Policy::reviewOverdue).map(Policy::id).toList();
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("policies", all.size());
        observed.put("inForce", all.stream().filter(p -> p.effectiveVersion() != null).count());
        observed.put("overdue", overdue);
        return CheckOutcome.of(overdue.isEmpty(), "No policy is past its review date", overdue.size()
                + " policies are past their review date", observed);
    }

    private CheckOutcome acknowledged() {
        List<PolicyCoverage> coverage = acknowledgments.coverage();
        List<String> lacking = coverage.stream().filter(c -> !acknowledgments.met(List.of(c)))
                .map(PolicyCoverage::policyId).toList();
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("thresholdPercent", settings.acknowledgmentThreshold());
        observed.put("policies", coverage.stream().map(c -> Map.of("policy", c.policyId(), "version", c.version(),
                "acknowledged", c.acknowledged(), "required", c.required(), "overdue", c.overdue().size())).toList());
        observed.put("belowThresholdWithOverdue", lacking);
        return CheckOutcome.of(acknowledgments.met(coverage), coverage.size() + " policies in force asking for "
                + "acknowledgment are acknowledged by at least " + settings.acknowledgmentThreshold() + " % of the "
                + "workforce or have nobody overdue", lacking.size() + " policies are acknowledged by fewer than "
                + settings.acknowledgmentThreshold() + " % of the workforce with acknowledgments overdue", observed);
    }
}
