package dev.safeguard.audit.internal.alerts;

import dev.safeguard.audit.AlertSettings;
import dev.safeguard.audit.AuditSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores each alert in the inbox, logs it (key {@code alert}) and hands it to every enabled channel, all on the
 * {@link AlertExecutor}. If the inbox cannot store it (the database may be what failed), the alert is logged at ERROR
 * and still delivered. Each channel gets {@code delivery.attempts} tries with doubling backoff; a channel's failures
 * are logged with the rule, alert id and attempt only, never the payload.
 */
@Component
public class AlertDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final Duration DIRECT_WINDOW = Duration.ofMinutes(10);

    private final AlertStore store;
    private final List<AlertChannel> channels;
    private final AlertExecutor executor;
    private final AlertSettings.Delivery delivery;
    private final String node;
    private final Clock clock;
    private final AlertDedupe direct = new AlertDedupe(DIRECT_WINDOW);

    AlertDispatcher(AlertStore store, List<AlertChannel> channels, AlertExecutor executor, AlertSettings settings,
                    AuditSettings audit, Clock clock) {
        this.store = store;
        this.channels = channels.stream().filter(AlertChannel::enabled).toList();
        this.executor = executor;
        this.delivery = settings.delivery();
        this.node = audit.nodeId();
        this.clock = clock;
    }

    /** An alert raised by code rather than by a rule: deduplicated per rule and subject for 10 min. Never blocks. */
    public void raise(AlertDraft draft) {
        if (direct.first(draft.rule(), draft.subject(), draft.at(), DIRECT_WINDOW)) {
            dispatch(draft);
        }
    }

    /** Stores and delivers a deduplicated alert later, on the alerts executor. Never blocks or throws. */
    void dispatch(AlertDraft draft) {
        if (!executor.submit(() -> storeAndDeliver(draft), 0)) {
            log.atError().addKeyValue("alert", draft.rule()).addKeyValue("severity", draft.severity())
                    .addKeyValue("subject", draft.subject()).addKeyValue("summary", draft.summary())
                    .log("ALERT DROPPED: the alert queue is full; the alert is neither stored nor delivered");
        }
    }

    private void storeAndDeliver(AlertDraft draft) {
        Long id = null;
        try {
            id = store.insert(draft, clock.millis());
        } catch (RuntimeException e) {
            log.atError().addKeyValue("alert", draft.rule()).addKeyValue("severity", draft.severity())
                    .addKeyValue("subject", draft.subject()).addKeyValue("summary", draft.summary())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("ALERT NOT STORED: the alert inbox cannot record it; delivering it by the other channels");
        }
        AlertNotice notice = AlertNotice.of(draft, id, node);
        if (id != null) {
            log.atWarn().addKeyValue("alert", draft.rule()).addKeyValue("alertId", id)
                    .addKeyValue("severity", draft.severity()).addKeyValue("subject", draft.subject())
                    .addKeyValue("summary", draft.summary()).log("Alert raised");
        }
        for (AlertChannel channel : channels) {
            attempt(channel, notice, 1);
        }
    }

    private void attempt(AlertChannel channel, AlertNotice notice, int attempt) {
        try {
            channel.send(notice);
            log.atInfo().addKeyValue("alert", notice.rule()).addKeyValue("alertId", notice.id())
                    .addKeyValue("channel", channel.name()).addKeyValue("attempt", attempt).log("Alert delivered");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(channel, notice, attempt, "interrupted", true);
            return;
        } catch (Exception e) {
            String reason = e instanceof DeliveryFailed ? e.getMessage() : e.getClass().getSimpleName();
            if (attempt >= delivery.attempts()) {
                failed(channel, notice, attempt, reason, true);
                return;
            }
            failed(channel, notice, attempt, reason, false);
        }
        long delay = Math.min(MAX_BACKOFF.toMillis(), delivery.backoff().toMillis() << Math.min(attempt - 1, 20));
        if (!executor.submit(() -> attempt(channel, notice, attempt + 1), delay)) {
            failed(channel, notice, attempt, "the alert queue is full", true);
        }
    }

    private static void failed(AlertChannel channel, AlertNotice notice, int attempt, String reason, boolean last) {
        var event = (last ? log.atError() : log.atWarn()).addKeyValue("alert", notice.rule())
                .addKeyValue("alertId", notice.id()).addKeyValue("deliveryId", notice.deliveryId())
                .addKeyValue("channel", channel.name()).addKeyValue("attempt", attempt).addKeyValue("reason", reason);
        event.log(last ? "ALERT NOT DELIVERED: giving up on this channel" : "Alert delivery failed; will retry");
    }
}
