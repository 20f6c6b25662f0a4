package dev.safeguard.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shipped catalog equals the reference text of the Security Rule ({@code ../shared/reference/security-rule.md}):
 * every standard and implementation specification of its table, with the same citation, title and required or
 * addressable status, in the same order; the counts the reference states; and the proposed rule's changes, clause by
 * clause, with the cadences the clauses name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramCatalogTests {

    static final Path REFERENCE = Path.of("../shared/reference/security-rule.md");
    private static final Pattern ROW = Pattern.compile("^\\| (.+?) (164\\.3\\d\\d(?:\\([a-z0-9]+\\))+) \\| (.+) \\|$");
    private static final Pattern GROUPED = Pattern.compile("^((?:\\([a-z0-9]+\\))+) ([RA]): (.+)$");
    private static final Pattern ITEM = Pattern.compile("^((?:\\([a-zA-Z0-9]+\\))+) (.+?)(?: ([RA]))?$");
    private static final Pattern PART = Pattern.compile("\\([a-zA-Z0-9]+\\)");
    private static final Map<String, String> CATEGORIES = Map.of("164.308", "administrative", "164.310", "physical",
            "164.312", "technical", "164.314", "organizational", "164.316", "policies-and-documentation");

    /** One line of expectation: what the reference says about one item. */
    record Expected(String citation, String title, String note, String status, String standardCitation, String standardTitle,
                    boolean standardOnly) {
    }

    private String reference;
    private List<Expected> expected;
    private final Catalog catalog = new Catalog();

    @BeforeAll
    void readReference() throws IOException {
        reference = Files.readString(REFERENCE);
        expected = parseTable(reference);
    }

    @Test
    void everyItemOfTheReferenceTableIsInTheCatalogWithItsCitationTitleAndStatusInOrder() {
        List<Specification> specs = catalog.specifications(CatalogView.CURRENT);
        assertThat(specs).extracting(Specification::id).containsExactlyElementsOf(
                expected.stream().map(Expected::citation).toList());
        for (int i = 0; i < specs.size(); i++) {
            Specification s = specs.get(i);
            Expected e = expected.get(i);
            assertThat(s.title()).as(e.citation()).isEqualTo(e.title());
            assertThat(s.note()).as(e.citation()).isEqualTo(e.note());
            assertThat(s.status()).as(e.citation()).isEqualTo(e.status());
            assertThat(s.standardCitation()).as(e.citation()).isEqualTo(e.standardCitation());
            assertThat(s.standardTitle()).as(e.citation()).isEqualTo(e.standardTitle());
            assertThat(s.standardOnly()).as(e.citation()).isEqualTo(e.standardOnly());
            assertThat(s.category()).as(e.citation()).isEqualTo(CATEGORIES.get(e.citation().substring(0, 7)));
            assertThat(s.proposedChanges()).isEmpty();
        }
    }

    @Test
    void theCountsTheReferenceStatesHold() {
        Matcher counts = Pattern.compile("hold (\\d+) implementation specifications \\((\\d+) R, (\\d+) A\\) and (\\d+) "
                + "standards without\\s+specifications").matcher(reference);
        assertThat(counts.find()).as("the counts sentence of the reference").isTrue();
        List<Specification> core = catalog.specifications(CatalogView.CURRENT).stream()
                .filter(s -> s.id().compareTo("164.313") < 0).toList();
        List<Specification> specifications = core.stream().filter(s -> !s.standardOnly()).toList();
        assertThat(specifications).hasSize(Integer.parseInt(counts.group(1)));
        assertThat(specifications.stream().filter(s -> s.status().equals("required"))).hasSize(
                Integer.parseInt(counts.group(2)));
        assertThat(specifications.stream().filter(Specification::addressable)).hasSize(
                Integer.parseInt(counts.group(3)));
        assertThat(core.stream().filter(Specification::standardOnly)).hasSize(Integer.parseInt(counts.group(4)));
        assertThat(core.stream().filter(Specification::standardOnly)).allMatch(s -> s.status().equals("required"));
        assertThat(catalog.specifications(CatalogView.CURRENT)).filteredOn(s -> s.id().startsWith("164.314")
                || s.id().startsWith("164.316")).isNotEmpty().allMatch(s -> s.status().equals("required"));
    }

    @Test
    void theProposedViewMakesEverythingRequiredAndCarriesEveryClauseOfTheProposalWithItsCadences() {
        List<String> clauses = proposalClauses(reference);
        assertThat(clauses).hasSizeGreaterThan(10);
        List<Specification> proposed = catalog.specifications(CatalogView.PROPOSED);
        assertThat(proposed).extracting(Specification::id).containsExactlyElementsOf(
                expected.stream().map(Expected::citation).toList());
        assertThat(proposed).allMatch(s -> s.status().equals("required"));
        Set<String> carried = new LinkedHashSet<>();
        proposed.forEach(s -> s.proposedChanges().forEach(c -> carried.add(c.requirement())));
        assertThat(carried).containsExactlyInAnyOrderElementsOf(clauses);
        for (Specification s : proposed) {
            for (Specification.ProposedChange change : s.proposedChanges()) {
                assertThat(change.intervals()).as(change.requirement())
                        .containsExactlyElementsOf(cadences(change.requirement()));
            }
        }
        // Removing the required/addressable distinction applies to every item.
        assertThat(proposed).allMatch(s -> s.proposedChanges().stream()
                .anyMatch(c -> c.requirement().contains("required/addressable")));
        assertThat(catalog.specification("164.308(a)(3)(ii)(C)", CatalogView.PROPOSED).proposedChanges())
                .flatExtracting(Specification.ProposedChange::intervals).contains("PT1H");
    }

    // ---- the reference's table, read as a person would

    static List<Expected> parseTable(String markdown) {
        List<Expected> items = new ArrayList<>();
        for (String line : markdown.lines().toList()) {
            Matcher row = ROW.matcher(line.strip());
            if (!row.matches()) {
                continue;
            }
            String standardTitle = row.group(1).strip();
            String standard = row.group(2);
            String cell = row.group(3).strip();
            if (cell.matches("standard(?: only)? — R")) {
                items.add(new Expected(standard, standardTitle, null, "required", standard, standardTitle, true));
                continue;
            }
            String section = standard.substring(0, 7);
            Matcher grouped = GROUPED.matcher(cell);
            String groupStatus = null;
            List<String> previous;
            if (grouped.matches()) {
                groupStatus = grouped.group(2);
                previous = new ArrayList<>(parts(grouped.group(1)));
                previous.add("(placeholder)");
                cell = grouped.group(3);
            } else {
                previous = parts(standard.substring(7));
            }
            boolean first = !grouped.matches();
            for (String item : cell.split("; ")) {
                Matcher m = ITEM.matcher(item.strip());
                assertThat(m.matches()).as("item '" + item + "' of " + standard).isTrue();
                List<String> own = parts(m.group(1));
                List<String> path;
                if (first && own.get(0).matches("\\([a-h]\\)")) {
                    path = own;
                } else if (first) {
                    path = new ArrayList<>(previous);
                    path.addAll(own);
                } else {
                    path = new ArrayList<>(previous.subList(0, previous.size() - own.size()));
                    path.addAll(own);
                }
                first = false;
                String status = m.group(3) != null ? m.group(3) : groupStatus;
                assertThat(status).as("R or A for '" + item + "'").isNotNull();
                // A trailing parenthesis in words is the reference's gloss of the requirement, not part of its title.
                Matcher gloss = Pattern.compile("^(.+?) \\(([^()]+ [^()]+)\\)$").matcher(m.group(2).strip());
                String title = gloss.matches() ? gloss.group(1) : m.group(2).strip();
                items.add(new Expected(section + String.join("", path),
                        Character.toUpperCase(title.charAt(0)) + title.substring(1),
                        gloss.matches() ? gloss.group(2) : null,
                        status.equals("R") ? "required" : "addressable", standard, standardTitle, false));
                previous = path;
            }
        }
        assertThat(items).as("items in the reference table").hasSizeGreaterThan(50);
        return items;
    }

    private static List<String> parts(String citation) {
        List<String> parts = new ArrayList<>();
        Matcher m = PART.matcher(citation);
        while (m.find()) {
            parts.add(m.group());
        }
        return parts;
    }

    /** The clauses of section 2's "Proposed:" sentence, in words. */
    static List<String> proposalClauses(String markdown) {
        String section = markdown.substring(markdown.indexOf("## 2."), markdown.indexOf("## 3."));
        String text = section.lines().map(String::strip).collect(Collectors.joining(" "));
        String proposal = text.substring(text.indexOf("Proposed: ") + "Proposed: ".length());
        proposal = proposal.substring(0, proposal.lastIndexOf('.'));
        return Arrays.stream(proposal.split("; ")).map(String::strip).toList();
    }

    /** "every 12 months", "within 1 hour", "no older than 48 hours", in the order the clause names them. */
    static List<String> cadences(String clause) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("(\\d+) (months?|hours?)").matcher(clause);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            found.add(m.group(2).startsWith("month") ? Period.ofMonths(n).toString()
                    : Duration.ofHours(n).toString());
        }
        return found;
    }
}
