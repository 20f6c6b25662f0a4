package dev.safeguard.program.inventory;

import dev.safeguard.audit.AuditSettings;
import dev.safeguard.backup.BackupSettings;
import dev.safeguard.crypto.KeySettings;
import dev.safeguard.crypto.MasterKeySettings;
import dev.safeguard.identity.ServiceClientIssued;
import dev.safeguard.identity.ServiceClientRevoked;
import dev.safeguard.identity.ServiceClients;
import dev.safeguard.platform.StorageSettings;
import dev.safeguard.program.Asset;
import dev.safeguard.program.internal.RiskInventoryEvents;
import dev.safeguard.shared.SecurityEvent.Action;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Registers Safeguard's own parts in the inventory ({@link SafeguardParts}) and keeps them in sync: at start-up,
 * after every service client is issued or revoked (on a background thread, so the identity change never waits for
 * or fails with the inventory), and every few minutes as a backstop. A revoked or expired client's asset is marked
 * retired, never deleted. Every registration and change is audited with it; running twice changes nothing.
 */
@Component
public class SelfRegistration {

    private static final Logger log = LoggerFactory.getLogger(SelfRegistration.class);

    private final AssetStore assets;
    private final RiskInventoryEvents events;
    private final ServiceClients clients;
    private final StorageSettings storage;
    private final KeySettings keys;
    private final MasterKeySettings masterKey;
    private final AuditSettings audit;
    private final BackupSettings backup;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "inventory-sync");
        thread.setDaemon(true);
        return thread;
    });

    SelfRegistration(AssetStore assets, RiskInventoryEvents events, ServiceClients clients, StorageSettings storage,
                     KeySettings keys, MasterKeySettings masterKey, AuditSettings audit, BackupSettings backup,
                     Clock clock) {
        this.assets = assets;
        this.events = events;
        this.clients = clients;
        this.storage = storage;
        this.keys = keys;
        this.masterKey = masterKey;
        this.audit = audit;
        this.backup = backup;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        synchronize();
    }

    @EventListener
    void clientIssued(ServiceClientIssued event) {
        worker.execute(this::synchronizeQuietly);
    }

    @EventListener
    void clientRevoked(ServiceClientRevoked event) {
        worker.execute(this::synchronizeQuietly);
    }

    @Scheduled(fixedDelayString = "${safeguard.program.inventory-sync-interval:PT5M}", initialDelayString = "PT5M")
    void periodically() {
        synchronizeQuietly();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Brings the registered parts in line with the running configuration and service clients.
     *
     * @return how many assets were registered or changed
     */
    public synchronized int synchronize() {
        return events.atomically(() -> {
            int changed = 0;
            for (SafeguardParts.Part part : SafeguardParts.of(storage, keys, masterKey, audit, backup,
                    clients.registered())) {
                changed += apply(part) ? 1 : 0;
            }
            return changed;
        });
    }

    /** For background runs: a failure is logged (it holds no PHI) and the next run retries. */
    private void synchronizeQuietly() {
        try {
            synchronize();
        } catch (RuntimeException e) {
            log.warn("Inventory sync of Safeguard's own parts failed, retried at the next run: {}",
                    e.getClass().getSimpleName());
        }
    }

    private boolean apply(SafeguardParts.Part p) {
        Instant now = clock.instant();
        Asset existing = assets.findBySystemKey(p.systemKey()).orElse(null);
        Asset wanted = new Asset(existing == null ? UUID.randomUUID().toString() : existing.id(), p.name(), p.kind(),
                p.ephi(), p.location(), p.ownerId(), p.encryption(), p.centralLogging(), p.vendor(), p.description(),
                p.status(), true, existing == null ? now : existing.createdAt(),
                existing == null ? RiskInventoryEvents.SYSTEM : existing.createdBy(), now, RiskInventoryEvents.SYSTEM);
        if (existing == null) {
            assets.insert(wanted, p.systemKey());
            events.recordSystem("asset-register", Action.C, "Asset", wanted.id());
            return true;
        }
        if (same(existing, wanted)) {
            return false;
        }
        assets.update(wanted);
        events.recordSystem(wanted.active() ? "asset-sync" : "asset-retire", Action.U, "Asset", wanted.id());
        return true;
    }

    private static boolean same(Asset a, Asset b) {
        return a.name().equals(b.name()) && a.kind().equals(b.kind()) && a.ephi() == b.ephi()
                && a.location().equals(b.location()) && Objects.equals(a.ownerId(), b.ownerId())
                && a.encryption().equals(b.encryption()) && a.centralLogging() == b.centralLogging()
                && Objects.equals(a.vendor(), b.vendor()) && Objects.equals(a.description(), b.description())
                && a.status().equals(b.status());
    }
}
