package dev.safeguard.program.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTests {

    @Test
    void rendersHeadingsListsAndTables() {
        String html = Markdown.html("# Policy\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assertThat(html).contains("<h1>Policy</h1>").contains("<li>one</li>").contains("<table>")
                .contains("<td>1</td>");
    }

    @Test
    void rawHtmlInTheSourceIsEscaped_notPassedThrough() {
        String html = Markdown.html("Hello <script>alert(1)</script> <img src=x onerror=alert(2)>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
    }

    @Test
    void scriptLinkTargetsAreRemoved() {
        String html = Markdown.html("[click](javascript:alert(1)) [ok](https://example.org/a)");
        assertThat(html).doesNotContain("javascript:").contains("href=\"https://example.org/a\"");
    }

    @Test
    void titleIsTheFirstLevelOneHeading() {
        assertThat(Markdown.title("intro\n# Sanction policy\n## Scope")).isEqualTo("Sanction policy");
        assertThat(Markdown.title("no heading")).isNull();
    }
}
