package dev.safeguard.bench;

import dev.safeguard.SafeguardApplication;
import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditIntegrity;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.audit.AuditVerification;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Scope;
import dev.safeguard.identity.ServiceClients;
import dev.safeguard.identity.internal.UserStore;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.EmbeddedPostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The audit trail's benchmark (not a test): durable appends per second and their latency at 1, 16 and 64 concurrent
 * producers through the real group-commit appender, on SQLite and on PostgreSQL; full verification speed; and the
 * cost of the trail on an authenticated API call, measured as the same call against two in-process servers, one
 * with the trail and one whose trail is replaced by a no-op (a benchmark-only configuration; the product has no
 * switch to turn auditing off). Prints a Markdown report. Run with {@code bench/audit.sh}.
 */
public final class AuditBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int httpClients = Integer.parseInt(options.getOrDefault("http-clients", "16"));
        StringBuilder report = new StringBuilder();
        report.append("## Audit trail benchmark\n\n").append(machine()).append("\n\n");
        report.append("### Durable appends (group commit; each call returns after its commit)\n\n");
        report.append("| database | producers | appends/s | p50 µs | p99 µs |\n");
        report.append("|---|---:|---:|---:|---:|\n");
        StringBuilder verifications = new StringBuilder();
        verifications.append("\n### Full verification (recompute every leaf and the tree, check every signed tree head "
                + "and the checkpoint file)\n\n");
        verifications.append("| database | events | first run events/s | best of next ").append(VERIFY_RUNS - 1)
                .append(" runs events/s |\n|---|---:|---:|---:|\n");
        List<String> databases = List.of(options.getOrDefault("databases", "sqlite,postgres").split(","));
        int[] producerCounts = Arrays.stream(options.getOrDefault("producers", "1,16,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        for (String database : databases) {
            if (database.equals("none")) {
                continue;
            }
            try (ConfigurableApplicationContext context = context(database, WebApplicationType.NONE, false)) {
                AuditTrail trail = context.getBean(AuditTrail.class);
                for (int producers : producerCounts) {
                    run(trail, producers, 2);
                    Result result = run(trail, producers, seconds);
                    report.append(String.format("| %s | %d | %,.0f | %,.0f | %,.0f |%n", database,
                            producers, result.perSecond(), result.p(50) / 1e3, result.p(99) / 1e3));
                    progress(database + " " + producers + " producers: " + Math.round(result.perSecond()) + "/s");
                }
                verify(context, database, verifications);
            }
        }
        report.append(verifications);
        if (options.getOrDefault("http", "true").equals("false")) {
            System.out.println(report);
            System.exit(0);
        }
        report.append("\n### Cost of the trail on an authenticated call (`GET /api/ping`, API key, ")
                .append(httpClients).append(" clients, SQLite)\n\n");
        report.append("| server | requests/s | p50 ms | p99 ms |\n|---|---:|---:|---:|\n");
        for (boolean audited : new boolean[] {true, false}) {
            try (ConfigurableApplicationContext context = context("sqlite", WebApplicationType.SERVLET, !audited)) {
                Result result = http(context, httpClients, seconds);
                report.append(String.format("| %s | %,.0f | %.2f | %.2f |%n",
                        audited ? "with the audit trail" : "trail replaced by a no-op", result.perSecond(),
                        result.p(50) / 1e6, result.p(99) / 1e6));
                progress((audited ? "audited" : "no-op") + " http: " + Math.round(result.perSecond()) + "/s");
            }
        }
        System.out.println(report);
        System.exit(0);
    }

    static final int VERIFY_RUNS = 4;

    /** Verifies the trail the append rows left, several times: the first run includes JIT compilation. */
    private static void verify(ConfigurableApplicationContext context, String database, StringBuilder out) {
        AuditIntegrity integrity = context.getBean(AuditIntegrity.class);
        double first = 0;
        double best = 0;
        long events = 0;
        for (int run = 0; run < VERIFY_RUNS; run++) {
            long start = System.nanoTime();
            AuditVerification verification = integrity.verify();
            double perSecond = verification.treeSize() / ((System.nanoTime() - start) / 1e9);
            if (!verification.ok()) {
                throw new IllegalStateException("verification failed: " + verification);
            }
            events = verification.treeSize();
            if (run == 0) {
                first = perSecond;
            } else {
                best = Math.max(best, perSecond);
            }
            progress(database + " verification run " + (run + 1) + ": " + Math.round(perSecond) + " events/s");
        }
        out.append(String.format("| %s | %,d | %,.0f | %,.0f |%n", database, events, first, best));
    }

    record Result(long count, double seconds, long[] latencies) {
        /** All workers' latency samples, merged and sorted. */
        static Result of(List<long[]> samples, long[] counts, double seconds) {
            long total = Arrays.stream(counts).sum();
            long[] all = new long[(int) total];
            int k = 0;
            for (int w = 0; w < counts.length; w++) {
                System.arraycopy(samples.get(w), 0, all, k, (int) counts[w]);
                k += counts[w];
            }
            Arrays.sort(all);
            return new Result(total, seconds, all);
        }

        double perSecond() {
            return count / seconds;
        }

        double p(int percentile) {
            if (latencies.length == 0) {
                return 0;
            }
            return latencies[Math.min(latencies.length - 1, (int) Math.ceil(percentile / 100.0 * latencies.length) - 1)];
        }
    }

    private static Result run(AuditTrail trail, int producers, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> samples = new ArrayList<>();
        long[] counts = new long[producers];
        CountDownLatch done = new CountDownLatch(producers);
        Agent agent = new Agent("bench-user", null, List.of("clinician"), "bench-session", "127.0.0.1", "bench");
        for (int p = 0; p < producers; p++) {
            int index = p;
            long[] mine = new long[2_000_000];
            samples.add(mine);
            Thread thread = new Thread(() -> {
                int n = 0;
                while (!stop.get() && n < mine.length) {
                    long start = System.nanoTime();
                    trail.append(new AuditEvent("rest", "GET /fhir/Observation", Action.R, Outcome.SUCCESS, 200,
                            agent, "TREAT", "Observation", UUID.randomUUID().toString(), "1", "Patient/bench-" + n % 500,
                            "code=8867-4", 1, UUID.randomUUID().toString(), null));
                    mine[n++] = System.nanoTime() - start;
                }
                counts[index] = n;
                done.countDown();
            });
            thread.start();
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measurement window of a benchmark, not a test
        stop.set(true);
        done.await();
        return Result.of(samples, counts, (System.nanoTime() - start) / 1e9);
    }

    private static Result http(ConfigurableApplicationContext context, int clients, int seconds) throws Exception {
        UserStore users = context.getBean(UserStore.class);
        String officerId = UUID.randomUUID().toString();
        users.insert(officerId, "bench-officer", "Bench Officer", "unused-hash", System.currentTimeMillis(), null);
        Actor officer = new Actor(Actor.Kind.USER, officerId, "bench-officer", Set.of(Role.SECURITY_OFFICER),
                Set.of(), null, null);
        String key = context.getBean(ServiceClients.class).create(officer, "bench", null, List.of(Scope.fromId("system/*.read").orElseThrow()), List.of(),
                Duration.ofDays(1), new RequestOrigin("127.0.0.1", "bench")).apiKey();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Path certificate = Path.of(context.getEnvironment().getProperty("safeguard.data-dir"), "tls/server.crt");
        HttpClient http = HttpClient.newBuilder().sslContext(Api.trusting(certificate)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/ping"))
                .header("Authorization", "Bearer " + key).build();
        for (int i = 0; i < 2000; i++) {
            http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> samples = new ArrayList<>();
        long[] counts = new long[clients];
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int index = c;
            long[] mine = new long[1_000_000];
            samples.add(mine);
            new Thread(() -> {
                int n = 0;
                try {
                    while (!stop.get() && n < mine.length) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("status " + response.statusCode());
                        }
                        mine[n++] = System.nanoTime() - start;
                    }
                } catch (Exception e) {
                    progress("client failed: " + e);
                } finally {
                    counts[index] = n;
                    done.countDown();
                }
            }).start();
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measurement window of a benchmark, not a test
        stop.set(true);
        done.await();
        return Result.of(samples, counts, (System.nanoTime() - start) / 1e9);
    }

    private static ConfigurableApplicationContext context(String database, WebApplicationType type, boolean noAudit)
            throws Exception {
        Path root = Files.createTempDirectory("safeguard-audit-bench-");
        Map<String, Object> properties = new HashMap<>(Map.of(
                "safeguard.data-dir", root.resolve("data").toString(),
                "safeguard.keys-dir", root.resolve("keys").toString(),
                "safeguard.audit.checkpoint-file", root.resolve("checkpoints/heads.jsonl").toString(),
                "server.port", "0",
                "logging.level.root", "WARN",
                "logging.structured.format.console", "",
                "spring.main.log-startup-info", "false"));
        if (database.equals("postgres")) {
            EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.newDatabase();
            properties.put("safeguard.db-url", db.url());
            properties.put("safeguard.db-username", db.username());
            properties.put("safeguard.db-password", db.password());
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SafeguardApplication.class).web(type);
        if (noAudit) {
            builder.sources(NoAudit.class);
        }
        // As command-line arguments, so they take precedence over application.yaml's environment defaults.
        return builder.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    /** Benchmark-only: a trail that records nothing, to measure what the real one costs. Never in the product. */
    static class NoAudit {
        @Bean
        @Primary
        AuditTrail noAuditTrail() {
            return new AuditTrail() {
                @Override
                public long append(AuditEvent event) {
                    return 0;
                }

                @Override
                public <T> T atomically(java.util.function.Supplier<T> work) {
                    return work.get();
                }
            };
        }
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " vCPU, " + cpu + ", Java "
                + System.getProperty("java.version") + "; SQLite WAL synchronous=FULL, PostgreSQL 18 (embedded, "
                + "local socket, default fsync).";
    }

    private static void progress(String line) {
        System.err.println("[audit-bench] " + line);
    }
}
