package dev.safeguard.program.metrics;

import dev.safeguard.program.Catalog;
import dev.safeguard.program.CatalogView;
import dev.safeguard.program.ControlStatus;
import dev.safeguard.program.ControlVersion;
import dev.safeguard.program.Specification;
import dev.safeguard.program.controls.ControlStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How far the controls of the current catalog are implemented, per safeguard category, and how many are past their
 * next review date (by the injected clock, as {@code Controls} judges it). A specification without a control counts
 * as not started.
 */
@Component
class ControlCoverage {

    /**
     * @param implemented controls whose status is {@code implemented}
     * @param applicable  controls of the category that are not marked {@code not-applicable}
     */
    record Tally(long implemented, long applicable) {
    }

    private final Catalog catalog;
    private final ControlStore store;
    private final Clock clock;

    ControlCoverage(Catalog catalog, ControlStore store, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.clock = clock;
    }

    Map<String, Tally> byCategory() {
        Map<String, ControlVersion> versions = store.latestOfAll();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Specification spec : catalog.specifications(CatalogView.CURRENT)) {
            ControlVersion v = versions.get(spec.id());
            String status = v == null ? ControlStatus.NOT_STARTED.id() : v.status();
            if (status.equals(ControlStatus.NOT_APPLICABLE.id())) {
                continue;
            }
            long implemented = status.equals(ControlStatus.IMPLEMENTED.id()) ? 1 : 0;
            tallies.merge(spec.category(), new Tally(implemented, 1),
                    (a, b) -> new Tally(a.implemented() + b.implemented(), a.applicable() + b.applicable()));
        }
        return tallies;
    }

    long overdueReviews() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> current = catalog.specifications(CatalogView.CURRENT).stream().map(Specification::id).toList();
        return store.latestOfAll().values().stream().filter(v -> current.contains(v.controlId())
                && v.nextReviewOn() != null && v.nextReviewOn().isBefore(today)).count();
    }
}
