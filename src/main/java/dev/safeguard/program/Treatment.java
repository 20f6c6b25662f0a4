package dev.safeguard.program;

import java.time.LocalDate;

/**
 * How a risk is treated (164.308(a)(1)(ii)(B) risk management) and what risk remains.
 *
 * @param type               {@code mitigate}, {@code accept}, {@code transfer} or {@code avoid}
 * @param plan               what will be done (for {@code accept}: why the risk is accepted)
 * @param ownerId            who carries the plan out (user id)
 * @param dueDate            by when, or {@code null} for an acceptance
 * @param approverId         who approved an acceptance (user id); always present for {@code accept}
 * @param residualLikelihood likelihood after treatment, or {@code null} when not assessed
 * @param residualImpact     impact after treatment, or {@code null} when not assessed
 * @param residualLevel      Table I-2 level of the residual likelihood and impact, or {@code null}
 */
public record Treatment(String type, String plan, String ownerId, LocalDate dueDate, String approverId,
                        RiskLevel residualLikelihood, RiskLevel residualImpact, RiskLevel residualLevel) {
}
