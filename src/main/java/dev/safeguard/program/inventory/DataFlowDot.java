package dev.safeguard.program.inventory;

import dev.safeguard.program.Asset;
import dev.safeguard.program.DataFlow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the ePHI data-flow map as Graphviz DOT: the active assets that hold ePHI and every flow that carries it,
 * unencrypted flows drawn red and dashed. Node names are generated ({@code a1}, {@code a2}, …) and every label is
 * escaped, so no recorded text can change the graph's structure.
 */
public final class DataFlowDot {

    private DataFlowDot() {
    }

    public static String write(List<Asset> assets, List<DataFlow> flows) {
        Map<String, Asset> byId = new LinkedHashMap<>();
        assets.forEach(a -> byId.put(a.id(), a));
        List<DataFlow> ephiFlows = flows.stream().filter(DataFlow::ephi).toList();
        Map<String, String> nodes = new LinkedHashMap<>();
        assets.stream().filter(a -> a.ephi() && a.active()).forEach(a -> nodes.putIfAbsent(a.id(), "a" + (nodes.size() + 1)));
        for (DataFlow f : ephiFlows) {
            nodes.putIfAbsent(f.sourceAssetId(), "a" + (nodes.size() + 1));
            nodes.putIfAbsent(f.targetAssetId(), "a" + (nodes.size() + 1));
        }
        StringBuilder dot = new StringBuilder("digraph ephi_data_flows {\n")
                .append("  graph [rankdir=LR, fontname=\"Helvetica\", label=\"ePHI data flows\", labelloc=t];\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#e4eef8\", fontname=\"Helvetica\"];\n")
                .append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        nodes.forEach((id, node) -> {
            Asset a = byId.get(id);
            String label = a == null ? id : a.name() + "\n" + a.kind() + " · " + a.location()
                    + (a.active() ? "" : " (retired)");
            dot.append("  ").append(node).append(" [label=").append(quoted(label));
            if (a != null && !"encrypted".equals(a.encryption()) && !"not-applicable".equals(a.encryption())) {
                dot.append(", fillcolor=\"#fbe3e2\"");
            }
            dot.append("];\n");
        });
        for (DataFlow f : ephiFlows) {
            dot.append("  ").append(nodes.get(f.sourceAssetId())).append(" -> ").append(nodes.get(f.targetAssetId()))
                    .append(" [label=").append(quoted(f.data() + "\n" + f.protocol()
                            + (f.encrypted() ? " (encrypted)" : " (NOT encrypted)")));
            if (!f.encrypted()) {
                dot.append(", color=\"#b3261e\", fontcolor=\"#b3261e\", style=dashed");
            }
            dot.append("];\n");
        }
        return dot.append("}\n").toString();
    }

    /** A DOT quoted string: backslashes and quotes escaped, line breaks as DOT's centred {@code \n}. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> { }
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.append('"').toString();
    }
}
