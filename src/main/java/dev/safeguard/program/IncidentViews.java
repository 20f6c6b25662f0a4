package dev.safeguard.program;

import dev.safeguard.audit.Alerts;
import dev.safeguard.audit.AuditForensics;
import dev.safeguard.audit.AuditRecord;
import dev.safeguard.program.incidents.AffectedStore;
import dev.safeguard.program.incidents.AssessmentStore;
import dev.safeguard.program.incidents.IncidentSettings;
import dev.safeguard.program.incidents.IncidentStore;
import dev.safeguard.program.incidents.NotificationStore;
import dev.safeguard.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns stored incident rows into the views the API and console show, and derives what the rows imply: the
 * determination (presumed breach until the assessment concludes) and the deadlines as of today.
 */
@Component
class IncidentViews {

    private static final TypeReference<Map<String, Integer>> STATES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final IncidentStore incidents;
    private final AssessmentStore assessments;
    private final AffectedStore affected;
    private final NotificationStore notifications;
    private final AuditForensics forensics;
    private final Alerts alerts;
    private final IncidentSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    IncidentViews(IncidentStore incidents, AssessmentStore assessments, AffectedStore affected,
                  NotificationStore notifications, AuditForensics forensics, Alerts alerts, IncidentSettings settings,
                  ObjectMapper json, Clock clock) {
        this.incidents = incidents;
        this.assessments = assessments;
        this.affected = affected;
        this.notifications = notifications;
        this.forensics = forensics;
        this.alerts = alerts;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    BreachDeadlines calculator() {
        return new BreachDeadlines(clock, settings.zone(), settings.reminderDays());
    }

    Incident full(IncidentStore.Row r) {
        Optional<AssessmentStore.Row> assessment = assessments.find(r.id());
        Optional<AffectedStore.Row> count = affected.latest(r.id());
        List<NotificationStore.Row> sent = notifications.of(r.id());
        return new Incident(r.id(), r.reference(), r.title(), r.description(), r.category(), r.severity(), r.status(),
                Instant.ofEpochMilli(r.discoveredAt()), calculator().day(Instant.ofEpochMilli(r.discoveredAt())),
                instant(r.occurredFrom()), instant(r.occurredTo()), Instant.ofEpochMilli(r.reportedAt()),
                r.reporterId(), r.reportedVia(), r.capacity(), r.coveredEntity(), r.resolution(),
                instant(r.closedAt()), r.closedBy(), hold(r), r.version(), nextStatuses(r),
                determination(r, assessment), count.map(this::affected).orElse(null),
                assessment.map(IncidentViews::assessment).orElse(null), deadlines(r, assessment, count, sent),
                sent.stream().map(this::notification).toList(),
                incidents.links(r.id()).stream().map(this::link).toList(),
                incidents.entries(r.id()).stream().map(IncidentViews::entry).toList());
    }

    IncidentSummary summary(IncidentStore.Row r) {
        Optional<AssessmentStore.Row> assessment = assessments.find(r.id());
        Optional<AffectedStore.Row> count = affected.latest(r.id());
        return new IncidentSummary(r.id(), r.reference(), r.title(), r.category(), r.severity(), r.status(),
                Instant.ofEpochMilli(r.discoveredAt()), Instant.ofEpochMilli(r.reportedAt()), r.reporterId(),
                determination(r, assessment), count.map(c -> (int) c.total()).orElse(null),
                deadlines(r, assessment, count, notifications.of(r.id())));
    }

    ReportedIncident reported(IncidentStore.Row r) {
        return new ReportedIncident(r.id(), r.reference(), r.title(), r.description(), r.category(), r.status(),
                Instant.ofEpochMilli(r.discoveredAt()), Instant.ofEpochMilli(r.reportedAt()),
                incidents.entries(r.id()).stream().filter(e -> e.kind().equals("reporter-note"))
                        .map(IncidentViews::entry).toList());
    }

    List<BreachDeadline> deadlines(IncidentStore.Row r) {
        return deadlines(r, assessments.find(r.id()), affected.latest(r.id()), notifications.of(r.id()));
    }

    String determination(IncidentStore.Row r) {
        return determination(r, assessments.find(r.id()));
    }

    private List<BreachDeadline> deadlines(IncidentStore.Row r, Optional<AssessmentStore.Row> assessment,
                                           Optional<AffectedStore.Row> count, List<NotificationStore.Row> sent) {
        BreachFacts facts = new BreachFacts(Instant.ofEpochMilli(r.discoveredAt()), r.capacity(),
                determination(r, assessment), count.map(c -> (int) c.total()).orElse(null),
                count.map(c -> states(c.byState())).orElse(Map.of()),
                r.holdUntil() == null ? null : LocalDate.parse(r.holdUntil()),
                sent.stream().map(n -> new BreachFacts.Sent(n.recipient(), n.state(), Instant.ofEpochMilli(n.sentAt()),
                        n.individuals() == null ? null : n.individuals().intValue())).toList());
        return calculator().of(facts);
    }

    static String determination(IncidentStore.Row r, Optional<AssessmentStore.Row> assessment) {
        if (IncidentTerms.NOT_AN_INCIDENT.equals(r.resolution())) {
            return IncidentTerms.NOT_AN_INCIDENT;
        }
        return assessment.map(AssessmentStore.Row::conclusion).orElse(IncidentTerms.PRESUMED_BREACH);
    }

    static List<String> nextStatuses(IncidentStore.Row r) {
        return IncidentTerms.TRANSITIONS.getOrDefault(r.status(), List.of());
    }

    static LawEnforcementDelay hold(IncidentStore.Row r) {
        return r.holdKind() == null ? null : new LawEnforcementDelay(r.holdKind(), LocalDate.parse(r.holdStatedOn()),
                LocalDate.parse(r.holdUntil()), r.holdAgency(), r.holdOfficial());
    }

    AffectedCount affected(AffectedStore.Row r) {
        return new AffectedCount(r.id(), r.source(), r.agents() == null ? List.of() : json.readValue(r.agents(),
                STRINGS), instant(r.windowFrom()), instant(r.windowTo()), r.total(), states(r.byState()),
                r.refusedOnly(), r.withoutState(), r.unreadable(), r.unresolved(), r.notes(),
                Instant.ofEpochMilli(r.recordedAt()), r.recordedBy());
    }

    static BreachAssessment assessment(AssessmentStore.Row r) {
        Map<String, BreachAssessment.Factor> factors = new LinkedHashMap<>();
        factors.put("nature", new BreachAssessment.Factor(r.natureRating(), r.natureNotes()));
        factors.put("recipient", new BreachAssessment.Factor(r.recipientRating(), r.recipientNotes()));
        factors.put("acquired", new BreachAssessment.Factor(r.acquiredRating(), r.acquiredNotes()));
        factors.put("mitigation", new BreachAssessment.Factor(r.mitigationRating(), r.mitigationNotes()));
        return new BreachAssessment(factors, r.safeHarbor(), r.safeHarborNotes(),
                r.exceptionCode() == null ? "none" : r.exceptionCode(), r.exceptionNotes(), r.conclusion(),
                r.conclusionNotes(), r.concludedBy(), instant(r.concludedAt()), r.updatedBy(),
                Instant.ofEpochMilli(r.updatedAt()));
    }

    BreachNotification notification(NotificationStore.Row r) {
        Instant sent = Instant.ofEpochMilli(r.sentAt());
        return new BreachNotification(r.id(), r.recipient(), r.state(), sent, calculator().day(sent), r.method(),
                r.individuals(), r.notes(), Instant.ofEpochMilli(r.recordedAt()), r.recordedBy());
    }

    IncidentLink link(IncidentStore.Link l) {
        Instant linkedAt = Instant.ofEpochMilli(l.linkedAt());
        if (l.kind().equals("audit-event")) {
            Optional<AuditRecord> event = forensics.event(l.ref());
            if (event.isEmpty()) {
                return new IncidentLink(l.kind(), l.ref(), l.linkedBy(), linkedAt, null, "missing from the audit "
                        + "trail", null, null);
            }
            AuditRecord e = event.get();
            String who = e.agentClient() != null ? "client " + e.agentClient()
                    : e.agentUser() != null ? "user " + e.agentUser() : "anonymous";
            return new IncidentLink(l.kind(), l.ref(), l.linkedBy(), linkedAt, e.recorded(), e.type() + " "
                    + e.subtype(), e.outcome() + (e.status() == null ? "" : " " + e.status()), who);
        }
        try {
            Alerts.Alert a = alerts.get(l.ref());
            return new IncidentLink(l.kind(), l.ref(), l.linkedBy(), linkedAt, a.createdAt(), a.rule() + ": "
                    + a.summary(), a.severity() + " " + a.state(), a.subject());
        } catch (ProblemException e) {
            return new IncidentLink(l.kind(), l.ref(), l.linkedBy(), linkedAt, null, "alert no longer stored", null,
                    null);
        }
    }

    static TimelineEntry entry(IncidentStore.Entry e) {
        return new TimelineEntry(e.id(), Instant.ofEpochMilli(e.occurredAt()), Instant.ofEpochMilli(e.recordedAt()),
                e.authorId(), e.kind(), e.text());
    }

    Map<String, Integer> states(String byState) {
        return new TreeMap<>(json.readValue(byState, STATES));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
