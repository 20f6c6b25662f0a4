package dev.safeguard.program;

import dev.safeguard.backup.BackupSettings;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.contingency.CriticalityStore;
import dev.safeguard.program.internal.ProgramEvents;
import dev.safeguard.program.internal.ProgramRoles;
import dev.safeguard.program.inventory.AssetStore;
import dev.safeguard.program.inventory.SelfRegistration;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The applications and data criticality analysis (164.308(a)(7)(ii)(E)): for inventory assets, their criticality
 * tier, recovery time and point objectives and the assets they depend on, which orders a recovery. Safeguard's own
 * parts (server, database, master key, audit checkpoints, backups) are seeded at start-up when they have no entry.
 *
 * <p>Guarantees: one entry per asset; every dependency is another inventory asset; an update names the version it
 * changes (409 when stale); a change and its audit event ({@code program-contingency}, ids only) commit together.
 * Reading needs a program reader, changing a program writer.
 */
@Service
public class CriticalityList {

    private static final Logger log = LoggerFactory.getLogger(CriticalityList.class);
    public static final String EVENT_TYPE = "program-contingency";
    /** The tiers, most critical first. */
    public static final Map<Integer, String> TIERS = Map.of(1, "critical", 2, "essential", 3, "important",
            4, "deferrable");
    static final long MAX_MINUTES = Duration.ofDays(365).toMinutes();
    static final int MAX_DEPENDENCIES = 50;

    private final CriticalityStore store;
    private final AssetStore assets;
    private final SelfRegistration selfRegistration;
    private final BackupSettings backup;
    private final ProgramEvents events;
    private final Clock clock;

    CriticalityList(CriticalityStore store, AssetStore assets, SelfRegistration selfRegistration,
                    BackupSettings backup, ProgramEvents events, Clock clock) {
        this.store = store;
        this.assets = assets;
        this.selfRegistration = selfRegistration;
        this.backup = backup;
        this.events = events;
        this.clock = clock;
    }

    public List<CriticalityEntry> list(Actor actor) {
        ProgramRoles.requireReader(actor);
        return all();
    }

    /** Every entry, most critical first (for checks and the recovery order). */
    public List<CriticalityEntry> all() {
        return store.list().stream().map(this::view).toList();
    }

    public CriticalityEntry get(Actor actor, String id) {
        ProgramRoles.requireReader(actor);
        return view(row(id));
    }

    public CriticalityEntry create(Actor actor, CriticalityDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        Asset asset = asset(draft.assetId(), "assetId");
        Checked c = check(draft, asset.id());
        long now = clock.millis();
        CriticalityStore.Row row = new CriticalityStore.Row(UUID.randomUUID().toString(), asset.id(), c.tier(),
                c.rto(), c.rpo(), c.dependencies(), c.notes(), false, 1, now, actor.id(), now, actor.id());
        return events.atomically(() -> {
            if (store.findByAsset(asset.id()).isPresent()) {
                throw new ProblemException(ProblemKind.CONFLICT, "Asset " + asset.id() + " has a criticality entry "
                        + "already; change that one");
            }
            store.insert(row);
            record("criticality-create", Action.C, ProgramEvents.agent(actor, origin), row.id(), 1);
            return view(row);
        });
    }

    public CriticalityEntry update(Actor actor, String id, CriticalityDraft draft, RequestOrigin origin) {
        ProgramRoles.requireWriter(actor);
        CriticalityStore.Row current = row(id);
        if (draft.assetId() != null && !draft.assetId().isBlank() && !draft.assetId().strip().equals(
                current.assetId())) {
            throw new ProblemException(ProblemKind.VALIDATION, "An entry stays with its asset; create an entry for "
                    + "the other asset instead");
        }
        if (draft.baseVersion() == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give baseVersion, the version you are changing ("
                    + current.version() + ")");
        }
        Checked c = check(draft, current.assetId());
        CriticalityStore.Row next = new CriticalityStore.Row(id, current.assetId(), c.tier(), c.rto(), c.rpo(),
                c.dependencies(), c.notes(), current.seeded(), draft.baseVersion() + 1, current.createdAt(),
                current.createdBy(), clock.millis(), actor.id());
        return events.atomically(() -> {
            if (!store.update(next, draft.baseVersion())) {
                throw new ProblemException(ProblemKind.CONFLICT, "Entry " + id + " is at version "
                        + row(id).version() + ", not " + draft.baseVersion() + "; reload it and apply your change "
                        + "again");
            }
            record("criticality-update", Action.U, ProgramEvents.agent(actor, origin), id, next.version());
            return view(row(id));
        });
    }

    /** Active inventory assets that hold ePHI and have no entry (for the evaluation check). */
    public List<Asset> unassessedEphiAssets() {
        Set<String> assessed = new java.util.HashSet<>();
        store.list().forEach(r -> assessed.add(r.assetId()));
        return assets.list().stream().filter(a -> a.active() && a.ephi() && !assessed.contains(a.id())).toList();
    }

    /** Seeds entries for Safeguard's own parts that have none; running twice changes nothing. */
    @EventListener(ApplicationReadyEvent.class)
    void seedOwnParts() {
        try {
            selfRegistration.synchronize();
            seed();
        } catch (RuntimeException e) {
            log.warn("Seeding the criticality list failed, retried at the next start: {}", e.getClass()
                    .getSimpleName());
        }
    }

