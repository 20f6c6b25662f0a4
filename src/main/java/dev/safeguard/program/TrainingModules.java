package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.internal.Markdown;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.training.TrainingAssignmentStore;
import dev.safeguard.program.training.TrainingModuleStore;
import dev.safeguard.program.training.TrainingModuleText;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Training modules (164.308(a)(5)): the six written for Safeguard (security awareness, phishing, password
 * management, malicious software, log-in monitoring, incident reporting) and those officers add.
 *
 * <p>Guarantees: every content version is kept, named by its SHA-256, so a completion names exactly the text a
 * member attested to; a module's Markdown is rendered with raw HTML escaped and unsafe links removed. Program readers
 * read, program writers add and change; each change and its audit event commit together. Withdrawing a module
 * cancels its open assignments in the same transaction.
 */
@Service
public class TrainingModules {

    /** The audit event type of training changes. */
    public static final String EVENT_TYPE = "program-training";
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    static final int MAX_CONTENT = 100_000;
    static final int MIN_WORDS = 50;
    static final int MAX_STATEMENT = 600;
    /**
     * The implementation specifications security training supports (164.308(a)(5) itself is a standard with
     * specifications, not a catalog item): protection from malicious software, log-in monitoring, password management.
     */
    public static final List<String> TRAINING_CONTROLS = List.of("164.308(a)(5)(ii)(B)", "164.308(a)(5)(ii)(C)",
            "164.308(a)(5)(ii)(D)");
    static final List<String> DEFAULT_CITATIONS = TRAINING_CONTROLS;

    private final TrainingModuleStore store;
    private final TrainingAssignmentStore assignments;
    private final Catalog catalog;
    private final ProgramEvents events;
    private final Clock clock;

    TrainingModules(TrainingModuleStore store, TrainingAssignmentStore assignments, Catalog catalog,
                    ProgramEvents events, Clock clock) {
        this.store = store;
        this.assignments = assignments;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    public List<TrainingModule> list(Actor actor) {
        ProgramRoles.requireReader(actor);
        return store.list().stream().map(this::view).toList();
    }

    public TrainingModule get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return view(row(id));
    }

    /** The module's text at its current version (or {@code version}), for readers. */
    public TrainingModule.Text text(Actor actor, String id, String version) {
        ProgramRoles.requireReader(actor);
        return text(id, version == null || version.isBlank() ? row(id).currentVersion() : version.strip());
    }

    /** The module's text at a version, for the program's own services (a member's assignment). */
    TrainingModule.Text text(String id, String version) {
        TrainingModuleStore.Row module = row(id);
        TrainingModuleStore.Version v = store.version(id, version).orElseThrow(() -> new ProblemException(
                ProblemKind.NOT_FOUND, "Module " + id + " has no version " + Fields.abbreviated(version)));
        return new TrainingModule.Text(id, v.version(), TrainingModuleText.of(v.content()).title(), v.content(),
                Markdown.html(v.content()), module.statement());
    }

    /** The module as stored, for the program's own services. */
    TrainingModuleStore.Row row(String id) {
        return store.find(id == null ? "" : id.strip()).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No training module " + Fields.abbreviated(String.valueOf(id))));
    }

    public TrainingModule create(Actor actor, TrainingModuleDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        if (draft == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the module's Markdown content");
        }
        TrainingModuleText text = validText(draft.content());
        String id = draft.id() == null || draft.id().isBlank() ? slug(text.title()) : draft.id().strip();
        if (!ID.matcher(id).matches()) {
            throw new ProblemException(ProblemKind.VALIDATION, "The module id must be 3 to 64 lower-case letters, "
                    + "digits and '-', starting with a letter or digit; got '" + Fields.abbreviated(id) + "'");
        }
        long now = clock.millis();
        TrainingModuleStore.Row row = new TrainingModuleStore.Row(id, text.title(), TrainingModuleStore.CUSTOM,
                String.join(" ", citations(draft.citations(), DEFAULT_CITATIONS)), bool(draft.atHire(), false),
                bool(draft.annual(), false), bool(draft.active(), true), statement(draft.statement(), text),
                text.version(), now, actor.id(), now, actor.id());
        return events.atomically(() -> {
            if (!store.insert(row)) {
                throw new ProblemException(ProblemKind.CONFLICT, "A training module with id " + id + " exists");
            }
            store.insert(new TrainingModuleStore.Version(id, text.version(), text.content(), now, actor.id()));
            events.record(EVENT_TYPE, "module-create", Action.C, Outcome.SUCCESS, ProgramEvents.agent(actor, origin),
                    "TrainingModule", id, text.version(), null);
            return view(row(id));
        });
    }

