package dev.safeguard.program.checks;

import dev.safeguard.program.BreachClocks;
import dev.safeguard.program.CheckOutcome;
import dev.safeguard.program.EvaluationCheck;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The checks of the security incident procedures (164.308(a)(6)(ii)): no breach notification deadline has passed
 * without its notification, and no reported incident waits for triage longer than the setting
 * ({@code safeguard.program.incidents.triage-within}, default 3 days).
 */
@Component
class IncidentChecks implements CheckSource {

    private final BreachClocks clocks;

    IncidentChecks(BreachClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public List<EvaluationCheck> checks() {
        return List.of(
                new EvaluationCheck("program.breach-deadlines", "No breach notification deadline passed unmet",
                        List.of("164.308(a)(6)(ii)"), this::deadlines),
                new EvaluationCheck("program.incident-triage", "Reported incidents are triaged in time",
                        List.of("164.308(a)(6)(ii)"), this::triage));
    }

    private CheckOutcome deadlines() {
        BreachClocks.Posture posture = clocks.posture();
        List<String> overdue = posture.overdue().stream().map(d -> d.reference() + " " + d.deadline().key()
                + " due " + d.deadline().dueOn()).toList();
        List<String> late = posture.late().stream().map(d -> d.reference() + " " + d.deadline().key() + " due "
                + d.deadline().dueOn() + " met " + d.deadline().metOn()).toList();
        return CheckOutcome.of(overdue.isEmpty(), "No breach notification deadline is overdue"
                        + (late.isEmpty() ? "" : " (" + late.size() + " met late in the last year)"),
                overdue.size() + " breach notification deadline(s) passed without their notification",
                Map.of("overdue", overdue, "lateInLastYear", late, "openIncidents", posture.open()));
    }

    private CheckOutcome triage() {
        BreachClocks.Posture posture = clocks.posture();
        long hours = posture.triageWithin().toHours();
        return CheckOutcome.of(posture.untriaged().isEmpty(), "Every reported incident was triaged within "
                        + hours + " hours", posture.untriaged().size() + " incident(s) waited more than " + hours
                        + " hours for triage", Map.of("untriaged", posture.untriaged(), "triageWithinHours", hours));
    }
}
