package dev.safeguard.program.inventory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Draws DOT as SVG with Graphviz's {@code dot} program when it is installed (it is optional): found on the
 * {@code PATH}, run with the DOT on standard input, killed after {@link #TIMEOUT}. The result says why there is no
 * SVG when there is none.
 */
@Component
public class Graphviz {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_SVG_BYTES = 8 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Graphviz.class);

    /** An SVG, or why there is none. */
    public record Drawing(String svg, String note) {
    }

    public Drawing svg(String dot) {
        Optional<Path> program = program();
        if (program.isEmpty()) {
            return new Drawing(null, "Graphviz is not installed on the server (no 'dot' program on the PATH), so the "
                    + "map is shown as DOT source; install Graphviz to see it drawn");
        }
        Process process;
        try {
            process = new ProcessBuilder(program.get().toString(), "-Tsvg")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            log.warn("Cannot start Graphviz dot: {}", e.getMessage());
            return new Drawing(null, "Graphviz could not be started, so the map is shown as DOT source");
        }
        try {
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(dot.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Drawing(null, "Graphviz did not finish within " + TIMEOUT.toSeconds() + " s, so the map is "
                        + "shown as DOT source");
            }
            byte[] svg = output.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0 || svg == null) {
                return new Drawing(null, "Graphviz failed (exit " + process.exitValue() + "), so the map is shown as "
                        + "DOT source");
            }
            return new Drawing(new String(svg, StandardCharsets.UTF_8), null);
        } catch (IOException | ExecutionException | TimeoutException e) {
            return new Drawing(null, "Graphviz failed, so the map is shown as DOT source");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Drawing(null, "Interrupted while Graphviz drew the map");
        } finally {
            process.destroyForcibly();
        }
    }

    /** The {@code dot} executable on the {@code PATH}, if any. */
    public static Optional<Path> program() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_SVG_BYTES + 1);
            return bytes.length > MAX_SVG_BYTES ? null : bytes;
        } catch (IOException e) {
            return null;
        }
    }
}
