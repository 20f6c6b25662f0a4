package dev.safeguard.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar run as a child process in a working directory, as an operator would run it: the jar itself, or
 * the jar extracted the way Spring Boot recommends for production ({@link #extracted}), which starts faster.
 */
public final class ServerProcess implements AutoCloseable {

    private final Path workDir;
    private final Path jar;
    private final int port;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;

    public ServerProcess(Path workDir) throws IOException {
        this(workDir, jar());
    }

    /** A server that runs {@code jar}: the packaged one, or the launcher of an {@link #extracted} copy. */
    public ServerProcess(Path workDir, Path jar) throws IOException {
        this.workDir = workDir;
        this.jar = jar;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public static Path jar() {
        return Path.of(System.getProperty("safeguard.jar", "target/safeguard.jar")).toAbsolutePath();
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Extracts the packaged jar into {@code directory} ({@code java -Djarmode=tools -jar safeguard.jar extract}): a
     * launcher jar and its libraries as plain files, so classes load without unpacking nested jars. Returns the
     * launcher, which runs exactly like the packaged jar.
     */
    public static Path extracted(Path directory) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar().toString(), "extract",
                "--destination", directory.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("Extracting the jar failed: " + text);
        }
        Path launcher = directory.resolve(jar().getFileName());
        if (!Files.isRegularFile(launcher)) {
            throw new AssertionError("The extracted launcher is missing: " + launcher + "; " + text);
        }
        return launcher;
    }

    public void start() throws IOException {
        output.clear();
        // C1 only: these servers live for seconds, so start-up time matters more than peak speed.
        ProcessBuilder builder = new ProcessBuilder(java(), "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("SAFEGUARD_PORT", Integer.toString(port));
        builder.environment().remove("SAFEGUARD_DATA_DIR");
        builder.environment().remove("SAFEGUARD_DB_URL");
        process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().forEach(output::add);
            } catch (IOException | java.io.UncheckedIOException ended) {
                output.add("[output closed]");
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the certificate exists and the health endpoint answers 200; returns a client for the server. */
    public Api awaitUp() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Path certificate = workDir.resolve("data/tls/server.crt");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The server exited: " + output);
            }
            if (Files.exists(certificate)) {
                try {
                    Api api = new Api(URI.create("https://localhost:" + port + "/"), certificate);
                    if (api.get("/actuator/health").status() == 200) {
                        return api;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
            }
            pause(Duration.ofMillis(200));
        }
        throw new AssertionError("The server did not answer UP within 120 s: " + output);
    }

    /** Graceful stop (SIGTERM). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Runs an operator command with the same jar and working directory; returns exit code and output. */
    public Command run(String... args) throws IOException, InterruptedException {
        return run(java.util.Map.of(), args);
    }

    /** Runs an operator command with extra environment variables (e.g. a passphrase the command reads). */
    public Command run(java.util.Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().remove("SAFEGUARD_DATA_DIR");
        builder.environment().remove("SAFEGUARD_DB_URL");
        builder.environment().putAll(environment);
        Process p = builder.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Command did not finish: " + command);
        }
        return new Command(p.exitValue(), text);
    }

    public record Command(int exitCode, String output) {
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    public String find(Pattern pattern) {
        return output.stream().map(pattern::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("Not printed: " + pattern + " in " + output));
    }

    public Path workDir() {
        return workDir;
    }

    static void pause(Duration duration) {
        java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
