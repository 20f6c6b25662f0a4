package dev.safeguard.program.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguard.program.catalog.CatalogFile;
import dev.safeguard.program.internal.Markdown;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The 17 core policy templates shipped in the jar are complete policies: each has every section a compliance team
 * needs, states how Safeguard carries it out, cites exactly the catalog items it lists, uses only known placeholders
 * and leaves none behind once filled, and renders as Markdown without raw HTML.
 */
class PolicyTemplateFilesTests {

    static final List<String> CORE = List.of("security-management", "sanctions", "workforce-security",
            "information-access", "security-training", "incident-response", "contingency", "evaluation",
            "business-associates", "facility-workstation", "device-media", "access-control", "audit", "integrity",
            "authentication", "transmission-security", "documentation");
    static final List<String> SECTIONS = List.of("## 1. Purpose", "## 2. Scope", "## 3. Policy statements",
            "## 4. Roles and responsibilities", "## 5. Procedures", "## 6. How Safeguard carries out this policy",
            "## 7. Enforcement", "## 8. Regulatory citations", "## 9. Document control");

    @Test
    void theSeventeenCorePoliciesAreShippedWithEverySection() {
        List<PolicyTemplateFiles.Entry> templates = PolicyTemplateFiles.load();
        assertThat(templates).extracting(PolicyTemplateFiles.Entry::id).containsExactlyElementsOf(CORE);
        for (PolicyTemplateFiles.Entry t : templates) {
            int at = -1;
            for (String section : SECTIONS) {
                int next = t.markdown().indexOf("\n" + section + "\n");
                assertThat(next).as(t.id() + " has '" + section + "' after the previous section").isGreaterThan(at);
                at = next;
            }
            assertThat(t.markdown().split("\\s+").length).as(t.id() + " is a real policy, not a stub")
                    .isGreaterThan(450);
            assertThat(t.markdown()).as(t.id()).contains("{{organization}}").doesNotContain("TODO", "TBD", "lorem");
        }
    }

    @Test
    void everyTemplateCitesExactlyCatalogItemsAndNamesEachOneInItsText() {
        Set<String> catalog = new HashSet<>();
        CatalogFile.load().standards().forEach(s -> {
            if (s.specifications().isEmpty()) {
                catalog.add(s.citation());
            }
            s.specifications().forEach(spec -> catalog.add(spec.citation()));
        });
        Set<String> cited = new HashSet<>();
        for (PolicyTemplateFiles.Entry t : PolicyTemplateFiles.load()) {
            assertThat(catalog).as(t.id() + "'s citations are catalog items").containsAll(t.citations());
            String citations = t.markdown().substring(t.markdown().indexOf("## 8. Regulatory citations"));
            t.citations().forEach(c -> assertThat(citations).as(t.id() + " names " + c).contains("45 CFR " + c));
            cited.addAll(t.citations());
        }
        Set<String> uncited = new HashSet<>(catalog);
        uncited.removeAll(cited);
        assertThat(uncited).as("only the group health plan requirements (164.314(b)) are left to the plan sponsor")
                .allMatch(c -> c.startsWith("164.314(b)"));
    }

    @Test
    void fillingLeavesNoPlaceholder_andTheTextRendersWithoutRawHtml() {
        Map<String, String> values = new HashMap<>();
        PolicyTemplateFiles.PLACEHOLDERS.forEach(p -> values.put(p, "<" + p + ">"));
        for (PolicyTemplateFiles.Entry t : PolicyTemplateFiles.load()) {
            assertThat(PolicyTemplateFiles.PLACEHOLDERS).containsAll(PolicyTemplateFiles.placeholders(t.markdown()));
            String filled = PolicyTemplateFiles.fill(t.markdown(), values);
            assertThat(filled).as(t.id()).doesNotContain("{{", "}}");
            String html = Markdown.html(filled);
            assertThat(html).as(t.id()).contains("<h1>" + t.title() + "</h1>", "<h2>1. Purpose</h2>", "<li>")
                    .doesNotContain("<organization>").contains("&lt;organization&gt;");
        }
    }

    @Test
    void aPlaceholderWithoutValueIsRefused_fails() {
        assertThatThrownBy(() -> PolicyTemplateFiles.fill("For {{organization}} and {{unknown}}",
                Map.of("organization", "Riverside")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{unknown}}");
        assertThat(PolicyTemplateFiles.fill("{{ organization }} pays $5", Map.of("organization", "A$1 \\ B")))
                .isEqualTo("A$1 \\ B pays $5");
    }
}
