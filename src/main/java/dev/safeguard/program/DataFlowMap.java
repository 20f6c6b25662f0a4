package dev.safeguard.program;

/**
 * The ePHI data-flow map: the Graphviz DOT source always, and the SVG Graphviz drew from it when the {@code dot}
 * program is installed.
 *
 * @param dot  the DOT source (labels escaped)
 * @param svg  the SVG, or {@code null} when it could not be drawn
 * @param note why there is no SVG (e.g. {@code dot} is not installed), or {@code null}
 */
public record DataFlowMap(String dot, String svg, String note) {

    public boolean rendered() {
        return svg != null;
    }
}
