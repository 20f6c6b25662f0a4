package dev.safeguard.program.policies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core policy templates shipped in the jar: {@code program/policies/templates.json} lists them (id, title,
 * citations, review cadence, whether acknowledgment is required) and each one's Markdown is
 * {@code program/policies/<id>.md}, with placeholders such as {@code {{organization}}}.
 *
 * <p>Guarantees: {@link #load()} fails (and so does start-up) on a missing or duplicate file, a text whose first
 * heading is not the listed title, or a placeholder not in {@link #PLACEHOLDERS}; {@link #fill} leaves no
 * placeholder behind.
 */
public final class PolicyTemplateFiles {

    public static final String INDEX = "program/policies/templates.json";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{2,63}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    /** Every placeholder a template may hold; each is filled at creation from settings and the workforce. */
    public static final Set<String> PLACEHOLDERS = Set.of("organization", "security_official", "session_inactivity",
            "session_absolute", "lockout_threshold", "break_glass_default", "break_glass_max", "break_glass_review",
            "acknowledgment_due", "review_cadence");

    private PolicyTemplateFiles() {
    }

    /** One listed template. */
    public record Entry(String id, String title, List<String> citations, int reviewMonths,
                        boolean acknowledgmentRequired, String markdown) {
        public Entry {
            citations = List.copyOf(citations);
        }
    }

    private record IndexEntry(String id, String title, List<String> citations, int reviewMonths,
                              boolean acknowledgmentRequired) {
    }

    private record Index(List<IndexEntry> templates) {
    }

    public static List<Entry> load() {
        Index index;
        try (InputStream in = resource(INDEX)) {
            index = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, Index.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the policy templates' index " + INDEX, e);
        }
        Set<String> ids = new HashSet<>();
        return index.templates().stream().map(t -> {
            if (t.id() == null || !ID.matcher(t.id()).matches() || !ids.add(t.id())) {
                throw new IllegalStateException("Policy templates: the id '" + t.id() + "' is missing, malformed or "
                        + "listed twice");
            }
            if (t.citations() == null || t.citations().isEmpty()) {
                throw new IllegalStateException("Policy template " + t.id() + " names no citation");
            }
            if (t.reviewMonths() < 1 || t.reviewMonths() > 36) {
                throw new IllegalStateException("Policy template " + t.id() + ": reviewMonths must be 1 to 36");
            }
            String markdown = text("program/policies/" + t.id() + ".md");
            String heading = markdown.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip())
                    .orElse("");
            if (!heading.equals(t.title())) {
                throw new IllegalStateException("Policy template " + t.id() + ": its first heading '" + heading
                        + "' is not its title '" + t.title() + "'");
            }
            Set<String> unknown = new HashSet<>(placeholders(markdown));
            unknown.removeAll(PLACEHOLDERS);
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("Policy template " + t.id() + " holds unknown placeholders " + unknown);
            }
            return new Entry(t.id(), t.title(), t.citations(), t.reviewMonths(), t.acknowledgmentRequired(), markdown);
        }).toList();
    }

    /** The placeholder names used in {@code markdown}. */
    public static Set<String> placeholders(String markdown) {
        Set<String> names = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(markdown);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The text with every placeholder replaced by its value.
     *
     * @throws IllegalArgumentException when a placeholder has no value
     */
    public static String fill(String markdown, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for the placeholder {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the policy template " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = PolicyTemplateFiles.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The policy template file " + name + " is missing from the class path");
        }
        return in;
    }
}
