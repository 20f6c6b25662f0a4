package dev.safeguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.safeguard.audit.internal.StoredEvent;
import dev.safeguard.audit.internal.SyslogExporter;
import dev.safeguard.audit.syslog.RsyslogDaemon;
import dev.safeguard.audit.syslog.TestCertificateAuthority;
import dev.safeguard.testing.Api;
import dev.safeguard.testing.Database;
import dev.safeguard.testing.OnDatabase;
import dev.safeguard.testing.ServerTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit trail streams to a SIEM as RFC 5424 syslog over TLS (RFC 5425), received here by a real rsyslog daemon
 * that accepts TLS only: every audited request arrives with its sequence number, request id, severity and leaf
 * hash, never a query value or password; events audited while the SIEM is down arrive after it restarts; an
 * exporter that cannot authenticate the SIEM (unknown CA, wrong host name) sends it nothing and keeps retrying.
 */
public abstract class SyslogExportIntegrationTests extends ServerTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    /** Each test class has a context of its own and so a daemon of its own, found by its port. */
    private static final Map<Integer, RsyslogDaemon> SIEMS = new ConcurrentHashMap<>();
    private static final AtomicLong SYNTHETIC_SEQ = new AtomicLong(9_000_000_000L);

    @DynamicPropertySource
    static void siem(DynamicPropertyRegistry registry) {
        RsyslogDaemon siem = RsyslogDaemon.start();
        SIEMS.put(siem.port(), siem);
        registry.add("safeguard.audit.syslog.host", () -> "localhost");
        registry.add("safeguard.audit.syslog.port", siem::port);
        registry.add("safeguard.audit.syslog.ca-file", () -> siem.caFile().toString());
    }

    @Value("${safeguard.audit.syslog.port}")
    int siemPort;
    @Autowired
    SyslogExporter exporter;
    @Autowired
    dev.safeguard.crypto.AuditKeys keys;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    void captureExporterLogs() {
        logs.start();
        exporterLogger().addAppender(logs);
    }

    @AfterAll
    void stopSiem() {
        exporterLogger().detachAppender(logs);
        RsyslogDaemon siem = SIEMS.remove(siemPort);
        if (siem != null) {
            siem.stop();
        }
    }

    @Test
    void everyAuditedRequestReachesTheSiemWithItsSeqRequestIdSeverityAndLeafHash() {
        SignedIn clinician = newUser("clinician");
        Api.Response ping = clinician.api().get("/api/ping");
        Api.Response denied = clinician.api().get("/api/users");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(denied.status()).isEqualTo(403);

        Map<String, Object> pinged = row(ping);
        assertThat(siem().awaitLine(DELIVERY, "requestId=\"" + ping.header("X-Request-Id") + "\""))
                .startsWith("<86>1 ")
                .contains(" safeguard ", " rest [safeguard@32473 seq=\"" + pinged.get("seq") + "\"",
                        "eventId=\"" + pinged.get("event_id") + "\"", "subtype=\"GET /api/ping\"",
                        "outcome=\"SUCCESS\"", "status=\"200\"", "user=\"" + clinician.id() + "\"",
                        "leafHash=\"" + HexFormat.of().formatHex((byte[]) pinged.get("leaf_hash")) + "\"",
                        "] audit event " + pinged.get("seq") + ": GET /api/ping SUCCESS");
        assertThat(siem().awaitLine(DELIVERY, "requestId=\"" + denied.header("X-Request-Id") + "\""))
                .startsWith("<84>1 ")
                .contains("seq=\"" + row(denied).get("seq") + "\"", "outcome=\"MINOR_FAILURE\"", "status=\"403\"");
        assertThat(exporter.sent()).isPositive();
        assertThat(exporter.dropped()).isZero();
    }

    @Test
    void everySignedTreeHeadReachesTheSiemAndVerifiesWithThePublicKey() {
        newUser("clinician").api().get("/api/ping");
        clock.advance(Duration.ofSeconds(11)); // the appender signs a head once the interval has passed
        Map<String, Object> head = awaitHead();
        long size = ((Number) head.get("tree_size")).longValue();
        String line = siem().awaitLine(DELIVERY, "tree-head [safeguard@32473 treeSize=\"" + size + "\"");
        byte[] root = (byte[]) head.get("root_hash");
        byte[] signature = (byte[]) head.get("signature");
        long signedAt = ((Number) head.get("signed_at")).longValue();
        assertThat(line).startsWith("<85>1 ").contains(" safeguard ",
                "rootHash=\"" + java.util.Base64.getEncoder().encodeToString(root) + "\"",
                "signedAt=\"" + signedAt + "\"",
                "signature=\"" + java.util.Base64.getEncoder().encodeToString(signature) + "\"",
                "] signed tree head " + size);
        assertThat(keys.verify(new dev.safeguard.audit.internal.TreeHead(size, root, signedAt, signature).message(),
                signature)).isTrue();
    }

    private Map<String, Object> awaitHead() {
        long max = jdbc.sql("SELECT MAX(seq) FROM audit_events").query(Long.class).single();
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> heads = jdbc.sql("SELECT * FROM audit_tree_heads WHERE tree_size >= ? "
                    + "ORDER BY tree_size LIMIT 1").param(max).query().listOfRows();
            if (!heads.isEmpty()) {
                return heads.get(0);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("No tree head was signed over event " + max);
    }

    @Test
    void queryValuesAndPasswordsNeverReachTheSiem() {
        SignedIn clinician = newUser("clinician");
        String canary = "CANARY-" + UUID.randomUUID();
        Api.Response ping = clinician.api().get("/api/ping?name=" + canary);
        assertThat(ping.status()).isEqualTo(200);
        siem().awaitLine(DELIVERY, "requestId=\"" + ping.header("X-Request-Id") + "\"");

        Object queryPseudonym = row(ping).get("query_pseudonym");
        assertThat(queryPseudonym).as("the query is recorded, as a pseudonym").isNotNull();
        assertThat(siem().received()).doesNotContain(canary).doesNotContain(queryPseudonym.toString())
                .doesNotContain(clinician.password()).doesNotContain(OFFICER_PASSWORD);
    }

    @Test
    void eventsAuditedWhileTheSiemIsDownArriveAfterItRestarts() {
        SignedIn clinician = newUser("clinician");
        Api.Response before = clinician.api().get("/api/ping");
        siem().awaitLine(DELIVERY, "requestId=\"" + before.header("X-Request-Id") + "\"");
        long failures = exporter.failedAttempts();
        siem().stop();
        try {
            Api.Response during = clinician.api().get("/api/ping");
            assertThat(during.status()).as("the audit trail does not wait for the SIEM").isEqualTo(200);
            awaitUntil(() -> exporter.failedAttempts() > failures, "the exporter finds the SIEM down");
            siem().launch();
            siem().awaitLine(DELIVERY, "requestId=\"" + during.header("X-Request-Id") + "\"");
        } finally {
            if (!siem().running()) {
                siem().launch();
            }
        }
        assertThat(alerts("audit-export-unavailable")).isNotEmpty();
        assertThat(alerts("audit-export-recovered")).isNotEmpty();
    }

    @Test
    void structuredDataIsEscapedSoTheSiemParsesEveryValueExactly() {
        String eventId = "escaped-" + UUID.randomUUID();
        SyslogExporter trusting = new SyslogExporter(
                new SyslogSettings("localhost", siemPort, siem().caFile(), 10));
        trusting.start();
        try {
            trusting.committed(List.of(synthetic(eventId, "a\"b\\c]d", "line\nbreak")));
            assertThat(siem().awaitLine(DELIVERY, eventId))
                    .contains("user=\"a\\\"b\\\\c\\]d\"", "client=\"line\uFFFDbreak\"", "] audit event ");
        } finally {
            trusting.stop();
        }
    }

    @Test
    void anExporterNotTrustingTheSiemsCaSendsItNothingAndKeepsRetrying_isRefused(@TempDir Path dir) {
        Path otherCa = TestCertificateAuthority.create("Another CA").writeCertificate(dir.resolve("other-ca.pem"));
        assertRefused(new SyslogSettings("localhost", siemPort, otherCa, 10), "PKIX path");
    }

    @Test
    void anExporterAddressingTheSiemByANameItsCertificateLacksSendsItNothing_isRefused() {
        assertRefused(new SyslogSettings("127.0.0.1", siemPort, siem().caFile(), 10), "127.0.0.1");
    }

    @Test
    void theSiemAcceptsNoPlainTcp_isRefused() throws IOException {
        String eventId = "plain-" + UUID.randomUUID();
        byte[] message = ("<86>1 - localhost safeguard - rest [safeguard@32473 eventId=\"" + eventId + "\"] plain")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), siemPort)) {
            OutputStream out = plain.getOutputStream();
            out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
        }
        awaitLaterEventDelivered();
        assertThat(siem().received()).doesNotContain(eventId);
    }

    @Test
    void aFullExportQueueDropsTheOldestEventsWithAnAlertThatCarriesNoAgentData() {
        SyslogExporter stalled = new SyslogExporter(new SyslogSettings("localhost", siemPort, siem().caFile(), 2));
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(synthetic("overflow-" + UUID.randomUUID(), "user-overflow-" + i, "client-overflow"));
        }
        stalled.committed(events);

        assertThat(stalled.dropped()).isEqualTo(3);
        List<ILoggingEvent> overflows = alerts("audit-export-overflow");
        assertThat(overflows).hasSize(1);
        ILoggingEvent alert = overflows.get(0);
        assertThat(alert.getLevel()).isEqualTo(Level.ERROR);
        assertThat(value(alert, "droppedSeq")).isEqualTo(Long.toString(events.get(0).seq()));
        assertThat(alert.getFormattedMessage() + alert.getKeyValuePairs())
                .doesNotContain("user-overflow").doesNotContain("client-overflow").doesNotContain("overflow-");
    }

    @Test
    void aMisconfiguredExportStopsStartUpWithAPreciseMessage_isRefused(@TempDir Path dir) throws IOException {
        Path notPem = Files.writeString(dir.resolve("not-a-ca.pem"), "not a certificate");
        assertThatThrownBy(() -> new SyslogSettings("siem.example", 0, null, 0))
                .hasMessageContaining("safeguard.audit.syslog.ca-file is required");
        assertThatThrownBy(() -> new SyslogSettings(null, 0, notPem, 0))
                .hasMessageContaining("safeguard.audit.syslog.host is not");
        assertThatThrownBy(() -> new SyslogSettings("https://siem.example:6514", 0, notPem, 0))
                .hasMessageContaining("without scheme, port or path");
        assertThatThrownBy(() -> new SyslogSettings("siem.example", 70_000, notPem, 0))
                .hasMessageContaining("between 1 and 65535; got 70000");
        Path absent = dir.resolve("absent.pem");
        assertThatThrownBy(() -> new SyslogExporter(new SyslogSettings("siem.example", 0, absent, 0)))
                .hasMessageContaining("absent.pem does not exist");
        assertThatThrownBy(() -> new SyslogExporter(new SyslogSettings("siem.example", 0, notPem, 0)))
                .hasMessageContaining("not-a-ca.pem is not a PEM X.509 certificate file");
        SyslogSettings defaults = new SyslogSettings("siem.example", 0, notPem, 0);
        assertThat(defaults.port()).isEqualTo(6514);
        assertThat(defaults.queueCapacity()).isEqualTo(100_000);
    }

    /** A refused exporter fails its handshakes, logs why, sends nothing and reports its event as not exported. */
    private void assertRefused(SyslogSettings settings, String reason) {
        String eventId = "refused-" + UUID.randomUUID();
        StoredEvent event = synthetic(eventId, "user-refused", null);
        SyslogExporter refused = new SyslogExporter(settings);
        refused.start();
        try {
            refused.committed(List.of(event));
            awaitUntil(() -> refused.failedAttempts() >= 2 || refused.sent() > 0, "two refused connection attempts");
            assertThat(refused.sent()).isZero();
        } finally {
            refused.stop();
        }
        assertThat(alerts("audit-export-unavailable")).anySatisfy(e -> assertThat(value(e, "reason"))
                .contains("SSLHandshakeException").contains(reason));
        assertThat(alerts("audit-export-incomplete"))
                .anySatisfy(e -> assertThat(value(e, "firstSeq")).isEqualTo(Long.toString(event.seq())));
        awaitLaterEventDelivered();
        assertThat(siem().received()).doesNotContain(eventId);
    }

    /** Sends an event through the application's exporter and waits for it: what came before has been processed. */
    private void awaitLaterEventDelivered() {
        Api.Response ping = client().get("/api/ping");
        siem().awaitLine(DELIVERY, "requestId=\"" + ping.header("X-Request-Id") + "\"");
    }

    private StoredEvent synthetic(String eventId, String user, String client) {
        return new StoredEvent(SYNTHETIC_SEQ.incrementAndGet(), eventId, clock.millis(), "rest", "GET /api/synthetic",
                "R", "SUCCESS", 200, user, client, "clinician", "session-ref", "127.0.0.1", "Synthetic-Agent/1.0",
                null, null, null, null, "patient-pseudonym", "query-pseudonym", null, "request-" + eventId,
                "node-test", null, null).withLeafHash();
    }

    private Map<String, Object> row(Api.Response response) {
        return jdbc.sql("SELECT seq, event_id, leaf_hash, query_pseudonym FROM audit_events WHERE request_id = ?")
                .param(response.header("X-Request-Id")).query().singleRow();
    }

    private RsyslogDaemon siem() {
        return Objects.requireNonNull(SIEMS.get(siemPort), "no rsyslog daemon for port " + siemPort);
    }

    private List<ILoggingEvent> alerts(String alert) {
        List<ILoggingEvent> copy;
        synchronized (logs) {
            copy = new ArrayList<>(logs.list);
        }
        return copy.stream().filter(e -> alert.equals(value(e, "alert"))).toList();
    }

    private static String value(ILoggingEvent event, String key) {
        return event.getKeyValuePairs() == null ? null : event.getKeyValuePairs().stream()
                .filter(kv -> kv.key.equals(key)).map(kv -> String.valueOf(kv.value)).findFirst().orElse(null);
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + DELIVERY + ": " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static Logger exporterLogger() {
        return (Logger) LoggerFactory.getLogger(SyslogExporter.class);
    }
}

@OnDatabase(Database.SQLITE)
class SqliteSyslogExportIntegrationTests extends SyslogExportIntegrationTests {
}

@OnDatabase(Database.POSTGRES)
class PostgresSyslogExportIntegrationTests extends SyslogExportIntegrationTests {
}
