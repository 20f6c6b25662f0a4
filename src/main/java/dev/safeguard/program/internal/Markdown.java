package dev.safeguard.program.internal;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the program's Markdown documents (policies, training modules) to HTML for the console.
 *
 * <p>Security guarantees: raw HTML in the source is escaped, never passed through, and link and image targets other
 * than {@code http:}, {@code https:}, {@code mailto:} and relative ones are removed ({@code javascript:} and
 * {@code data:} included), so a document written by one officer cannot run script in another user's browser. The
 * output is safe to insert unescaped into a page served under the console's Content-Security-Policy.
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    private Markdown() {
    }

    /** The HTML of {@code source}; {@code null} gives an empty string. */
    public static String html(String source) {
        if (source == null || source.isEmpty()) {
            return "";
        }
        Node document = PARSER.parse(source);
        return RENDERER.render(document);
    }

    /** The text of the first level-1 heading, or {@code null} when the document has none. */
    public static String title(String source) {
        if (source == null) {
            return null;
        }
        return source.lines().map(String::strip).filter(l -> l.startsWith("# ")).findFirst()
                .map(l -> l.substring(2).strip()).orElse(null);
    }
}