    /** The seeds of Safeguard's own parts; the backup interval is the point objective of the data. */
    int seed() {
        long rpo = backup.interval().toMinutes();
        long day = Duration.ofDays(1).toMinutes();
        long threeDays = Duration.ofHours(72).toMinutes();
        record Seed(String key, int tier, long rto, long rpo, List<String> dependsOn, String notes) {
        }
        List<Seed> seeds = List.of(
                new Seed("safeguard:database", 1, day, rpo, List.of("safeguard:key-provider"), "Holds the ePHI, the "
                        + "audit trail and the program records; restored from the latest verified backup (recovery "
                        + "point: the backup interval). The proposed rule asks for critical systems back within 72 h."),
                new Seed("safeguard:key-provider", 1, day, 0, List.of(), "Without the master key no backup and no "
                        + "record can be decrypted: keep a current key backup ('backup keys') or the HSM's own backup "
                        + "apart from the data backups."),
                new Seed("safeguard:server", 1, day, rpo, List.of("safeguard:database", "safeguard:key-provider",
                        "safeguard:audit-checkpoints"), "Serves FHIR and the console; restarted on the restored "
                        + "data directory with the same keys."),
                new Seed("safeguard:audit-checkpoints", 2, threeDays, rpo, List.of(), "Copy of the signed audit tree "
                        + "heads outside the database; each backup carries the heads it covers."),
                new Seed("safeguard:backups", 1, day, rpo, List.of("safeguard:key-provider"), "The encrypted "
                        + "backups; a restore drill proves them every drill interval."));
        int seeded = 0;
        for (Seed seed : seeds) {
            Optional<Asset> asset = assets.findBySystemKey(seed.key());
            if (asset.isEmpty() || store.findByAsset(asset.get().id()).isPresent()) {
                continue;
            }
            List<String> dependencies = seed.dependsOn().stream().map(assets::findBySystemKey)
                    .flatMap(Optional::stream).map(Asset::id).toList();
            long now = clock.millis();
            CriticalityStore.Row row = new CriticalityStore.Row(UUID.randomUUID().toString(), asset.get().id(),
                    seed.tier(), seed.rto(), seed.rpo(), dependencies, seed.notes(), true, 1, now, "system", now,
                    "system");
            events.atomically(() -> {
                store.insert(row);
                record("criticality-seed", Action.C, ProgramEvents.system("criticality"), row.id(), 1);
                return null;
            });
            seeded++;
        }
        return seeded;
    }

    private record Checked(int tier, long rto, long rpo, List<String> dependencies, String notes) {
    }

    private Checked check(CriticalityDraft draft, String assetId) {
        if (draft.tier() == null || !TIERS.containsKey(draft.tier())) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the tier: 1 (critical, restore first), "
                    + "2 (essential), 3 (important) or 4 (deferrable)");
        }
        if (draft.rtoMinutes() == null || draft.rtoMinutes() < 1 || draft.rtoMinutes() > MAX_MINUTES) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the recovery time objective rtoMinutes, from 1 "
                    + "to " + MAX_MINUTES + " (365 days)");
        }
        if (draft.rpoMinutes() == null || draft.rpoMinutes() < 0 || draft.rpoMinutes() > MAX_MINUTES) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the recovery point objective rpoMinutes, from 0 "
                    + "(no data loss) to " + MAX_MINUTES);
        }
        Set<String> dependencies = new LinkedHashSet<>();
        for (String dependency : draft.dependencies()) {
            if (dependency == null || dependency.isBlank()) {
                continue;
            }
            String id = asset(dependency, "dependency").id();
            if (id.equals(assetId)) {
                throw new ProblemException(ProblemKind.VALIDATION, "An asset cannot depend on itself");
            }
            dependencies.add(id);
        }
        if (dependencies.size() > MAX_DEPENDENCIES) {
            throw new ProblemException(ProblemKind.VALIDATION, "At most " + MAX_DEPENDENCIES + " dependencies");
        }
        String notes = Fields.optional(draft.notes() == null ? null : draft.notes().replace("\r\n", "\n"), "notes",
                2000);
        return new Checked(draft.tier(), draft.rtoMinutes(), draft.rpoMinutes(), new ArrayList<>(dependencies), notes);
    }

    private Asset asset(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the " + field + " (an inventory asset id)");
        }
        return assets.find(id.strip()).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION, "No inventory "
                + "asset " + Fields.abbreviated(id.strip()) + " (" + field + ")"));
    }

    private CriticalityStore.Row row(String id) {
        return store.find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "No criticality entry "
                + Fields.abbreviated(String.valueOf(id))));
    }

    private void record(String subtype, Action action, Agent agent, String id, int version) {
        events.record(EVENT_TYPE, subtype, action, Outcome.SUCCESS, agent, "CriticalityEntry", id,
                Integer.toString(version), null);
    }

    private CriticalityEntry view(CriticalityStore.Row r) {
        Optional<Asset> asset = assets.find(r.assetId());
        return new CriticalityEntry(r.id(), r.assetId(), asset.map(Asset::name).orElse(r.assetId()),
                asset.map(Asset::kind).orElse(null), asset.map(Asset::ephi).orElse(false), r.tier(),
                TIERS.get(r.tier()), r.rtoMinutes(), r.rpoMinutes(), r.dependencies(), r.notes(), r.seeded(),
                r.version(), Instant.ofEpochMilli(r.createdAt()), r.createdBy(), Instant.ofEpochMilli(r.updatedAt()),
                r.updatedBy());
    }
}
