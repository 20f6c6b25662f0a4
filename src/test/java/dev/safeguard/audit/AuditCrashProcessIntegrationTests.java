package dev.safeguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.testing.Api;
import dev.safeguard.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Durability under crashes: 20 times, 16 clients send audited requests and the server is killed with SIGKILL in the
 * middle; after each restart every request that got a 2xx has its event, and at the end the whole trail verifies. The
 * server runs from the extracted jar (Spring Boot's production layout), which restarts in about two thirds of the time.
 */
class AuditCrashProcessIntegrationTests {

    private static final int ROUNDS = 20;
    private static final int CLIENTS = 16;

    @Test
    void everyAnsweredRequestSurvivesKillNineAndTheTrailVerifies() throws Exception {
        Path workDir = Files.createTempDirectory("safeguard-crash-");
        Set<String> answered = ConcurrentHashMap.newKeySet();
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        Path launcher = ServerProcess.extracted(Files.createTempDirectory("safeguard-crash-jar-").resolve("app"));
        try (ServerProcess server = new ServerProcess(workDir, launcher)) {
            for (int round = 0; round < ROUNDS; round++) {
                server.start();
                Api first = server.awaitUp();
                assertThat(missing(workDir, answered)).as("seed %d, round %d", seed, round).isEmpty();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    Api api = new Api(first.base(), workDir.resolve("data/tls/server.crt"));
                    clients.submit(() -> {
                        while (!stop.get()) {
                            try {
                                Api.Response r = api.get("/api/ping");
                                if (r.status() / 100 == 2) {
                                    answered.add(r.header("X-Request-Id"));
                                }
                            } catch (RuntimeException killed) {
                                return;
                            }
                        }
                    });
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(300 + random.nextInt(700))
                        .toNanos());
                server.kill();
                stop.set(true);
                clients.shutdownNow();
                assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(answered).as("requests answered before the kills").hasSizeGreaterThan(ROUNDS * 10);
            assertThat(missing(workDir, answered)).as("seed %d", seed).isEmpty();
            ServerProcess.Command verified = server.run("audit", "verify");
            assertThat(verified.exitCode()).as(verified.output()).isZero();
        }
    }

    private static List<String> missing(Path workDir, Set<String> answered) throws Exception {
        Set<String> present = new HashSet<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + workDir.resolve("data/safeguard.db"));
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT request_id FROM audit_events WHERE request_id IS NOT NULL")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        return answered.stream().filter(id -> !present.contains(id)).toList();
    }
}
