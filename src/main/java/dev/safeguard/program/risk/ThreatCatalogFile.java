package dev.safeguard.program.risk;

import dev.safeguard.program.Threat;
import dev.safeguard.program.internal.CsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the shipped threat and vulnerability catalog, {@code program/threats.csv} in the jar. A broken catalog stops
 * the start: it is part of the product, not user input.
 */
public final class ThreatCatalogFile {

    public static final String RESOURCE = "program/threats.csv";
    static final List<String> COLUMNS = List.of("id", "kind", "category", "title", "description", "controls");

    private ThreatCatalogFile() {
    }

    public static List<Threat> load() {
        try (InputStream in = ThreatCatalogFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The threat catalog " + RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Threat> parse(String csv) {
        List<Threat> threats = CsvTable.read(csv, COLUMNS, COLUMNS).stream().map(row -> {
            List<String> controls = SpecificationIds.split(row.get("controls"));
            if (!controls.stream().allMatch(SpecificationIds::valid) || !List.of("threat", "vulnerability")
                    .contains(row.get("kind"))) {
                throw new IllegalStateException("The threat catalog " + RESOURCE + " is broken at line " + row.line());
            }
            return new Threat(row.get("id"), row.get("kind"), row.get("category"), row.get("title"),
                    row.get("description"), controls);
        }).toList();
        if (threats.stream().map(Threat::id).distinct().count() != threats.size()) {
            throw new IllegalStateException("The threat catalog " + RESOURCE + " repeats an id");
        }
        return threats;
    }
}
