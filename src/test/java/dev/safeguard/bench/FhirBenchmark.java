package dev.safeguard.bench;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.EmbeddedPostgresServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The vault under load ({@code bench/fhir.sh}): for each database, starts the packaged server with a 512 MiB heap
 * on fresh data, bulk-loads Synthea transaction Bundles from ../shared/fixtures (resources/s), then measures create,
 * read, search (20 results a page) and update at 16 and 64 clients over HTTPS with encryption and the synchronous
 * audit trail on. Prints a Markdown report.
 */
public final class FhirBenchmark {

    private static final Path SYNTHEA = Path.of("..", "shared", "fixtures", "fhir", "synthea");

    private FhirBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The embedded PostgreSQL's start-up chatter would land in the report on standard output.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Path jar = Path.of(options.getOrDefault("jar", "target/safeguard.jar"));
        Duration window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "10")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-seconds", "5")));
        int bundles = Integer.parseInt(options.getOrDefault("bundles", "4"));
        List<Integer> clientCounts = Stream.of(options.getOrDefault("clients", "16,64").split(","))
                .map(Integer::valueOf).toList();
        StringBuilder report = new StringBuilder("## Safeguard FHIR vault benchmark (`bench/fhir.sh`)\n\n");
        report.append(String.format(Locale.ROOT, "- Machine: %d CPUs, Java %s; server `-Xmx512m`, HTTPS on 127.0.0.1, "
                        + "encryption and the synchronous audit trail on; closed loop, %d s per row after %d s warm-up%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), window.toSeconds(),
                warmup.toSeconds()));
        StringBuilder load = new StringBuilder("### Bulk load of Synthea transaction Bundles (one client)\n\n"
                + "| database | bundles | resources | seconds | resources/s |\n|---|---:|---:|---:|---:|\n");
        StringBuilder table = new StringBuilder("### Interactions\n\n| database | interaction | clients | requests/s "
                + "| p50 | p99 | other status / errors | server CPU per request |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder memory = new StringBuilder("### Server memory\n\n| database | peak resident set |\n|---|---:|\n");
        for (String database : options.getOrDefault("databases", "sqlite,postgres").split(",")) {
            Map<String, String> environment = new HashMap<>();
            if (database.equals("postgres")) {
                EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.newDatabase();
                environment.put("SAFEGUARD_DB_URL", db.url());
                environment.put("SAFEGUARD_DB_USERNAME", db.username());
                environment.put("SAFEGUARD_DB_PASSWORD", db.password());
            }
            progress("Starting the server on " + database);
            List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
            if (options.containsKey("server-jvm")) {
                jvm.addAll(List.of(options.get("server-jvm").split(" ")));
            }
            try (SafeguardServer server = SafeguardServer.start(jar, jvm, environment, List.of())) {
                BenchFixture fixture = BenchFixture.create(server, 0, List.of("system/*.read", "system/*.write"));
                Api api = new Api(server.base(), server.certificate()).bearer(fixture.apiKey());
                List<String> observations = new ArrayList<>();
                Map<String, Integer> perPatient = new HashMap<>();
                List<Path> files;
                try (Stream<Path> list = Files.list(SYNTHEA)) {
                    files = list.filter(p -> p.toString().endsWith(".json")).sorted().limit(bundles).toList();
                }
                long resources = 0;
                long start = System.nanoTime();
                for (Path file : files) {
                    Api.Response response = api.send(api.request("/fhir").header("Content-Type",
                            "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(Files.readString(file))));
                    if (response.status() != 200) {
                        throw new IllegalStateException("Loading " + file + " answered " + response);
                    }
                    for (JsonNode entry : response.json().get("entry")) {
                        resources++;
                        String location = entry.get("response").get("location").asString();
                        if (location.startsWith("Observation/")) {
                            observations.add(location.substring(0, location.indexOf("/_history")));
                        }
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                load.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.0f |%n", database, files.size(),
                        resources, seconds, resources / seconds));
                progress(database + ": loaded " + resources + " resources in " + Math.round(seconds) + " s");
                for (String observation : observations.subList(0, Math.min(50, observations.size()))) {
                    String subject = api.get("/fhir/" + observation).json().get("subject").get("reference").asString();
                    perPatient.merge(subject, 1, Integer::sum);
                }
                String patient = perPatient.keySet().iterator().next();
                // Creates go to a patient of their own, so the searched patient keeps its ~100 observations.
                String writtenPatient = "Patient/" + api.send(api.request("/fhir/Patient").header("Content-Type",
                        "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"resourceType\":\"Patient\",\"gender\":\"unknown\"}"))).json().get("id").asString();

                URI base = server.base();
                String key = fixture.apiKey();
                String body = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                        + "\"http://loinc.org\",\"code\":\"8867-4\"}]},\"subject\":{\"reference\":\"" + writtenPatient
                        + "\"},\"valueQuantity\":{\"value\":72,\"unit\":\"/min\"}}";
                IntFunction<HttpRequest> create = i -> request(base, "fhir/Observation", key)
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                IntFunction<HttpRequest> read = i -> request(base, "fhir/" + observations.get(i % observations.size()),
                        key).GET().build();
                IntFunction<HttpRequest> search = i -> request(base, "fhir/Observation?patient=" + patient
                        + "&_count=20", key).GET().build();
                IntFunction<HttpRequest> update = i -> {
                    String id = observations.get(i % observations.size());
                    return request(base, "fhir/" + id, key).header("Content-Type", "application/fhir+json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body.replace("{\"resourceType\":\"Observation\",",
                                    "{\"resourceType\":\"Observation\",\"id\":\"" + id.substring(id.indexOf('/') + 1)
                                            + "\","))).build();
                };
                ClosedLoop loop = new ClosedLoop(server.ssl(), server.handle());
                Map<String, IntFunction<HttpRequest>> interactions = new java.util.LinkedHashMap<>();
                interactions.put("create", create);
                interactions.put("read", read);
                interactions.put("search (20 results)", search);
                interactions.put("update", update);
                List<String> only = List.of(options.getOrDefault("interactions", String.join(",",
                        interactions.keySet())).split(","));
                interactions.keySet().removeIf(name -> only.stream().noneMatch(name::startsWith));
                for (var interaction : interactions.entrySet()) {
                    loop.run("warm-up", 16, warmup, interaction.getValue(), ClosedLoop.OnRejected.WAIT_RETRY_AFTER);
                    for (int clients : clientCounts) {
                        PhaseResult r = loop.run(interaction.getKey(), clients, window, interaction.getValue(),
                                ClosedLoop.OnRejected.WAIT_RETRY_AFTER);
                        Tally t = r.tally();
                        table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.1f ms | %.1f ms | %d / %d "
                                        + "| %.0f µs |%n", database, interaction.getKey(), clients,
                                r.perSecond(t.ok.count()), t.ok.quantile(0.50) / 1e6, t.ok.quantile(0.99) / 1e6,
                                t.otherStatus + t.rejected.count(), t.errors, r.serverCpuMicrosPerRequest()));
                        progress(database + " " + interaction.getKey() + " " + clients + ": "
                                + Math.round(r.perSecond(t.ok.count())) + "/s");
                    }
                }
                memory.append("| ").append(database).append(" | ").append(peakRss(server.handle())).append(" |\n");
            }
        }
        System.out.println(report.append(load).append('\n').append(table).append('\n').append(memory));
        System.exit(0);
    }

    private static HttpRequest.Builder request(URI base, String path, String key) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(ClosedLoop.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + key).header("Accept", "application/fhir+json");
    }

    /** VmHWM of the server process (Linux), the most memory it held at once. */
    private static String peakRss(ProcessHandle server) {
        try {
            return Files.readAllLines(Path.of("/proc/" + server.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).findFirst().map(l -> l.substring(6).strip()).orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void progress(String line) {
        System.err.println("[fhir-bench] " + line);
    }
}
