package dev.safeguard.platform;

import dev.safeguard.shared.SecurityEvent;
import dev.safeguard.shared.SecurityEventRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records security events to the structured log, as key-value pairs and without any secret. It stands in until the
 * audit module provides a durable, tamper-evident {@link SecurityEventRecorder}, which then takes its place.
 */
@Component
public class SecurityEventLog implements SecurityEventRecorder {

    private static final Logger log = LoggerFactory.getLogger("dev.safeguard.security-events");

    @Override
    public void record(SecurityEvent event) {
        var agent = event.agent();
        var builder = log.atInfo()
                .addKeyValue("event.type", event.type())
                .addKeyValue("event.subtype", event.subtype())
                .addKeyValue("event.action", event.action().name())
                .addKeyValue("event.outcome", event.outcome().name())
                .addKeyValue("event.time", event.occurredAt().toString())
                .addKeyValue("agent.user", agent.userId())
                .addKeyValue("agent.client", agent.clientId())
                .addKeyValue("agent.roles", String.join(" ", agent.roles()))
                .addKeyValue("agent.session", agent.sessionRef())
                .addKeyValue("agent.address", agent.address());
        if (event.entity() != null) {
            builder = builder.addKeyValue("entity.type", event.entity().type())
                    .addKeyValue("entity.id", event.entity().id());
        }
        if (event.reason() != null) {
            builder = builder.addKeyValue("event.reason", event.reason());
        }
        builder.log("security event {} {}", event.type(), event.subtype());
    }
}
