package dev.safeguard.audit.internal;

import dev.safeguard.audit.SyslogSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Streams committed audit events to a SIEM as RFC 5424 syslog messages over TLS with RFC 5425 octet-counting
 * framing; on when {@code safeguard.audit.syslog.host} is set.
 *
 * <p>Guarantees. The appender is never slowed: {@link #committed} only puts events in this exporter's own bounded
 * queue, and one daemon thread sends them in sequence order. The connection is TLS 1.2 or 1.3, trusts only the
 * configured CA and verifies that the SIEM's certificate names the configured host; a server failing either check
 * receives no event. A batch whose write fails is resent whole on the next connection (backoff 250 ms doubling to
 * 15 s), so the SIEM may see an event twice: {@code eventId} identifies it. Only columns free of PHI are sent (sequence
 * number, ids, type, action, outcome, status, agent ids and address, request id, leaf hash), never pseudonyms, user
 * agent, purpose of use, entity or reason.
 *
 * <p>Limits, each visible to the SIEM as a gap in {@code seq} and to operators as an ERROR: when the queue is full
 * the oldest waiting event is dropped ({@code alert=audit-export-overflow}); events that cannot be sent when the
 * exporter stops are not exported ({@code alert=audit-export-incomplete}); TCP has no acknowledgement, so events
 * written just before a connection silently breaks (no FIN, e.g. a network partition) can be lost. The audit trail
 * in the database stays the record: re-export a gap from it.
 */
@Component
@ConditionalOnProperty(prefix = "safeguard.audit.syslog", name = "host")
public class SyslogExporter implements CommittedEventsListener, SignedTreeHeadListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyslogExporter.class);
    /** IMPORTANT: SIEM parsers key on this SD-ID (32473 is the documentation enterprise number of RFC 5612). */
    static final String SD_ID = "safeguard@32473";
    static final String APP_NAME = "safeguard";
    private static final int FACILITY_AUTHPRIV = 10;
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
    private static final int BATCH = 512;
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final long MIN_BACKOFF = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long MAX_BACKOFF = TimeUnit.SECONDS.toNanos(15);
    private static final long OVERFLOW_LOG_INTERVAL = TimeUnit.SECONDS.toNanos(10);
    private static final long DRAIN_MILLIS = 5_000;

    private final SyslogSettings settings;
    private final SSLSocketFactory tls;
    private final BlockingQueue<Outgoing> queue;
    private final String procId = Long.toString(ProcessHandle.current().pid());
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    /** Monotonic (nanoTime), not the clock: it only paces the overflow alert. */
    private final AtomicLong lastOverflowAlert = new AtomicLong(System.nanoTime() - OVERFLOW_LOG_INTERVAL);
    private volatile boolean running;
    private volatile Thread sender;
    private volatile SSLSocket socket;
    private OutputStream out;
    private boolean available = true;

    private final String nodeId;

    public SyslogExporter(SyslogSettings settings) {
        this(settings, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SyslogExporter(SyslogSettings settings, dev.safeguard.audit.AuditSettings audit) {
        this.nodeId = audit == null ? null : audit.nodeId();
        if (settings.host() == null) {
            throw new IllegalArgumentException("safeguard.audit.syslog.host is required for the syslog export");
        }
        this.settings = settings;
        this.tls = SyslogConfiguration.trusting(settings.caFile());
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /** One message waiting for the SIEM: an event (its seq) or a signed tree head (its tree size). */
    private record Outgoing(long seq, String message) {
    }

    /** Queues the events; when the queue is full, drops the oldest and raises an alert. Never blocks or throws. */
    @Override
    public void committed(List<StoredEvent> events) {
        for (StoredEvent event : events) {
            enqueue(new Outgoing(event.seq(), message(event, procId)));
        }
    }

    /**
     * Queues the signed tree head, so the SIEM holds a copy of every head outside Safeguard's host: rewriting the trail
     * and both local copies of the heads is then still detected by comparing with the SIEM.
     */
    @Override
    public void treeHeadSigned(TreeHead head) {
        enqueue(new Outgoing(head.treeSize(), message(head, nodeId, procId)));
    }

    private void enqueue(Outgoing message) {
        while (!queue.offer(message)) {
            Outgoing oldest = queue.poll();
            if (oldest != null) {
                overflowed(oldest);
            }
        }
    }

    private void overflowed(Outgoing oldest) {
        long total = dropped.incrementAndGet();
        long now = System.nanoTime();
        long last = lastOverflowAlert.get();
        if (now - last >= OVERFLOW_LOG_INTERVAL && lastOverflowAlert.compareAndSet(last, now)) {
            log.atError().addKeyValue("alert", "audit-export-overflow").addKeyValue("dropped", total)
                    .addKeyValue("droppedSeq", oldest.seq()).addKeyValue("queueCapacity", settings.queueCapacity())
                    .log("AUDIT EXPORT OVERFLOW: the SIEM export queue is full; the oldest events are dropped from "
                            + "the export (they stay in the audit trail)");
        }
    }

    private void run() {
        List<Outgoing> batch = new ArrayList<>(BATCH);
        long backoff = MIN_BACKOFF;
        while (true) {
            if (batch.isEmpty()) {
                if (!running && queue.isEmpty()) {
                    break;
                }
                Outgoing first;
                try {
                    first = queue.poll(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
            }
            try {
                send(batch);
                sent.addAndGet(batch.size());
                batch.clear();
                backoff = MIN_BACKOFF;
                recovered();
            } catch (IOException | RuntimeException e) {
                disconnect();
                failedAttempts.incrementAndGet();
                unavailable(e);
                if (!running) {
                    break;
                }
                LockSupport.parkNanos(this, backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF);
            }
        }
        queue.drainTo(batch);
        if (!batch.isEmpty()) {
            log.atError().addKeyValue("alert", "audit-export-incomplete").addKeyValue("events", batch.size())
                    .addKeyValue("firstSeq", batch.get(0).seq())
                    .addKeyValue("lastSeq", batch.get(batch.size() - 1).seq())
                    .log("The exporter stopped before the SIEM received these audit events; re-export them from the "
                            + "audit trail");
        }
        disconnect();
    }

    private void send(List<Outgoing> batch) throws IOException {
        if (socket == null || closedByPeer(socket)) {
            disconnect();
            connect();
        }
        for (Outgoing outgoing : batch) {
            byte[] message = outgoing.message().getBytes(StandardCharsets.UTF_8);
            out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
        }
        out.flush();
    }

    private void connect() throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(settings.hostAddress(), settings.port()), TIMEOUT_MILLIS);
            SSLSocket s = (SSLSocket) tls.createSocket(plain, settings.hostAddress(), settings.port(), true);
            SSLParameters parameters = s.getSSLParameters();
            parameters.setProtocols(PROTOCOLS);
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(parameters);
            s.setSoTimeout(TIMEOUT_MILLIS);
            s.startHandshake();
            socket = s;
            out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /**
     * True if the SIEM has closed the connection. The SIEM never sends data, so a read that does not time out means
     * end of stream or an error. Without this check the first write after a SIEM restart would "succeed" into a dead
     * connection and its events would be lost.
     */
    private static boolean closedByPeer(SSLSocket s) {
        try {
            s.setSoTimeout(1);
            s.getInputStream().read();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private void disconnect() {
        SSLSocket s = socket;
        socket = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                log.atDebug().setCause(e).log("Closing the SIEM connection failed; it is abandoned");
            }
        }
    }

    private void unavailable(Exception e) {
        if (available) {
            log.atWarn().addKeyValue("alert", "audit-export-unavailable")
                    .addKeyValue("siem", settings.host() + ":" + settings.port())
                    .addKeyValue("reason", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .log("Cannot send audit events to the SIEM; retrying with backoff");
        }
        available = false;
    }

    private void recovered() {
        if (!available) {
            log.atWarn().addKeyValue("alert", "audit-export-recovered")
                    .addKeyValue("failedAttempts", failedAttempts.get())
                    .log("The SIEM receives audit events again");
        }
        available = true;
    }

    /**
     * The RFC 5424 message of a signed tree head (without framing): type {@code tree-head}, severity notice, the head's
     * size, root hash, signing time and Ed25519 signature (base64) as structured data.
     */
    static String message(TreeHead head, String nodeId, String procId) {
        StringBuilder m = new StringBuilder(320).append('<').append(FACILITY_AUTHPRIV * 8 + 5).append(">1 ")
                .append(TIMESTAMP.format(Instant.ofEpochMilli(head.signedAt()))).append(' ').append(header(nodeId, 255))
                .append(' ').append(APP_NAME).append(' ').append(procId).append(" tree-head [").append(SD_ID);
        param(m, "treeSize", Long.toString(head.treeSize()));
        param(m, "rootHash", java.util.Base64.getEncoder().encodeToString(head.rootHash()));
        param(m, "signedAt", Long.toString(head.signedAt()));
        param(m, "signature", java.util.Base64.getEncoder().encodeToString(head.signature()));
        return m.append("] signed tree head ").append(head.treeSize()).toString();
    }

    /** The RFC 5424 message of one event (without framing). */
    static String message(StoredEvent e, String procId) {
        StringBuilder m = new StringBuilder(640).append('<').append(FACILITY_AUTHPRIV * 8 + severity(e.outcome()))
                .append(">1 ").append(TIMESTAMP.format(Instant.ofEpochMilli(e.recordedAt()))).append(' ')
                .append(header(e.nodeId(), 255)).append(' ').append(APP_NAME).append(' ').append(procId).append(' ')
                .append(header(e.type(), 32)).append(" [").append(SD_ID);
        param(m, "seq", Long.toString(e.seq()));
        param(m, "eventId", e.eventId());
        param(m, "type", e.type());
        param(m, "subtype", e.subtype());
        param(m, "action", e.action());
        param(m, "outcome", e.outcome());
        param(m, "status", e.status() == null ? null : e.status().toString());
        param(m, "user", e.agentUser());
        param(m, "client", e.agentClient());
        param(m, "address", e.agentAddress());
        param(m, "requestId", e.requestId());
        param(m, "leafHash", e.leafHash() == null ? null : HexFormat.of().formatHex(e.leafHash()));
        m.append("] audit event ").append(e.seq()).append(": ").append(printable(e.subtype())).append(' ')
                .append(printable(e.outcome()));
        return m.toString();
    }

    static int severity(String outcome) {
        return switch (outcome == null ? "" : outcome) {
            case "SUCCESS" -> 6;
            case "MINOR_FAILURE" -> 4;
            case "SERIOUS_FAILURE" -> 3;
            default -> 5;
        };
    }

    /** A header field: PRINTUSASCII only, at most {@code max} characters, "-" (NILVALUE) when empty. */
    private static String header(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && b.length() < max; i++) {
            char c = value.charAt(i);
            b.append(c > 32 && c < 127 ? c : '_');
        }
        return b.toString();
    }

    /** An SD-PARAM, omitted when null; '"', '\' and ']' escaped as RFC 5424 section 6.3.3 requires. */
    private static void param(StringBuilder m, String name, String value) {
        if (value == null) {
            return;
        }
        m.append(' ').append(name).append("=\"");
        String clean = printable(value);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                m.append('\\');
            }
            m.append(c);
        }
        m.append('"');
    }

    /** Replaces control characters, so no value can start a line of its own in a line-based SIEM store. */
    private static String printable(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(value.length());
        value.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '\uFFFD' : c));
        return b.toString();
    }

    /** Events written and flushed to the SIEM (resent events count again). */
    public long sent() {
        return sent.get();
    }

    /** Events dropped from the export because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Connection or write attempts that failed. */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "audit-syslog-export");
        thread.setDaemon(true);
        sender = thread;
        thread.start();
    }

    /** Sends what is queued (one more attempt if the SIEM is down), waiting up to 5 s, then closes the connection. */
    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            thread = sender;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(DRAIN_MILLIS);
            if (thread.isAlive()) {
                disconnect();
                thread.join(DRAIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** IMPORTANT: below the appender's phase, so the export starts before it and stops after its last event. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 500;
    }
}
