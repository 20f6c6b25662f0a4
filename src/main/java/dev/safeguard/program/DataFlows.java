package dev.safeguard.program;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.internal.RiskInventoryEvents;
import dev.safeguard.program.inventory.AssetStore;
import dev.safeguard.program.inventory.DataFlowDot;
import dev.safeguard.program.inventory.DataFlowStore;
import dev.safeguard.program.inventory.Graphviz;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import dev.safeguard.shared.SecurityEvent.Action;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Data flows between inventory assets and the ePHI data-flow map drawn from them (DOT always, SVG when Graphviz is
 * installed). Same role rules as the inventory; every change is audited in its own transaction.
 */
@Service
public class DataFlows {

    private final DataFlowStore flows;
    private final AssetStore assets;
    private final RiskInventoryEvents events;
    private final Graphviz graphviz;
    private final Clock clock;

    DataFlows(DataFlowStore flows, AssetStore assets, RiskInventoryEvents events, Graphviz graphviz, Clock clock) {
        this.flows = flows;
        this.assets = assets;
        this.events = events;
        this.graphviz = graphviz;
        this.clock = clock;
    }

    public List<DataFlow> list(Actor actor) {
        RiskInventoryRoles.requireReader(actor);
        return flows.list();
    }

    public DataFlow get(Actor actor, String id) {
        RiskInventoryRoles.requireReader(actor);
        return find(id);
    }

    public DataFlow create(Actor actor, DataFlowDraft draft, RequestOrigin origin) {
        RiskInventoryRoles.requireWriter(actor);
        return events.atomically(() -> {
            DataFlow flow = validated(UUID.randomUUID().toString(), draft, null, actor.id());
            flows.insert(flow);
            events.record("data-flow-create", Action.C, actor, origin, "DataFlow", flow.id());
            return find(flow.id());
        });
    }

    public DataFlow update(Actor actor, String id, DataFlowDraft draft, RequestOrigin origin) {
        RiskInventoryRoles.requireWriter(actor);
        return events.atomically(() -> {
            DataFlow flow = validated(id, draft, find(id), actor.id());
            flows.update(flow);
            events.record("data-flow-update", Action.U, actor, origin, "DataFlow", id);
            return find(id);
        });
    }

    public void delete(Actor actor, String id, RequestOrigin origin) {
        RiskInventoryRoles.requireWriter(actor);
        events.atomically(() -> {
            find(id);
            flows.delete(id);
            events.record("data-flow-delete", Action.D, actor, origin, "DataFlow", id);
            return null;
        });
    }

    /** The ePHI data-flow map as Graphviz DOT only. */
    public String dot(Actor actor) {
        RiskInventoryRoles.requireReader(actor);
        return DataFlowDot.write(assets.list(), flows.list());
    }

    /** The ePHI data-flow map: DOT, and SVG when Graphviz is installed (drawn within 10 seconds). */
    public DataFlowMap map(Actor actor) {
        String dot = dot(actor);
        Graphviz.Drawing drawing = graphviz.svg(dot);
        return new DataFlowMap(dot, drawing.svg(), drawing.note());
    }

    private DataFlow find(String id) {
        return flows.find(id).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND, "No data flow with id "
                + Fields.abbreviated(String.valueOf(id))));
    }

    private DataFlow validated(String id, DataFlowDraft d, DataFlow existing, String actorId) {
        if (d == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the data flow");
        }
        Asset source = asset(d.sourceAssetId(), "source");
        Asset target = asset(d.targetAssetId(), "target");
        if (source.id().equals(target.id())) {
            throw new ProblemException(ProblemKind.VALIDATION, "A data flow goes between two different assets");
        }
        Instant now = clock.instant();
        return new DataFlow(id, source.id(), source.name(), target.id(), target.name(),
                Fields.required(d.data(), "data", 500), Fields.required(d.protocol(), "protocol", 100),
                Boolean.TRUE.equals(d.encrypted()), Boolean.TRUE.equals(d.ephi()),
                existing == null ? now : existing.createdAt(), existing == null ? actorId : existing.createdBy(), now,
                actorId);
    }

    private Asset asset(String id, String role) {
        String clean = Fields.required(id, role + " asset", 64);
        return assets.find(clean).orElseThrow(() -> new ProblemException(ProblemKind.VALIDATION, "No asset with id "
                + Fields.abbreviated(clean) + " for the " + role));
    }
}
