package dev.safeguard.platform;

import java.io.PrintStream;
import org.springframework.stereotype.Component;

/**
 * Lines meant for the operator at the terminal (the one-time setup token, the certificate fingerprint). They go to
 * standard output and deliberately not to the structured log, so that log shipping never carries the token.
 */
@Component
public class OperatorConsole {

    private final PrintStream out;

    public OperatorConsole() {
        this(System.out);
    }

    protected OperatorConsole(PrintStream out) {
        this.out = out;
    }

    public void println(String line) {
        out.println(line);
        out.flush();
    }
}
