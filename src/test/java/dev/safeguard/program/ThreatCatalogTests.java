package dev.safeguard.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.program.risk.SpecificationIds;
import dev.safeguard.program.risk.ThreatCatalogFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped catalog: at least 25 health-care threats plus vulnerabilities, each citing valid specification ids. */
class ThreatCatalogTests {

    private final List<Threat> catalog = ThreatCatalogFile.load();

    @Test
    void shipsAtLeast25ThreatsCommonInHealthCareAndSomeVulnerabilities() {
        assertThat(catalog.stream().filter(t -> t.kind().equals("threat")).count()).isGreaterThanOrEqualTo(25);
        assertThat(catalog.stream().filter(t -> t.kind().equals("vulnerability")).count()).isGreaterThanOrEqualTo(10);
        assertThat(catalog).extracting(Threat::id).contains("ransomware", "phishing", "insider-snooping",
                "lost-stolen-device", "misconfiguration", "unpatched-software", "vendor-breach", "improper-disposal",
                "power-outage", "network-outage", "natural-disaster").doesNotHaveDuplicates();
    }

    @Test
    void everyEntryCitesWellFormedSecurityRuleSpecifications() {
        assertThat(catalog).allSatisfy(t -> {
            assertThat(t.title()).isNotBlank();
            assertThat(t.description()).isNotBlank();
            assertThat(t.suggestedControls()).isNotEmpty().allMatch(SpecificationIds::valid);
        });
    }

    @Test
    void specificationIdsAreCheckedByFormat() {
        assertThat(List.of("164.312(a)(1)", "164.312(b)", "164.308(a)(1)(ii)(A)", "164.312(a)(2)(iv)",
                "164.316(b)(2)(i)", "164.314(a)(2)(iii)")).allMatch(SpecificationIds::valid);
        assertThat(List.of("164.312", "164.312(a)(1", "164.399(a)", "164.312(A)(1)", "164.312(a)(1)(ii)(a)",
                "164.312(a)(1)x", "<script>", "")).noneMatch(SpecificationIds::valid);
    }
}
