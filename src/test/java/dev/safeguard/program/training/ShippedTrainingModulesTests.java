package dev.safeguard.program.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.program.catalog.CatalogFile;
import dev.safeguard.program.internal.Markdown;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The training modules shipped with Safeguard are real modules a compliance team can use: several hundred words
 * written for Safeguard's users, do and don't lists, a self-check with answers, an acknowledgment statement, valid
 * catalog citations, and nothing placeholder-shaped.
 */
class ShippedTrainingModulesTests {

    static final List<String> REQUIRED = List.of("security-awareness", "phishing", "password-management",
            "malicious-software", "log-in-monitoring", "incident-reporting");

    @Test
    void theSixModulesAreShippedWithTheirCadenceAndValidCitations() {
        List<ShippedTrainingModules.Module> modules = ShippedTrainingModules.load();
        assertThat(modules).extracting(ShippedTrainingModules.Module::id).containsExactlyElementsOf(REQUIRED);
        Set<String> citations = new HashSet<>();
        CatalogFile.load().standards().forEach(s -> {
            if (s.specifications().isEmpty()) {
                citations.add(s.citation());
            }
            s.specifications().forEach(spec -> citations.add(spec.citation()));
        });
        for (ShippedTrainingModules.Module m : modules) {
            assertThat(m.atHire() && m.annual()).as(m.id()).isTrue();
            assertThat(m.citations()).as(m.id()).isNotEmpty().allMatch(citations::contains);
        }
    }

    @Test
    void eachModuleIsAWholeModuleWrittenForSafeguard() {
        for (ShippedTrainingModules.Module m : ShippedTrainingModules.load()) {
            TrainingModuleText text = TrainingModuleText.of(m.content());
            String content = m.content();
            String lower = content.toLowerCase(Locale.ROOT);
            assertThat(text.title()).as(m.id()).isNotBlank();
            assertThat(text.words()).as(m.id() + " words").isBetween(600, 2000);
            assertThat(content).as(m.id()).contains("## Do\n", "## Don't\n", "## Self-check\n", "## Acknowledgment\n",
                    "Safeguard", "security official");
            assertThat(text.statement()).as(m.id()).startsWith("By completing this module I confirm that I have read "
                    + "and understood it");
            assertThat(content.lines().filter(l -> l.matches("\\d\\. .*")).count()).as(m.id() + " self-check")
                    .isGreaterThanOrEqualTo(3);
            assertThat(content.lines().filter(l -> l.startsWith("- Don't ")).count()).as(m.id() + " don'ts")
                    .isGreaterThanOrEqualTo(3);
            assertThat(lower).as(m.id()).doesNotContain("todo", "tbd", "lorem", "placeholder", "[your", "xxx");
            assertThat(Markdown.html(content)).as(m.id()).startsWith("<h1>").doesNotContain("<script");
            assertThat(text.version()).as(m.id()).hasSize(64).isEqualTo(TrainingModuleText.of(content).version());
        }
    }

    @Test
    void theModulesDescribeSafeguardAsItIs() {
        String all = String.join("\n", ShippedTrainingModules.load().stream()
                .map(ShippedTrainingModules.Module::content).toList());
        assertThat(all).contains("ten recovery codes", "authenticator", "Emergency access", "15 minutes",
                "30,000 passwords", "audit trail", "60 days", "*Stay signed in*", "5\n  in 10 minutes");
    }
}
