package dev.safeguard.program.training;

import dev.safeguard.program.internal.Markdown;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What the program reads from a training module's Markdown: its title (the first level-1 heading), its version (the
 * SHA-256 of the exact text, so any change is a new version), its acknowledgment statement (the paragraph under an
 * "Acknowledgment" heading) and its length in words.
 */
public record TrainingModuleText(String content, String title, String version, String statement, int words) {

    /** Reads the text. */
    public static TrainingModuleText of(String content) {
        return new TrainingModuleText(content, Markdown.title(content), sha256(content), statement(content),
                words(content));
    }

    /** The text under the level-2 heading "Acknowledgment" (or "Acknowledgement"), as one line; or {@code null}. */
    static String statement(String content) {
        List<String> lines = content.lines().toList();
        StringBuilder statement = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                if (inside) {
                    break;
                }
                String heading = stripped.replaceFirst("^#+", "").strip().toLowerCase(Locale.ROOT);
                inside = stripped.startsWith("## ") && (heading.equals("acknowledgment")
                        || heading.equals("acknowledgement"));
                continue;
            }
            if (inside && !stripped.isEmpty()) {
                if (!statement.isEmpty()) {
                    statement.append(' ');
                }
                statement.append(stripped);
            }
        }
        return statement.isEmpty() ? null : statement.toString();
    }

    static int words(String content) {
        return (int) java.util.Arrays.stream(content.split("\\s+")).filter(w -> w.chars().anyMatch(
                Character::isLetterOrDigit)).count();
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