    /** Changes content (a new version), cadence, citations, statement or whether the module is active. */
    public TrainingModule change(Actor actor, String id, TrainingModuleDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        if (draft == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give what to change");
        }
        TrainingModuleText text = draft.content() == null ? null : validText(draft.content());
        Agent agent = ProgramEvents.agent(actor, origin);
        return events.atomically(() -> {
            TrainingModuleStore.Row before = row(id);
            long now = clock.millis();
            boolean newText = text != null && !text.version().equals(before.currentVersion());
            if (newText) {
                store.insert(new TrainingModuleStore.Version(before.id(), text.version(), text.content(), now,
                        actor.id()));
            }
            TrainingModuleText current = text != null ? text : TrainingModuleText.of(store.version(before.id(),
                    before.currentVersion()).orElseThrow().content());
            String statement = draft.statement() != null ? statement(draft.statement(), current)
                    : newText && text.statement() != null ? text.statement() : before.statement();
            String source = newText && TrainingModuleStore.SHIPPED.equals(before.source())
                    ? TrainingModuleStore.CUSTOMIZED : before.source();
            TrainingModuleStore.Row after = new TrainingModuleStore.Row(before.id(), current.title(), source,
                    draft.citations() == null ? before.citations() : String.join(" ", citations(draft.citations(),
                            DEFAULT_CITATIONS)), bool(draft.atHire(), before.atHire()),
                    bool(draft.annual(), before.annual()), bool(draft.active(), before.active()), statement,
                    current.version(), before.createdAt(), before.createdBy(), now, actor.id());
            store.update(after);
            events.record(EVENT_TYPE, "module-change", Action.U, Outcome.SUCCESS, agent, "TrainingModule",
                    before.id(), after.currentVersion(), null);
            if (before.active() && !after.active()) {
                for (TrainingAssignmentStore.Row open : assignments.openOfModule(before.id())) {
                    if (assignments.cancel(open.id(), now, actor.id())) {
                        events.record(EVENT_TYPE, "assignment-cancel", Action.U, Outcome.SUCCESS, agent,
                                "TrainingAssignment", open.id(), null, "module-withdrawn");
                    }
                }
            }
            return view(row(id));
        });
    }

    private TrainingModuleText validText(String content) {
        if (content == null || content.isBlank()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the module's Markdown content");
        }
        String clean = content.replace("\r\n", "\n").strip();
        if (clean.length() > MAX_CONTENT) {
            throw new ProblemException(ProblemKind.VALIDATION, "The content can have at most " + MAX_CONTENT
                    + " characters; it has " + clean.length());
        }
        if (clean.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new ProblemException(ProblemKind.VALIDATION, "The content holds control characters");
        }
        TrainingModuleText text = TrainingModuleText.of(clean + "\n");
        if (text.title() == null || text.title().isBlank() || text.title().length() > 150) {
            throw new ProblemException(ProblemKind.VALIDATION, "Start the module with its title as a level-1 heading "
                    + "('# Title', at most 150 characters)");
        }
        if (text.words() < MIN_WORDS) {
            throw new ProblemException(ProblemKind.VALIDATION, "A module needs at least " + MIN_WORDS + " words of "
                    + "content; it has " + text.words());
        }
        return text;
    }

    private static String statement(String given, TrainingModuleText text) {
        String statement = given == null || given.isBlank() ? text.statement() : given.strip();
        if (statement == null) {
            statement = "I have read and understood \u201c" + text.title() + "\u201d and I will follow it.";
        }
        if (statement.length() > MAX_STATEMENT || statement.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(ProblemKind.VALIDATION, "The attestation statement is one line of at most "
                    + MAX_STATEMENT + " characters");
        }
        return statement;
    }

    private List<String> citations(List<String> given, List<String> fallback) {
        if (given == null || given.isEmpty()) {
            return fallback;
        }
        if (given.size() > 10) {
            throw new ProblemException(ProblemKind.VALIDATION, "Name at most 10 catalog items");
        }
        return given.stream().map(c -> catalog.find(c == null ? "" : c.strip(), CatalogView.CURRENT)
                .orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION, "No specification "
                        + Fields.abbreviated(String.valueOf(c)) + " in the catalog")).id()).distinct().toList();
    }

    static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug;
        return slug.length() < 3 ? "module-" + slug : slug;
    }

    private static boolean bool(Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }

    private TrainingModule view(TrainingModuleStore.Row r) {
        String content = store.version(r.id(), r.currentVersion()).map(TrainingModuleStore.Version::content).orElse("");
        return new TrainingModule(r.id(), r.title(), r.source(), r.citations().isBlank() ? List.of()
                : Arrays.asList(r.citations().split(" ")), r.atHire(), r.annual(), r.active(), r.statement(),
                r.currentVersion(), TrainingModuleText.of(content).words(), store.versions(r.id()).stream()
                .map(v -> new TrainingModule.Version(v.version(), Instant.ofEpochMilli(v.createdAt()), v.createdBy()))
                .toList(), Instant.ofEpochMilli(r.createdAt()), r.createdBy(), Instant.ofEpochMilli(r.updatedAt()),
                r.updatedBy());
    }
}
