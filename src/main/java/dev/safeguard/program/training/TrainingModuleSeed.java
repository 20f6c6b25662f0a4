package dev.safeguard.program.training;

import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Outcome;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, stores the shipped training modules: a new module as version 1 recorded by {@code safeguard}, and a
 * shipped module whose text changed in a new release as a new version (its earlier versions, and the completions that
 * name them, stay). A module an officer customized is left as it is. Several nodes starting at once store it once.
 */
@Component
class TrainingModuleSeed {

    static final String BY = "safeguard";

    private final TrainingModuleStore store;
    private final ProgramEvents events;
    private final java.time.Clock clock;

    TrainingModuleSeed(TrainingModuleStore store, ProgramEvents events, java.time.Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        for (ShippedTrainingModules.Module module : ShippedTrainingModules.load()) {
            insertOrUpdate(module, TrainingModuleText.of(module.content()));
        }
    }

    private void insertOrUpdate(ShippedTrainingModules.Module module, TrainingModuleText text) {
        events.atomically(() -> {
            long now = clock.millis();
            TrainingModuleStore.Row existing = store.find(module.id()).orElse(null);
            if (existing == null) {
                TrainingModuleStore.Row row = new TrainingModuleStore.Row(module.id(), text.title(),
                        TrainingModuleStore.SHIPPED, String.join(" ", module.citations()), module.atHire(),
                        module.annual(), true, text.statement(), text.version(), now, BY, now, BY);
                if (store.insert(row)) {
                    store.insert(new TrainingModuleStore.Version(module.id(), text.version(), text.content(), now, BY));
                    events.record(dev.safeguard.program.TrainingModules.EVENT_TYPE, "module-seed", Action.C,
                            Outcome.SUCCESS, ProgramEvents.system("program-seed"), "TrainingModule", module.id(),
                            text.version(), null);
                }
            } else if (TrainingModuleStore.SHIPPED.equals(existing.source())
                    && !existing.currentVersion().equals(text.version())) {
                store.insert(new TrainingModuleStore.Version(module.id(), text.version(), text.content(), now, BY));
                store.update(new TrainingModuleStore.Row(existing.id(), text.title(), existing.source(),
                        String.join(" ", module.citations()), existing.atHire(), existing.annual(), existing.active(),
                        text.statement(), text.version(), existing.createdAt(), existing.createdBy(), now, BY));
                events.record(dev.safeguard.program.TrainingModules.EVENT_TYPE, "module-seed", Action.U,
                        Outcome.SUCCESS, ProgramEvents.system("program-seed"), "TrainingModule", module.id(),
                        text.version(), null);
            }
            return null;
        });
    }
}
