package dev.safeguard.bench;

import dev.safeguard.testing.Api;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * The packaged server ({@code java -jar safeguard.jar}) as a child process, listening on 127.0.0.1 only, on a free
 * port, with fresh data and key directories in a temporary folder. It is stopped on {@link #close()} and, should the
 * load generator die first, by a shutdown hook. The server's output goes to {@code server.log} in that folder, which
 * is kept when start-up fails.
 */
final class SafeguardServer implements AutoCloseable {

    private static final String TOKEN_LINE = "SAFEGUARD_SETUP_TOKEN=";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path home;
    private final int port;
    private final String setupToken;
    private final Thread stopOnExit;

    private SafeguardServer(Process process, Path home, int port, String setupToken, Thread stopOnExit) {
        this.process = process;
        this.home = home;
        this.port = port;
        this.setupToken = setupToken;
        this.stopOnExit = stopOnExit;
    }

    /**
     * Starts the jar and returns once it prints its setup token and {@code /actuator/health} answers 200.
     *
     * @param serverArguments extra {@code --property=value} arguments for the server
     */
    static SafeguardServer start(Path jar, List<String> serverArguments) throws IOException, InterruptedException {
        return start(jar, List.of(), java.util.Map.of(), serverArguments);
    }

    /**
     * @param jvmOptions      options for the server's JVM, e.g. {@code -Xmx512m}
     * @param environment     extra environment, e.g. {@code SAFEGUARD_DB_URL} for PostgreSQL
     */
    static SafeguardServer start(Path jar, List<String> jvmOptions, java.util.Map<String, String> environment,
                                 List<String> serverArguments) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " does not exist; build it with "
                    + "'./mvnw -DskipTests package' (bench/load.sh does this)");
        }
        Path home = Files.createTempDirectory("safeguard-bench-");
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.address=127.0.0.1"));
        command.addAll(serverArguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SAFEGUARD_"));
        builder.environment().put("SAFEGUARD_DATA_DIR", home.resolve("data").toString());
        builder.environment().put("SAFEGUARD_KEYS_DIR", home.resolve("keys").toString());
        builder.environment().put("SAFEGUARD_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread stopOnExit = new Thread(() -> stop(process), "stop-safeguard-server");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        boolean started = false;
        try {
            String token = awaitSetupToken(process, home.resolve("server.log"));
            SafeguardServer server = new SafeguardServer(process, home, port, token, stopOnExit);
            server.awaitHealthy();
            started = true;
            return server;
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; the server's output is in "
                    + home.resolve("server.log") + ":\n" + tail(home.resolve("server.log")), e);
        } finally {
            if (!started) {
                stop(process);
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
        }
    }

    URI base() {
        return URI.create("https://127.0.0.1:" + port + "/");
    }

    /** The certificate the server generated for itself; clients trust exactly this one. */
    Path certificate() {
        return home.resolve("data/tls/server.crt");
    }

    SSLContext ssl() {
        return Api.trusting(certificate());
    }

    String setupToken() {
        return setupToken;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Stops the server (gracefully, then forcibly) and deletes its temporary data. */
    @Override
    public void close() throws IOException {
        stop(process);
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static String awaitSetupToken(Process process, Path log) throws InterruptedException {
        CompletableFuture<String> token = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); BufferedWriter out = Files.newBufferedWriter(log)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.strip().startsWith(TOKEN_LINE)) {
                        token.complete(line.strip().substring(TOKEN_LINE.length()));
                    }
                }
            } catch (IOException e) {
                token.completeExceptionally(e);
            }
            token.completeExceptionally(new IllegalStateException(
                    "The server exited before printing its setup token"));
        }, "safeguard-server-output");
        copier.setDaemon(true);
        copier.start();
        try {
            return token.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("No setup token after " + START_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().sslContext(ssl()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(base().resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("/actuator/health did not answer 200 (last: " + last + ", server "
                + (process.isAlive() ? "running" : "exited with " + process.exitValue()) + ")");
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
