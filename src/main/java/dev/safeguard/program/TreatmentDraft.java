package dev.safeguard.program;

/** A treatment as a person records it; {@link RiskRegister} validates it (dates as {@code yyyy-MM-dd}). */
public record TreatmentDraft(String type, String plan, String ownerId, String dueDate, String approverId,
                             String residualLikelihood, String residualImpact) {
}
