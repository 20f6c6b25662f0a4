package dev.safeguard.bench;

import dev.safeguard.bench.BenchFixture.Login;
import dev.safeguard.bench.ClosedLoop.OnRejected;
import dev.safeguard.testing.Api;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The load benchmark: starts {@code target/safeguard.jar} on a free local port with fresh data, sets it up through
 * its API, then measures sign-in (the Argon2id password step, up to and past the hashing executor's capacity) and the
 * cost of authenticating a no-op request. Prints a Markdown report to standard output, progress to standard error.
 * Run it with {@code bench/load.sh}; it is a benchmark, not a test, and CI does not run it.
 *
 * <p>Options: {@code --seconds=N} per measured row (default 15), {@code --warmup-seconds=N} (default 10),
 * {@code --users=N} accounts to sign in as (default 16), {@code --jar=PATH} (default target/safeguard.jar); any
 * {@code --safeguard.*=value} or {@code --server.*=value} is passed to the server, e.g.
 * {@code --safeguard.identity.hashing-queue=64}.
 */
public final class LoadGenerator {

    private static final int PING_CLIENTS = 16;
    private static final int PING_WARMUP_TURNS = 3;
    private static final int PING_ROUNDS = 2;
    private static final int[] LOGIN_CLIENTS = {4, 16, 64};

    private LoadGenerator() {
    }

    record Options(Path jar, Duration window, Duration warmup, int users, List<String> serverArguments) {

        static Options parse(String... args) {
            Path jar = Path.of("target/safeguard.jar");
            int seconds = 15;
            int warmupSeconds = 10;
            int users = 16;
            List<String> serverArguments = new ArrayList<>();
            for (String arg : args) {
                String value = arg.substring(arg.indexOf('=') + 1);
                if (arg.startsWith("--seconds=")) {
                    seconds = positive(arg, value);
                } else if (arg.startsWith("--warmup-seconds=")) {
                    warmupSeconds = positive(arg, value);
                } else if (arg.startsWith("--users=")) {
                    users = positive(arg, value);
                } else if (arg.startsWith("--jar=")) {
                    jar = Path.of(value);
                } else if ((arg.startsWith("--safeguard.") || arg.startsWith("--server.")) && arg.contains("=")) {
                    serverArguments.add(arg);
                } else {
                    throw new IllegalArgumentException("Unknown option '" + arg + "'; use --seconds=N, "
                            + "--warmup-seconds=N, --users=N, --jar=PATH or --safeguard.<property>=<value>");
                }
            }
            return new Options(jar, Duration.ofSeconds(seconds), Duration.ofSeconds(warmupSeconds), users,
                    List.copyOf(serverArguments));
        }

        private static int positive(String arg, String value) {
            if (!value.matches("[1-9][0-9]{0,5}")) {
                throw new IllegalArgumentException(arg + ": expected a whole number from 1 to 999999");
            }
            return Integer.parseInt(value);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = new Report().machine(options.jar(), options.serverArguments(),
                (int) options.window().toSeconds());
        progress("Starting " + options.jar() + " " + String.join(" ", options.serverArguments()));
        try (SafeguardServer server = SafeguardServer.start(options.jar(), options.serverArguments())) {
            progress("Server up at " + server.base() + "; creating the officer, " + options.users()
                    + " users and a service client");
            BenchFixture fixture = BenchFixture.create(server, options.users());
            ClosedLoop loop = new ClosedLoop(server.ssl(), server.handle());
            URI base = server.base();
            HttpRequest anonymous = ping(base, null);
            HttpRequest bearer = ping(base, fixture.apiKey());
            List<HttpRequest> logins = fixture.users().stream().map(user -> login(base, user)).toList();
            IntFunction<HttpRequest> login = i -> logins.get(i % logins.size());

            // Each workload warms up right before its rows, so that the garbage of Argon2id (19 MiB per check) does
            // not land in the no-op's rows. The no-op needs long: on 2 vCPU its throughput still rose by half during
            // the first minute of load, so both variants warm up in turns and are then measured in two rounds.
            progress("Warming up the no-op for " + options.warmup().multipliedBy(2 * PING_WARMUP_TURNS).toSeconds()
                    + " s");
            for (int turn = 0; turn < PING_WARMUP_TURNS; turn++) {
                loop.run("warm-up", PING_CLIENTS, options.warmup(), i -> anonymous, OnRejected.WAIT_RETRY_AFTER);
                loop.run("warm-up", PING_CLIENTS, options.warmup(), i -> bearer, OnRejected.WAIT_RETRY_AFTER);
            }
            List<PhaseResult> pings = new ArrayList<>();
            for (int round = 1; round <= PING_ROUNDS; round++) {
                pings.add(measure(loop, "unauthenticated, round " + round, PING_CLIENTS, options.window(),
                        i -> anonymous, OnRejected.WAIT_RETRY_AFTER));
                pings.add(measure(loop, "Bearer API key, round " + round, PING_CLIENTS, options.window(),
                        i -> bearer, OnRejected.WAIT_RETRY_AFTER));
            }
            progress("Warming up sign-in for " + options.warmup().toSeconds() + " s");
            loop.run("warm-up", 4, options.warmup(), login, OnRejected.WAIT_RETRY_AFTER);
            List<PhaseResult> signIns = new ArrayList<>();
            for (int clients : LOGIN_CLIENTS) {
                signIns.add(measure(loop, "login", clients, options.window(), login, OnRejected.WAIT_RETRY_AFTER));
            }
            signIns.add(measure(loop, "login", LOGIN_CLIENTS[LOGIN_CLIENTS.length - 1], options.window(), login,
                    OnRejected.RETRY_AT_ONCE));

            List<PhaseResult> all = new ArrayList<>(signIns);
            all.addAll(pings);
            System.out.print(report.login(signIns).ping(pings).caveats(all));
            progress("Stopping the server");
        }
    }

    private static PhaseResult measure(ClosedLoop loop, String name, int clients, Duration window,
                                       IntFunction<HttpRequest> requestFor, OnRejected onRejected)
            throws InterruptedException {
        progress("Measuring " + name + " with " + clients + " clients that " + onRejected.description + " for "
                + window.toSeconds() + " s");
        PhaseResult result = loop.run(name, clients, window, requestFor, onRejected);
        if (result.drain().toSeconds() >= 2) {
            progress("Requests in flight at the end of the window took " + result.drain().toMillis() + " ms more");
        }
        if (result.tally().errors > 0) {
            progress(result.tally().errors + " requests got no answer; the first: " + result.tally().firstError);
        }
        return result;
    }

    private static HttpRequest ping(URI base, String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve("/api/ping"))
                .timeout(ClosedLoop.REQUEST_TIMEOUT).header("Accept", "application/json");
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder.GET().build();
    }

    private static HttpRequest login(URI base, Login user) {
        String body = Api.JSON.writeValueAsString(Api.map("username", user.username(), "password", user.password()));
        return HttpRequest.newBuilder(base.resolve("/api/auth/login")).timeout(ClosedLoop.REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
