package dev.safeguard.testing;

import dev.safeguard.platform.OperatorConsole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps what the server prints for the operator, so tests can read the setup token as an operator would. */
public final class RecordingOperatorConsole extends OperatorConsole {

    private static final Pattern TOKEN = Pattern.compile("SAFEGUARD_SETUP_TOKEN=(\\S+)");
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void println(String line) {
        lines.add(line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last setup token printed. */
    public String setupToken() {
        String token = null;
        for (String line : lines) {
            Matcher m = TOKEN.matcher(line);
            while (m.find()) {
                token = m.group(1);
            }
        }
        if (token == null) {
            throw new AssertionError("No setup token was printed; printed: " + lines);
        }
        return token;
    }
}
