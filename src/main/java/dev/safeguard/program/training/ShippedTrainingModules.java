package dev.safeguard.program.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training modules shipped in the jar ({@code program/training/}): an index ({@code modules.json}) naming each
 * module's id, Markdown file, catalog items and cadence. Read at start-up; the text is data written for Safeguard's
 * users, checked by a test (length, do and don't lists, self-check, acknowledgment).
 */
public final class ShippedTrainingModules {

    public static final String DIRECTORY = "program/training/";

    private ShippedTrainingModules() {
    }

    /** One shipped module with its text. */
    public record Module(String id, String file, List<String> citations, boolean atHire, boolean annual,
                         String content) {
        public Module {
            citations = List.copyOf(citations);
        }

        public Module withContent(String text) {
            return new Module(id, file, citations, atHire, annual, text);
        }
    }

    public static List<Module> load() {
        List<Module> index;
        try (InputStream in = resource("modules.json")) {
            index = List.of(JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, Module[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DIRECTORY + "modules.json", e);
        }
        return index.stream().map(m -> m.withContent(text(m.file()))).toList();
    }

    private static String text(String file) {
        try (InputStream in = resource(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DIRECTORY + file, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ShippedTrainingModules.class.getClassLoader().getResourceAsStream(DIRECTORY + name);
        if (in == null) {
            throw new IllegalStateException(DIRECTORY + name + " is missing from the class path");
        }
        return in;
    }
}
