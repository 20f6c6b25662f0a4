package dev.safeguard.program;

import dev.safeguard.program.checks.CheckSource;
import dev.safeguard.program.checks.CheckStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * The evaluation of 164.308(a)(8) as live checks: every check reads the running system, and every run becomes signed
 * evidence ({@link Evidence#record}) holding what it observed, valid for two days. A failing check opens a finding
 * linked to the controls it supports (or updates the open one); the next pass closes it. Runs daily and on demand.
 */
@Service
public class Evaluation {

    static final Duration FRESH_FOR = Duration.ofDays(2);

    /** A check as listed: what it verifies and its latest run ({@code null} before the first). */
    public record CheckView(String id, String title, List<String> controls, CheckRun latest) {
    }

    private final Map<String, EvaluationCheck> checks;
    private final CheckStore store;
    private final Evidence evidence;
    private final ObjectMapper json;
    private final Clock clock;

    Evaluation(List<CheckSource> sources, CheckStore store, Evidence evidence, ObjectMapper json, Clock clock) {
        this.json = json;
        this.checks = sources.stream().flatMap(s -> s.checks().stream())
                .sorted(Comparator.comparing(EvaluationCheck::id))
                .collect(Collectors.toMap(EvaluationCheck::id, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Two evaluation checks are named " + a.id());
                }, LinkedHashMap::new));
        this.store = store;
        this.evidence = evidence;
        this.clock = clock;
    }

    public List<CheckView> list() {
        Map<String, CheckStore.Row> latest = store.latestRuns().stream()
                .collect(Collectors.toMap(CheckStore.Row::checkId, Function.identity(), (a, b) -> a));
        return checks.values().stream().map(c -> new CheckView(c.id(), c.title(), c.controls(),
                latest.containsKey(c.id()) ? CheckStore.run(latest.get(c.id()), c.title(), c.controls()) : null))
                .toList();
    }

    /** Runs one check now. */
    public CheckRun run(String checkId) {
        EvaluationCheck check = checks.get(checkId);
        if (check == null) {
            throw new ProblemException(ProblemKind.NOT_FOUND, "No evaluation check named " + checkId + "; checks are "
                    + checks.keySet());
        }
        return execute(check);
    }

    /** Runs every check now, one after the other. */
    public List<CheckRun> runAll() {
        List<CheckRun> runs = new ArrayList<>();
        checks.values().forEach(c -> runs.add(execute(c)));
        return runs;
    }

    public List<Finding> findings(boolean openOnly) {
        return store.findings(openOnly);
    }

    private CheckRun execute(EvaluationCheck check) {
        Instant started = clock.instant();
        CheckOutcome outcome;
        try {
            outcome = check.probe().get();
        } catch (RuntimeException e) {
            outcome = CheckOutcome.fail("The check could not read its subject (" + e.getClass().getSimpleName()
                    + ")", Map.of("error", e.getClass().getSimpleName()));
        }
        Instant ran = clock.instant();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("check", check.id());
        content.put("title", check.title());
        content.put("result", outcome.result().id());
        content.put("summary", outcome.summary());
        content.put("observed", outcome.observed());
        content.put("ranAt", ran.toString());
        EvidenceRecord record = evidence.record(check.id(), new EvidenceDraft(check.controls(),
                EvidenceKind.AUTOMATED_CHECK, started, ran, outcome.result(), clip(outcome.summary()),
                json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8), "application/json",
                null, ran.plus(FRESH_FOR)));
        String findingId = null;
        var open = store.openFinding(check.id());
        if (outcome.result() == EvidenceResult.FAIL) {
            if (open.isPresent()) {
                findingId = open.get().id();
                store.updateFinding(findingId, clip(outcome.summary()), record.id());
            } else {
                findingId = UUID.randomUUID().toString();
                store.openFinding(findingId, check.id(), check.controls(), clip(outcome.summary()), ran.toEpochMilli(),
                        record.id());
            }
        } else if (outcome.result() == EvidenceResult.PASS) {
            open.ifPresent(f -> store.closeFinding(f.id(), ran.toEpochMilli(), record.id()));
        }
        store.insertRun(UUID.randomUUID().toString(), check.id(), ran.toEpochMilli(), outcome.result().id(),
                clip(outcome.summary()), record.id(), findingId);
        return new CheckRun(check.id(), check.title(), check.controls(), outcome.result().id(), outcome.summary(), ran,
                record.id(), findingId);
    }

    private static String clip(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000) + "…";
    }
}
