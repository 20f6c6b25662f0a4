package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.internal.Markdown;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.training.SecurityReminderStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Periodic security reminders (164.308(a)(5)(ii)(A)): officers publish short reminders; every signed-in user sees
 * the ones they have not read on their training page and marks them read ({@link MyTraining}). The evaluation check
 * asks for one within {@code safeguard.program.workforce.reminder-interval} (90 days).
 *
 * <p>Guarantees: reminders are never changed or deleted; publishing and reading are audited with the change.
 */
@Service
public class SecurityReminders {

    static final int MAX_TITLE = 150;
    static final int MAX_BODY = 4000;
    static final int MAX_LIST = 200;

    private final SecurityReminderStore store;
    private final ProgramEvents events;
    private final Clock clock;

    SecurityReminders(SecurityReminderStore store, ProgramEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Reminders newest first, with how many users read each. */
    public List<SecurityReminder> list(Actor actor) {
        ProgramRoles.requireReader(actor);
        return store.list(MAX_LIST).stream().map(r -> view(r, store.reads(r.id()))).toList();
    }

    public SecurityReminder publish(Actor actor, String title, String body, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        String cleanTitle = Fields.required(title, "title", MAX_TITLE);
        if (cleanTitle.contains("\n")) {
            throw new ProblemException(ProblemKind.VALIDATION, "The title is a single line");
        }
        String cleanBody = Fields.required(body == null ? null : body.replace("\r\n", "\n"), "reminder text",
                MAX_BODY);
        SecurityReminderStore.Row row = new SecurityReminderStore.Row(UUID.randomUUID().toString(), cleanTitle,
                cleanBody, clock.millis(), actor.id());
        return events.atomically(() -> {
            store.insert(row);
            events.record(TrainingModules.EVENT_TYPE, "reminder-publish", Action.C, Outcome.SUCCESS,
                    ProgramEvents.agent(actor, origin), "SecurityReminder", row.id(), null, null);
            return view(row, 0L);
        });
    }

    /** When the latest reminder was published, for the evaluation check. */
    public Optional<Instant> latestPublishedAt() {
        return store.latestPublishedAt().map(Instant::ofEpochMilli);
    }

    /** The reminders the user has not read, newest first (at most 20). */
    List<SecurityReminder> unread(String userId) {
        return store.unread(userId, 20).stream().map(r -> view(r, null)).toList();
    }

    /** Marks a reminder read for the user; reading it twice changes nothing. */
    void markRead(Actor actor, String reminderId, RequestOrigin origin) {
        SecurityReminderStore.Row row = store.find(reminderId == null ? "" : reminderId).orElseThrow(() ->
                new ProblemException(ProblemKind.NOT_FOUND, "No security reminder "
                        + Fields.abbreviated(String.valueOf(reminderId))));
        events.atomically(() -> {
            if (store.markRead(row.id(), actor.id(), clock.millis())) {
                events.record(TrainingModules.EVENT_TYPE, "reminder-read", Action.U, Outcome.SUCCESS,
                        ProgramEvents.agent(actor, origin), "SecurityReminder", row.id(), null, null);
            }
            return null;
        });
    }

    private static SecurityReminder view(SecurityReminderStore.Row r, Long reads) {
        return new SecurityReminder(r.id(), r.title(), r.body(), Markdown.html(r.body()),
                Instant.ofEpochMilli(r.publishedAt()), r.publishedBy(), reads);
    }
}
