package dev.safeguard.bench;

import ca.uhn.fhir.context.FhirContext;
import dev.safeguard.SafeguardApplication;
import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.backup.BackupRun;
import dev.safeguard.backup.BackupVerification;
import dev.safeguard.backup.Backups;
import dev.safeguard.backup.CommandOutput;
import dev.safeguard.backup.RestoreDrill;
import dev.safeguard.backup.RestoreDrills;
import dev.safeguard.backup.RestoreResult;
import dev.safeguard.backup.RestoreTarget;
import dev.safeguard.backup.Restores;
import dev.safeguard.platform.StorageSettings;
import dev.safeguard.records.internal.ResourceVault;
import dev.safeguard.shared.SecurityEvent.Action;
import dev.safeguard.shared.SecurityEvent.Agent;
import dev.safeguard.shared.SecurityEvent.Outcome;
import dev.safeguard.testing.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The backup benchmark (not a test): builds a vault of synthetic patients (default 10,000, each with 20 resources:
 * the Patient, 10 Observations, 3 Conditions, 3 Encounters, 2 MedicationRequests and an AllergyIntolerance), loaded
 * in-process through the vault's own write path (encrypted per patient, MAC'd, indexed, each resource audited in the
 * same transaction; one transaction per patient, as a FHIR transaction Bundle would be), then times {@code backup
 * create}, a full verification, a restore into a new database of the same kind, and a restore drill (restore into a
 * scratch SQLite directory plus row counts, audit tree and a 200-version decryption sample), and reports sizes. On
 * SQLite and on PostgreSQL (embedded). Prints a Markdown report. Run with {@code bench/backup.sh}.
 */
public final class BackupBenchmark {

