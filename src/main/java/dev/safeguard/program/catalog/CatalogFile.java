package dev.safeguard.program.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Security Rule catalog shipped in the jar ({@code program/catalog.json}): standards of 164.308, 164.310,
 * 164.312, 164.314 and 164.316 with their implementation specifications and the proposed-rule changes. Read once at
 * start-up; the file is data, not configuration, and is checked by a test against the reference text.
 */
public final class CatalogFile {

    public static final String RESOURCE = "program/catalog.json";

    private CatalogFile() {
    }

    public record Contents(String source, List<StandardEntry> standards, ProposedRule proposedRule) {
    }

    /** A standard: {@code status} is set only when it has no specifications. */
    public record StandardEntry(String citation, String title, String category, String status,
                                List<SpecificationEntry> specifications) {
        public StandardEntry {
            specifications = specifications == null ? List.of() : List.copyOf(specifications);
        }
    }

    /** {@code note} is a short gloss of the requirement, or {@code null}. */
    public record SpecificationEntry(String citation, String title, String note, String status) {
    }

    public record ProposedRule(String source, List<ChangeEntry> changes) {
    }

    /** {@code citations} may be {@code ["*"]}: the change applies to every item. */
    public record ChangeEntry(String requirement, List<String> citations, List<String> intervals) {
    }

    public static Contents load() {
        try (InputStream in = CatalogFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The catalog " + RESOURCE + " is missing from the class path");
            }
            return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, Contents.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog " + RESOURCE, e);
        }
    }
}
