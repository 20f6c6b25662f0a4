package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.training.TrainingAssignmentStore;
import dev.safeguard.program.training.TrainingModuleStore;
import dev.safeguard.program.training.TrainingReportStore;
import dev.safeguard.program.workforce.WorkforceMemberStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Signed training reports (164.308(a)(5)): completions per module over a period, recorded as evidence on an officer's
 * request ({@code export} evidence) and by the schedule every {@code report-interval} ({@code automated-check}
 * evidence from the collector {@code program.training-report}, covering the last 365 days).
 *
 * <p>Guarantees: the report is computed from the assignments as stored when it is made; the evidence, the report's
 * row and the audit event commit together. Reports hold member names and ids, never patient data.
 */
@Service
public class TrainingReports {

    static final String COLLECTOR = "program.training-report";
    /** Every report, scheduled or an officer's, is the latest version of one series. */
    static final String SERIES = "training-report";
    static final List<String> CONTROLS = TrainingModules.TRAINING_CONTROLS;
    static final Duration DEFAULT_PERIOD = Duration.ofDays(365);
    static final Duration MAX_PERIOD = Duration.ofDays(3 * 366);

    /** A recorded report. */
    public record Recorded(String id, Instant periodFrom, Instant periodTo, String evidenceId, Instant recordedAt,
                           String recordedBy) {
    }

    private final TrainingAssignmentStore assignments;
    private final TrainingModuleStore modules;
    private final WorkforceMemberStore members;
    private final TrainingReportStore reports;
    private final Evidence evidence;
    private final WorkforceSettings settings;
    private final ProgramEvents events;
    private final ObjectMapper json;
    private final Clock clock;

    TrainingReports(TrainingAssignmentStore assignments, TrainingModuleStore modules, WorkforceMemberStore members,
                    TrainingReportStore reports, Evidence evidence, WorkforceSettings settings, ProgramEvents events,
                    ObjectMapper json, Clock clock) {
        this.assignments = assignments;
        this.modules = modules;
        this.members = members;
        this.reports = reports;
        this.evidence = evidence;
        this.settings = settings;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The report of {@code [from, to)}; {@code null} bounds: the last 365 days up to now. */
    public TrainingReport report(Actor actor, Instant from, Instant to) {
        ProgramRoles.requireReader(actor);
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : from;
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new ProblemException(ProblemKind.VALIDATION, "The period must start before it ends and last at most "
                    + MAX_PERIOD.toDays() + " days; got " + start + " to " + end);
        }
        if (end.isAfter(clock.instant())) {
            throw new ProblemException(ProblemKind.VALIDATION, "The period must have ended; " + end + " is in the "
                    + "future");
        }
        return build(start, end);
    }

    /** Records the report of {@code [from, to)} as signed export evidence on an officer's request. */
    public Recorded record(Actor actor, Instant from, Instant to, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        TrainingReport report = report(actor, from, to);
        EvidenceDraft draft = draft(report, EvidenceKind.EXPORT).inSeries(SERIES);
        Agent agent = ProgramEvents.agent(actor, origin);
        return events.atomically(() -> store(report, evidence.submit(actor, draft, origin), actor.id(), agent));
    }

    /** Records the last 365 days' report when the latest one is older than the report interval. For the schedule. */
    public Optional<Recorded> recordIfDue() {
        Instant now = clock.instant();
        Optional<Long> latest = reports.latestRecordedAt();
        if (latest.isPresent() && now.toEpochMilli() - latest.get() < settings.reportInterval().toMillis()) {
            return Optional.empty();
        }
        TrainingReport report = build(now.minus(DEFAULT_PERIOD), now);
        EvidenceDraft draft = draft(report, EvidenceKind.EXPORT).inSeries(SERIES);
        return Optional.of(events.atomically(() -> store(report, evidence.produce(COLLECTOR, draft),
                TrainingAssignments.CADENCE, ProgramEvents.system("training-report"))));
    }

    /** Recorded reports, newest first. */
    public List<Recorded> list(Actor actor) {
        ProgramRoles.requireReader(actor);
        return reports.list(100).stream().map(r -> new Recorded(r.id(), Instant.ofEpochMilli(r.periodFrom()),
                Instant.ofEpochMilli(r.periodTo()), r.evidenceId(), Instant.ofEpochMilli(r.recordedAt()),
                r.recordedBy())).toList();
    }

    private Recorded store(TrainingReport report, EvidenceRecord record, String by, Agent agent) {
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        reports.insert(new TrainingReportStore.Row(id, report.from().toEpochMilli(), report.to().toEpochMilli(),
                record.id(), now, by));
        events.record(TrainingModules.EVENT_TYPE, "report", Action.C, Outcome.SUCCESS, agent, "TrainingReport", id,
                null, null);
        return new Recorded(id, report.from(), report.to(), record.id(), Instant.ofEpochMilli(now), by);
    }

    private EvidenceDraft draft(TrainingReport report, EvidenceKind kind) {
        String details = "Security training " + report.from() + " to " + report.to() + ": " + report.completedOnTime()
                + " of " + report.fellDue() + " assignments that fell due were completed on schedule; "
                + report.completions().size() + " completions; " + report.overdueNow() + " overdue now";
        return new EvidenceDraft(CONTROLS, kind, report.from(), report.to(), report.overdueNow() == 0
                ? EvidenceResult.PASS : EvidenceResult.FAIL, details,
                json.writeValueAsString(report).getBytes(StandardCharsets.UTF_8), "application/json", null, null);
    }

    private TrainingReport build(Instant from, Instant to) {
        Instant now = clock.instant();
        Map<String, String> names = new HashMap<>();
        members.list(WorkforceRoster.MAX_LIST).forEach(m -> names.put(m.id(), m.name()));
        List<TrainingAssignmentStore.Row> due = assignments.deadlinesBetween(from.toEpochMilli(), to.toEpochMilli());
        List<TrainingAssignmentStore.Row> completed = assignments.completedBetween(from.toEpochMilli(),
                to.toEpochMilli());
        List<TrainingReport.ModuleLine> lines = new ArrayList<>();
        for (TrainingModuleStore.Row module : modules.list()) {
            List<TrainingAssignmentStore.Row> mine = due.stream().filter(a -> a.moduleId().equals(module.id()))
                    .toList();
            long onTime = mine.stream().filter(a -> a.completedAt() != null && a.completedAt() < a.dueAt()).count();
            long late = mine.stream().filter(a -> a.completedAt() != null && a.completedAt() >= a.dueAt()).count();
            lines.add(new TrainingReport.ModuleLine(module.id(), module.title(), module.currentVersion(), mine.size(),
                    onTime, late, mine.size() - onTime - late, completed.stream()
                    .filter(a -> a.moduleId().equals(module.id())).count()));
        }
        List<TrainingReport.Completion> completions = completed.stream().map(a -> new TrainingReport.Completion(
                a.memberId(), names.get(a.memberId()), a.moduleId(), a.completedVersion(),
                Instant.ofEpochMilli(a.completedAt()), LocalDate.parse(a.dueOn()), a.completedAt() < a.dueAt()))
                .toList();
        long onTime = lines.stream().mapToLong(TrainingReport.ModuleLine::completedOnTime).sum();
        Double percent = due.isEmpty() ? null : Math.round(10_000.0 * onTime / due.size()) / 100.0;
        return new TrainingReport(from, to, now, lines, completions, due.size(), onTime, percent,
                assignments.overdue(now.toEpochMilli()).size());
    }
}
