package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.incidents.IncidentSettings;
import dev.safeguard.program.internal.ProgramRoles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * The breach report export (JSON for machines, the console renders the same report as printable HTML) and its
 * recording as signed evidence.
 *
 * <p>Guarantees: a report holds no PHI (see {@link BreachReport}); reading it needs a program reader, recording it a
 * program writer. Recorded, it is signed {@code export} evidence for 164.308(a)(6)(ii) (the catalog holds the
 * Security Rule; 164.404-164.408 are cited in the report itself), kept six years like all evidence.
 */
@Service
public class BreachReports {

    static final List<String> CONTROLS = List.of("164.308(a)(6)(ii)");

    private final Incidents incidents;
    private final IncidentViews views;
    private final Evidence evidence;
    private final Workforce workforce;
    private final IncidentSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    BreachReports(Incidents incidents, IncidentViews views, Evidence evidence, Workforce workforce,
                  IncidentSettings settings, ObjectMapper json, Clock clock) {
        this.incidents = incidents;
        this.views = views;
        this.evidence = evidence;
        this.workforce = workforce;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public BreachReport report(Actor actor, String incidentId) {
        ProgramRoles.requireReader(actor);
        Incident incident = views.full(incidents.row(incidentId));
        Map<String, String> names = new TreeMap<>();
        Stream.of(Stream.of(incident.reporterId(), incident.closedBy()),
                        incident.timeline().stream().map(TimelineEntry::authorId),
                        incident.notifications().stream().map(BreachNotification::recordedBy),
                        Stream.of(incident.assessment() == null ? null : incident.assessment().concludedBy()))
                .flatMap(s -> s).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> workforce.find(id).ifPresent(m -> names.put(id, m.displayName())));
        return new BreachReport(BreachReport.FORMAT, clock.instant(), actor.id(), settings.timeZone(),
                BreachAssessments.title(incident.determination()), incident, names);
    }

    /** Fail when a deadline passed unmet or was met late; pass when every deadline is met; else informational. */
    private static EvidenceResult result(Incident i, long unmet) {
        boolean missed = i.deadlines().stream().anyMatch(d -> d.status().equals(BreachDeadline.OVERDUE)
                || d.status().equals(BreachDeadline.LATE));
        return missed ? EvidenceResult.FAIL : unmet == 0 ? EvidenceResult.PASS : EvidenceResult.INFORMATIONAL;
    }

    public byte[] json(BreachReport report) {
        return json.writeValueAsString(report).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Records the report as it stands now as signed export evidence: fail when a deadline passed unmet or was met
     * late, pass when every deadline is met, informational while some are pending.
     */
    public EvidenceRecord recordAsEvidence(Actor actor, String incidentId, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        BreachReport report = report(actor, incidentId);
        Incident i = report.incident();
        long unmet = i.deadlines().stream().filter(BreachDeadline::unmet).count();
        String details = "Breach report of incident " + i.reference() + ": " + i.determination() + ", "
                + (i.affected() == null ? "affected individuals not established" : i.affected().total()
                + " affected individuals") + ", " + i.deadlines().size() + " deadlines (" + unmet + " unmet), "
                + i.notifications().size() + " notifications";
        return evidence.submit(actor, new EvidenceDraft(CONTROLS, EvidenceKind.EXPORT, i.discoveredAt(),
                clock.instant(), result(i, unmet), details,
                json(report), "application/json", "breach-report-" + i.reference() + ".json", null,
                "incident:" + i.id()), origin);
    }
}
