package dev.safeguard.program;

import java.util.ArrayList;
import java.util.List;

/**
 * Open risks counted by likelihood and impact, a 5×5 grid whose cells carry their Table I-2 level.
 *
 * @param rows likelihood rows from very high down to very low, each with cells from very low to very high impact
 */
public record RiskHeatMap(List<Row> rows, int total) {

    public record Row(RiskLevel likelihood, List<Cell> cells) {
    }

    public record Cell(RiskLevel likelihood, RiskLevel impact, RiskLevel level, int count) {
    }

    /** The heat map of the given risks (closed ones are left out). */
    public static RiskHeatMap of(List<Risk> risks) {
        List<Risk> open = risks.stream().filter(Risk::open).toList();
        List<Row> rows = new ArrayList<>();
        RiskLevel[] levels = RiskLevel.values();
        for (int l = levels.length - 1; l >= 0; l--) {
            RiskLevel likelihood = levels[l];
            List<Cell> cells = new ArrayList<>();
            for (RiskLevel impact : levels) {
                int count = (int) open.stream().filter(r -> r.likelihood() == likelihood && r.impact() == impact)
                        .count();
                cells.add(new Cell(likelihood, impact, RiskLevel.of(likelihood, impact), count));
            }
            rows.add(new Row(likelihood, List.copyOf(cells)));
        }
        return new RiskHeatMap(List.copyOf(rows), open.size());
    }

    /** The impact scale, for the column headings. */
    public List<RiskLevel> impacts() {
        return List.of(RiskLevel.values());
    }
}
