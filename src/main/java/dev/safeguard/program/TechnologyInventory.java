package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.internal.CsvTable;
import dev.safeguard.program.internal.RiskInventoryEvents;
import dev.safeguard.program.inventory.AssetCsv;
import dev.safeguard.program.inventory.AssetStore;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The technology asset inventory: every asset that stores, receives, maintains or transmits ePHI and what the risk
 * analysis needs to know about it. Security and compliance officers change it, auditors read it. Every change is
 * audited in its own transaction; assets are retired, never deleted; Safeguard's own parts are registered and kept in
 * sync by Safeguard and cannot be edited. CSV imports are all or nothing.
 */
@Service
public class TechnologyInventory {

    public static final List<String> KINDS = List.of("system", "application", "database", "device", "media",
            "network", "cloud-service", "backup-target");
    /** Encryption status: encrypted, partly, not at all, not applicable (e.g. holds no secret data), unknown. */
    public static final List<String> ENCRYPTION = List.of("encrypted", "partial", "unencrypted", "not-applicable",
            "unknown");
    public static final List<String> STATUSES = List.of("active", "retired");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final AssetStore assets;
    private final RiskInventoryEvents events;
    private final Workforce workforce;
    private final Clock clock;

    TechnologyInventory(AssetStore assets, RiskInventoryEvents events, Workforce workforce, Clock clock) {
        this.assets = assets;
        this.events = events;
        this.workforce = workforce;
        this.clock = clock;
    }

    /** Every asset, active ones first. */
    public List<Asset> list(Actor actor) {
        RiskInventoryRoles.requireReader(actor);
        return assets.list();
    }

    public Asset get(Actor actor, String id) {
        RiskInventoryRoles.requireReader(actor);
        return find(id);
    }

    public Asset create(Actor actor, AssetDraft draft, RequestOrigin origin) {
        RiskInventoryRoles.requireWriter(actor);
        Asset asset = validated(UUID.randomUUID().toString(), draft, null, actor.id());
        return events.atomically(() -> {
            assets.insert(asset, null);
            events.record("asset-create", Action.C, actor, origin, "Asset", asset.id());
            return asset;
        });
    }

    /** Replaces an asset's fields; retiring is setting the status to {@code retired}. */
    public Asset update(Actor actor, String id, AssetDraft draft, RequestOrigin origin) {
        RiskInventoryRoles.requireWriter(actor);
        return events.atomically(() -> {
            Asset existing = editable(find(id));
            Asset asset = validated(id, draft, existing, actor.id());
            assets.update(asset);
            events.record("asset-update", Action.U, actor, origin, "Asset", id);
            return asset;
        });
    }

    /** The inventory as CSV (RFC 4180), one asset per record; {@link #importCsv} reads it back. */
    public String exportCsv(Actor actor) {
        RiskInventoryRoles.requireReader(actor);
        return AssetCsv.write(assets.list());
    }

    /**
     * Imports assets from CSV: a record whose {@code id} names an existing asset updates it, any other creates one
     * (with that id when given). All or nothing: the first bad record refuses the whole file, naming its line.
     *
     * @return how many assets were created or updated
     */
    public int importCsv(Actor actor, String csv, RequestOrigin origin) {
        RiskInventoryRoles.requireWriter(actor);
        List<AssetCsv.Record> records = AssetCsv.read(csv);
        return events.atomically(() -> {
            for (AssetCsv.Record record : records) {
                try {
                    importOne(actor, record, origin);
                } catch (ProblemException e) {
                    if (e.kind() != ProblemKind.VALIDATION && e.kind() != ProblemKind.CONFLICT) {
                        throw e;
                    }
                    throw CsvTable.invalid(record.line(), e.getMessage());
                }
            }
            return records.size();
        });
    }

    private void importOne(Actor actor, AssetCsv.Record record, RequestOrigin origin) {
        String id = record.id();
        Asset existing = id == null ? null : assets.find(id).orElse(null);
        if (existing != null) {
            assets.update(validated(id, record.draft(), editable(existing), actor.id()));
            events.record("asset-update", Action.U, actor, origin, "Asset", id);
            return;
        }
        if (id != null && !ID.matcher(id).matches()) {
            throw new ProblemException(ProblemKind.VALIDATION, "The id must be letters, digits, '.', '_', ':' or '-' "
                    + "(at most 64)");
        }
        Asset asset = validated(id == null ? UUID.randomUUID().toString() : id, record.draft(), null, actor.id());
        assets.insert(asset, null);
        events.record("asset-create", Action.C, actor, origin, "Asset", asset.id());
    }

    Asset find(String id) {
        return assets.find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "No asset with id "
                + Fields.abbreviated(String.valueOf(id))));
    }

    private static Asset editable(Asset asset) {
        if (asset.systemManaged()) {
            throw new ProblemException(ProblemKind.CONFLICT, "The asset '" + asset.name() + "' is one of Safeguard's "
                    + "own parts; Safeguard keeps it in sync and it cannot be edited");
        }
        return asset;
    }

    private Asset validated(String id, AssetDraft d, Asset existing, String actorId) {
        if (d == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the asset");
        }
        String owner = Fields.optional(d.ownerId(), "owner", 64);
        if (owner != null && workforce.find(owner).isEmpty()) {
            throw new ProblemException(ProblemKind.VALIDATION, "No user with id " + Fields.abbreviated(owner)
                    + " to own the asset");
        }
        Instant now = clock.instant();
        return new Asset(id, Fields.required(d.name(), "name", 200), Fields.oneOf(d.kind(), "kind", KINDS, null),
                Boolean.TRUE.equals(d.ephi()), Fields.required(d.location(), "location", 200), owner,
                Fields.oneOf(d.encryption(), "encryption", ENCRYPTION, null), Boolean.TRUE.equals(d.centralLogging()),
                Fields.optional(d.vendor(), "vendor", 200), Fields.optional(d.description(), "description", 2000),
                Fields.oneOf(d.status(), "status", STATUSES, "active"), false,
                existing == null ? now : existing.createdAt(), existing == null ? actorId : existing.createdBy(),
                now, actorId);
    }
}