    private static final String[] FAMILIES = {"Garcia", "Nguyen", "Okafor", "Schmidt", "Kowalski", "Haddad", "Tanaka",
            "Silva", "Novak", "Moreau"};

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int patients = Integer.parseInt(options.getOrDefault("patients", "10000"));
        List<String> databases = List.of(options.getOrDefault("databases", "sqlite,postgres").split(","));
        StringBuilder report = new StringBuilder("## Backup benchmark\n\n").append(machine()).append("\n\n")
                .append(patients).append(" patients × 20 resources, loaded in-process through the vault's write path "
                        + "(one transaction per patient with its 20 audit events; a transaction the trail answers with "
                        + "503 is retried after its Retry-After, as a client would).\n\n")
                .append("| database | load | resources | audit events | rows | database size | backup size | "
                        + "backup create | verify | restore (same database kind) | restore drill (recovery time) |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String database : databases) {
            report.append(run(database.strip(), patients)).append('\n');
        }
        System.out.println(report);
    }

    private static String run(String database, int patients) throws Exception {
        Path root = Files.createTempDirectory("safeguard-backup-bench-");
        Map<String, String> properties = new LinkedHashMap<>(Map.of(
                "safeguard.data-dir", root.resolve("data").toString(),
                "safeguard.keys-dir", root.resolve("keys").toString(),
                "safeguard.audit.checkpoint-file", root.resolve("checkpoints/audit-tree-heads.jsonl").toString(),
                "safeguard.backup.dir", root.resolve("backups").toString(),
                "safeguard.backup.keys-dir", root.resolve("key-backups").toString(),
                "safeguard.backup.drill-dir", root.resolve("drills").toString(),
                "safeguard.backup.scheduled", "false",
                "safeguard.backup.verify-after-create", "false",
                "safeguard.program.evaluation-first-delay", "24h",
                "safeguard.program.metrics-first-delay", "24h"));
        // The loader writes without pause (no network in between), so on SQLite the lookup indexer's catch-up
        // transactions would compete with it for the write lock; it catches up after the load instead.
        properties.put("safeguard.audit.lookup-interval", "1h");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.structured.format.console", "");
        if (database.equals("postgres")) {
            EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.newDatabase();
            properties.put("safeguard.db-url", db.url());
            properties.put("safeguard.db-username", db.username());
            properties.put("safeguard.db-password", db.password());
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SafeguardApplication.class)
                .web(WebApplicationType.NONE).run(properties.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
            RETRIES.set(0);
            long t0 = System.nanoTime();
            long resources = load(context, patients);
            long loadMillis = millis(t0);
            progress(database + ": loaded " + resources + " resources in " + CommandOutput.duration(loadMillis)
                    + " (" + RETRIES.get() + " transactions retried after a 503)");
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            StorageSettings storage = context.getBean(StorageSettings.class);
            long events = jdbc.sql("SELECT COUNT(*) FROM audit_events").query(Long.class).single();
            long dbSize = storage.postgres() ? jdbc.sql("SELECT pg_database_size(current_database())")
                    .query(Long.class).single() : Files.size(storage.sqliteFile());

            Agent agent = new Agent(null, null, List.of("operator"), null, "local-command", "bench");
            Backups backups = context.getBean(Backups.class);
            BackupRun run = backups.create("command", agent, null);
            if (!BackupRun.COMPLETED.equals(run.status())) {
                throw new IllegalStateException("backup failed: " + run.failure());
            }
            progress(database + ": backup " + CommandOutput.duration(run.durationMillis()));
            long v0 = System.nanoTime();
            BackupVerification verification = backups.verifyDirectory(Path.of(run.directory()), agent);
            long verifyMillis = millis(v0);
            if (!verification.ok()) {
                throw new IllegalStateException("verification failed: " + verification.problems());
            }
            progress(database + ": verify " + CommandOutput.duration(verifyMillis));
            RestoreTarget target;
            if (storage.postgres()) {
                EmbeddedPostgresServer.TestDatabase db = EmbeddedPostgresServer.newDatabase();
                target = new RestoreTarget(root.resolve("restored/data"), root.resolve("restored/checkpoints/a.jsonl"),
                        db.url(), db.username(), db.password());
            } else {
                target = new RestoreTarget(root.resolve("restored/data"), root.resolve("restored/checkpoints/a.jsonl"),
                        null, null, null);
            }
            RestoreResult restored = context.getBean(Restores.class).restore(Path.of(run.directory()), target);
            progress(database + ": restore " + CommandOutput.duration(restored.elapsedMillis()));
            RestoreDrill drill = context.getBean(RestoreDrills.class).run("request", agent, run.id());
            if (!RestoreDrill.PASSED.equals(drill.status())) {
                throw new IllegalStateException("drill failed: " + drill.failure());
            }
            progress(database + ": drill " + CommandOutput.duration(drill.recoveryMillis()));
            long dataFile = Files.size(Path.of(run.directory()).resolve("database.sgdump"));
            return String.format(Locale.ROOT, "| %s | %s (%,.0f resources/s, %d retried) | %,d | %,d | %,d | %s | %s (data file "
                            + "%s) | %s | %s | %s | %s |", database, CommandOutput.duration(loadMillis),
                    resources * 1000.0 / loadMillis, RETRIES.get(), resources, events, run.rows(), CommandOutput.size(dbSize),
                    CommandOutput.size(run.sizeBytes()), CommandOutput.size(dataFile),
                    CommandOutput.duration(run.durationMillis()), CommandOutput.duration(verifyMillis),
                    CommandOutput.duration(restored.elapsedMillis()), CommandOutput.duration(drill.recoveryMillis()));
        } finally {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** One transaction per patient: the Patient and its 19 resources, each with its audit event. */
    private static long load(ConfigurableApplicationContext context, int patients) {
        ResourceVault vault = context.getBean(ResourceVault.class);
        AuditTrail trail = context.getBean(AuditTrail.class);
        FhirContext fhir = context.getBean(FhirContext.class);
        Agent loader = new Agent(null, "bench-loader", List.of(), null, "127.0.0.1", "bench");
        Random random = new Random(42);
        long count = 0;
        for (int p = 0; p < patients; p++) {
            List<String> bodies = new ArrayList<>();
            String family = FAMILIES[p % FAMILIES.length];
            bodies.add("{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:bench:mrn\",\"value\":\"MRN"
                    + p + "\"}],\"name\":[{\"family\":\"" + family + "\",\"given\":[\"Synth" + p + "\"]}],"
                    + "\"gender\":\"" + (p % 2 == 0 ? "female" : "male") + "\",\"birthDate\":\""
                    + (1930 + random.nextInt(90)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)
                    + "\",\"address\":[{\"line\":[\"" + random.nextInt(999) + " Synthetic Street\"],\"city\":"
                    + "\"Springfield\",\"state\":\"" + (p % 3 == 0 ? "MA" : p % 3 == 1 ? "NY" : "CA")
                    + "\",\"postalCode\":\"0" + (1000 + random.nextInt(8999)) + "\"}]}");
            int total = p;
            List<ResourceVault.Stored> stored = retrying(() -> trail.atomically(() -> {
                List<ResourceVault.Stored> out = new ArrayList<>();
                IBaseResource patient = fhir.newJsonParser().parseResource(bodies.get(0));
                ResourceVault.Stored s = vault.create(patient, ref -> { });
                out.add(s);
                trail.append(event("Patient", s, loader));
                String subject = "Patient/" + s.id();
                for (String body : others(subject, random, total)) {
                    ResourceVault.Stored r = vault.create(fhir.newJsonParser().parseResource(body), ref -> { });
                    out.add(r);
                    trail.append(event(r.type(), r, loader));
                }
                return out;
            }));
            count += stored.size();
            if ((p + 1) % 1000 == 0) {
                progress("  " + (p + 1) + " patients");
            }
        }
        return count;
    }

    /** Retries returned 503s (the trail could not commit in time), as a client honouring Retry-After would. */
    static final java.util.concurrent.atomic.AtomicInteger RETRIES = new java.util.concurrent.atomic.AtomicInteger();

    private static <T> T retrying(java.util.function.Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (dev.safeguard.audit.AuditUnavailable e) {
                if (attempt == 10) {
                    throw e;
                }
                RETRIES.incrementAndGet();
                java.util.concurrent.locks.LockSupport.parkNanos((e.retryAfter() == null ? java.time.Duration.ofSeconds(1)
                        : e.retryAfter()).toNanos());
            }
        }
    }

    private static List<String> others(String subject, Random random, int p) {
        List<String> bodies = new ArrayList<>();
        String ref = "\"subject\":{\"reference\":\"" + subject + "\"}";
        for (int i = 0; i < 10; i++) {
            bodies.add("{\"resourceType\":\"Observation\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
                    + "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}],"
                    + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\",\"display\":"
                    + "\"Heart rate\"}]}," + ref + ",\"effectiveDateTime\":\"2025-0" + (1 + i % 9) + "-1"
                    + random.nextInt(10) + "T10:00:00Z\",\"valueQuantity\":{\"value\":" + (50 + random.nextInt(60))
                    + ",\"unit\":\"/min\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"/min\"}}");
        }
        for (int i = 0; i < 3; i++) {
            bodies.add("{\"resourceType\":\"Condition\",\"clinicalStatus\":{\"coding\":[{\"system\":"
                    + "\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"active\"}]},\"code\":"
                    + "{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + (38341003 + i) + "\","
                    + "\"display\":\"Synthetic condition " + i + "\"}]}," + ref + ",\"onsetDateTime\":\"20"
                    + (10 + random.nextInt(15)) + "-05-01\"}");
        }
        for (int i = 0; i < 3; i++) {
            bodies.add("{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"class\":{\"system\":"
                    + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"}," + ref + ",\"period\":"
                    + "{\"start\":\"2025-0" + (1 + i) + "-0" + (1 + p % 9) + "T09:00:00Z\",\"end\":\"2025-0" + (1 + i)
                    + "-0" + (1 + p % 9) + "T09:30:00Z\"}}");
        }
        for (int i = 0; i < 2; i++) {
            bodies.add("{\"resourceType\":\"MedicationRequest\",\"status\":\"active\",\"intent\":\"order\","
                    + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/"
                    + "rxnorm\",\"code\":\"" + (314076 + i) + "\"}]}," + ref + ",\"authoredOn\":\"2025-02-0" + (1 + i)
                    + "\",\"dosageInstruction\":[{\"text\":\"One tablet daily\"}]}");
        }
        bodies.add("{\"resourceType\":\"AllergyIntolerance\",\"clinicalStatus\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical\",\"code\":\"active\"}]},"
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"91936005\"}]},"
                + "\"patient\":{\"reference\":\"" + subject + "\"}}");
        return bodies;
    }

    private static AuditEvent event(String type, ResourceVault.Stored s, Agent agent) {
        return new AuditEvent("rest", "POST /fhir/" + type, Action.C, Outcome.SUCCESS, 201, agent, null, type, s.id(),
                Integer.toString(s.version()), s.patient(), null, null, null, null);
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " vCPU, " + cpu + ", Java "
                + System.getProperty("java.version") + ", load average " + load + " at the start (the CPUs are "
                + "shared with other work); SQLite WAL synchronous=FULL, PostgreSQL 18 (embedded). " + Instant.now();
    }

    private static void progress(String line) {
        System.err.println("[backup-bench] " + line);
    }
}
