package dev.safeguard.program;

import dev.safeguard.program.Specification.ProposedChange;
import dev.safeguard.program.catalog.CatalogFile;
import dev.safeguard.program.catalog.CatalogFile.ChangeEntry;
import dev.safeguard.program.catalog.CatalogFile.SpecificationEntry;
import dev.safeguard.program.catalog.CatalogFile.StandardEntry;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The Security Rule catalog: every standard and implementation specification of 164.308, 164.310, 164.312, 164.314
 * and 164.316 with its citation, title, safeguard category and required/addressable status, in the order of the
 * regulation; and the same items as the January 2025 proposed rule would have them.
 *
 * <p>Guarantees: the catalog is read from the jar once and is immutable; start-up fails on a malformed file
 * (duplicate citation, unknown status or category, a proposed change naming no catalog item), so no request ever sees
 * a partial catalog.
 */
@Service
public class Catalog {

    static final Set<String> CATEGORIES = Set.of("administrative", "physical", "technical", "organizational",
            "policies-and-documentation");

    private final Map<String, Specification> current = new LinkedHashMap<>();
    private final Map<String, Specification> proposed = new LinkedHashMap<>();
    private final String proposedSource;

    Catalog() {
        CatalogFile.Contents contents = CatalogFile.load();
        for (StandardEntry standard : contents.standards()) {
            if (!CATEGORIES.contains(standard.category())) {
                throw new IllegalStateException("Catalog: standard " + standard.citation() + " has unknown category '"
                        + standard.category() + "'");
            }
            if (standard.specifications().isEmpty()) {
                add(new Specification(standard.citation(), standard.title(), null, standard.citation(), standard.title(),
                        standard.category(), status(standard.citation(), standard.status()), true, List.of()));
            }
            for (SpecificationEntry spec : standard.specifications()) {
                add(new Specification(spec.citation(), spec.title(), spec.note(), standard.citation(), standard.title(),
                        standard.category(), status(spec.citation(), spec.status()), false, List.of()));
            }
        }
        this.proposedSource = contents.proposedRule().source();
        Map<String, List<ProposedChange>> changes = new LinkedHashMap<>();
        for (ChangeEntry change : contents.proposedRule().changes()) {
            change.intervals().forEach(Catalog::requireInterval);
            ProposedChange c = new ProposedChange(change.requirement(), change.intervals());
            List<String> targets = change.citations().equals(List.of("*")) ? List.copyOf(current.keySet())
                    : change.citations();
            for (String citation : targets) {
                if (!current.containsKey(citation)) {
                    throw new IllegalStateException("Catalog: the proposed change '" + change.requirement()
                            + "' names " + citation + ", which is not a catalog item");
                }
                changes.computeIfAbsent(citation, k -> new ArrayList<>()).add(c);
            }
        }
        current.values().forEach(s -> proposed.put(s.id(), new Specification(s.id(), s.title(), s.note(), s.standardCitation(),
                s.standardTitle(), s.category(), Specification.REQUIRED, s.standardOnly(),
                changes.getOrDefault(s.id(), List.of()))));
    }

    /** Every item in the order of the regulation. */
    public List<Specification> specifications(CatalogView view) {
        return List.copyOf(items(view).values());
    }

    /** The item with this citation, or {@link ProblemKind#NOT_FOUND}. */
    public Specification specification(String id, CatalogView view) {
        return find(id, view).orElseThrow(() -> new ProblemException(ProblemKind.NOT_FOUND,
                "No specification " + id + " in the catalog; use a CFR citation such as 164.312(a)(2)(iv)"));
    }

    public Optional<Specification> find(String id, CatalogView view) {
        return Optional.ofNullable(id == null ? null : items(view).get(id.strip()));
    }

    /** Where the view's text comes from. */
    public String source(CatalogView view) {
        return view == CatalogView.PROPOSED ? proposedSource
                : "45 CFR Part 164 Subpart C (164.308, 164.310, 164.312, 164.314, 164.316), in force";
    }

    private Map<String, Specification> items(CatalogView view) {
        return view == CatalogView.PROPOSED ? proposed : current;
    }

    private void add(Specification spec) {
        if (current.putIfAbsent(spec.id(), spec) != null) {
            throw new IllegalStateException("Catalog: duplicate citation " + spec.id());
        }
    }

    private static String status(String citation, String status) {
        if (!Specification.REQUIRED.equals(status) && !Specification.ADDRESSABLE.equals(status)) {
            throw new IllegalStateException("Catalog: " + citation + " has status '" + status
                    + "'; only 'required' and 'addressable' exist");
        }
        return status;
    }

    private static void requireInterval(String interval) {
        try {
            if (interval.startsWith("PT")) {
                Duration.parse(interval);
            } else {
                Period.parse(interval);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("Catalog: '" + interval + "' is not an ISO-8601 duration", e);
        }
    }
}
