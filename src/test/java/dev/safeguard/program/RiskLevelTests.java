package dev.safeguard.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The risk level is NIST SP 800-30 Rev. 1 Table I-2, cell by cell: an explicit copy of the table here, checked against
 * the project's reference file ({@code ../shared/reference/security-rule.md}) when that file is present.
 */
class RiskLevelTests {

    /** Table I-2 as printed: rows by likelihood from very high down to very low, columns by impact very low to very high. */
    static final String[][] TABLE_I_2 = {
            {"very-high", "very-low", "low", "moderate", "high", "very-high"},
            {"high", "very-low", "low", "moderate", "high", "very-high"},
            {"moderate", "very-low", "low", "moderate", "moderate", "high"},
            {"low", "very-low", "low", "low", "low", "moderate"},
            {"very-low", "very-low", "very-low", "very-low", "low", "low"},
    };
    static final Path REFERENCE = Path.of("..", "shared", "reference", "security-rule.md");

    static List<Object[]> cells() {
        List<Object[]> cells = new ArrayList<>();
        for (String[] row : TABLE_I_2) {
            for (int i = 0; i < 5; i++) {
                cells.add(new Object[]{row[0], RiskLevel.values()[i].id(), row[i + 1]});
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "likelihood {0} × impact {1} = {2}")
    @MethodSource("cells")
    void theLevelOfEveryCellIsTheTableI2Level(String likelihood, String impact, String level) {
        assertThat(RiskLevel.of(RiskLevel.parse(likelihood, "likelihood"), RiskLevel.parse(impact, "impact")).id())
                .isEqualTo(level);
    }

    @Test
    void theTableCoversAll25Cells() {
        assertThat(cells()).hasSize(25);
        assertThat(cells().stream().map(c -> c[0] + "/" + c[1]).distinct()).hasSize(25);
    }

    @Test
    void theLevelIsALookupNotAProductOfScores() {
        // A product of scores would be symmetric; Table I-2 is not.
        assertThat(RiskLevel.of(RiskLevel.VERY_HIGH, RiskLevel.VERY_LOW)).isEqualTo(RiskLevel.VERY_LOW);
        assertThat(RiskLevel.of(RiskLevel.VERY_LOW, RiskLevel.VERY_HIGH)).isEqualTo(RiskLevel.LOW);
        assertThat(RiskLevel.of(RiskLevel.LOW, RiskLevel.VERY_HIGH)).isEqualTo(RiskLevel.MODERATE);
        assertThat(RiskLevel.of(RiskLevel.VERY_HIGH, RiskLevel.LOW)).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void theExplicitTableIsTheOneInTheReferenceFile() throws IOException {
        if (!Files.exists(REFERENCE)) {
            return; // Outside the project's workspace the explicit table above is the reference.
        }
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(REFERENCE)) {
            if (line.startsWith("| Likelihood \\ Impact")) {
                inTable = true;
                continue;
            }
            if (inTable && line.startsWith("|---")) {
                continue;
            }
            if (inTable && line.startsWith("|")) {
                rows.add(Arrays.stream(line.split("\\|")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT).replace(' ', '-')).toArray(String[]::new));
            } else if (inTable) {
                break;
            }
        }
        assertThat(rows).hasSize(5);
        for (int r = 0; r < 5; r++) {
            assertThat(rows.get(r)).as("row " + r + " of Table I-2 in " + REFERENCE).containsExactly(TABLE_I_2[r]);
        }
    }

    @Test
    void valuesOffTheScale_areRefused() {
        for (String bad : new String[]{"", "extreme", "5", null}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RiskLevel.parse(bad, "likelihood"))
                    .hasMessageContaining("very-low, low, moderate, high, very-high");
        }
        assertThat(RiskLevel.parse(" Very High ", "impact")).isEqualTo(RiskLevel.VERY_HIGH);
    }
}
