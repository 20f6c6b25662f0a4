package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Security training over a period {@code [from, to)}: per module, the assignments that fell due in it (deadline in
 * the period, not cancelled) and how they ended; every completion in it; and the on-schedule share. Recorded as
 * signed evidence for 164.308(a)(5).
 *
 * @param onSchedulePercent {@code 100 × completedOnTime / fellDue} over all modules, or {@code null} when nothing fell
 *                          due
 * @param overdueNow        open assignments past their due date when the report was made
 */
public record TrainingReport(Instant from, Instant to, Instant generatedAt, List<ModuleLine> modules,
                             List<Completion> completions, long fellDue, long completedOnTime,
                             Double onSchedulePercent, long overdueNow) {

    public TrainingReport {
        modules = List.copyOf(modules);
        completions = List.copyOf(completions);
    }

    /** One module's figures for the period. */
    public record ModuleLine(String moduleId, String title, String version, long fellDue, long completedOnTime,
                             long completedLate, long stillOpen, long completions) {
    }

    /** One completion in the period, with the version the member attested to. */
    public record Completion(String memberId, String memberName, String moduleId, String version, Instant completedAt,
                             LocalDate dueOn, boolean onTime) {
    }
}
