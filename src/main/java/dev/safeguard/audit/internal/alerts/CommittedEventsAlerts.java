package dev.safeguard.audit.internal.alerts;

import dev.safeguard.audit.internal.CommittedEventsListener;
import dev.safeguard.audit.internal.StoredEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link AlertRules} over every committed audit event, on the appender's thread: in-memory work only; what
 * the rules raise goes to the {@link AlertDispatcher}'s executor. Never throws: an error in the rules is logged (with
 * the event's sequence number only) and the next event is evaluated.
 */
@Component
class CommittedEventsAlerts implements CommittedEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CommittedEventsAlerts.class);

    private final AlertRules rules;
    private final AlertDispatcher dispatcher;

    CommittedEventsAlerts(AlertRules rules, AlertDispatcher dispatcher) {
        this.rules = rules;
        this.dispatcher = dispatcher;
    }

    @Override
    public void committed(List<StoredEvent> events) {
        for (StoredEvent event : events) {
            try {
                rules.evaluate(event).forEach(dispatcher::dispatch);
            } catch (RuntimeException e) {
                log.atError().addKeyValue("seq", event.seq()).addKeyValue("error", e.getClass().getSimpleName())
                        .log("The alert rules failed on an audit event; it is committed regardless");
            }
        }
    }
}
