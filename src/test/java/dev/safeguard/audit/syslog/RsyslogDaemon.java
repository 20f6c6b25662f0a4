package dev.safeguard.audit.syslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real rsyslog daemon as a SIEM stand-in, run as a child process with a configuration of its own: it accepts RFC
 * 5425 syslog over TLS only (imtcp with the gtls driver, TLS mode, anonymous clients) on a free loopback port, with
 * a server certificate for {@code localhost} from a fresh CA, and writes each received message, re-serialised as RFC
 * 5424 from what it parsed, as one line of {@link #received()}. It never reads {@code /etc/rsyslog.conf}, loads no
 * local inputs ({@code /dev/log}, kernel log) and keeps its state in its own temporary directory.
 */
public final class RsyslogDaemon {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final int port;
    private Process process;

    private RsyslogDaemon(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Generates the CA and certificate, writes the configuration and starts the daemon; fails if it cannot. */
    public static RsyslogDaemon start() {
        try {
            Path dir = Files.createTempDirectory("safeguard-rsyslog-");
            TestCertificateAuthority ca = TestCertificateAuthority.create("Safeguard test SIEM CA");
            ca.writeCertificate(dir.resolve("ca.pem"));
            ca.issueServer("localhost", dir.resolve("server.crt"), dir.resolve("server.key"));
            RsyslogDaemon daemon = new RsyslogDaemon(dir, freePort());
            Files.writeString(daemon.config(), daemon.configuration(), StandardCharsets.UTF_8);
            daemon.launch();
            Runtime.getRuntime().addShutdownHook(new Thread(daemon::stop, "rsyslogd-test-cleanup"));
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the test rsyslog daemon", e);
        }
    }

    private String configuration() {
        String d = dir.toAbsolutePath().toString();
        return """
                global(workDirectory="%1$s"
                       defaultNetstreamDriverCAFile="%1$s/ca.pem"
                       defaultNetstreamDriverCertFile="%1$s/server.crt"
                       defaultNetstreamDriverKeyFile="%1$s/server.key")
                module(load="imtcp" streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="anon")
                input(type="imtcp" port="%2$d" address="127.0.0.1")
                if $inputname == "imtcp" then {
                    action(type="omfile" file="%1$s/received.log" template="RSYSLOG_SyslogProtocol23Format")
                    stop
                }
                action(type="omfile" file="%1$s/rsyslogd-internal.log")
                """.formatted(d, port);
    }

    /** (Re)starts the daemon with the same configuration, port and certificate, and waits until it listens. */
    public synchronized void launch() {
        String executable = Files.isExecutable(Path.of("/usr/sbin/rsyslogd")) ? "/usr/sbin/rsyslogd" : "rsyslogd";
        try {
            Process check = new ProcessBuilder(executable, "-N1", "-f", config().toString())
                    .redirectErrorStream(true).start();
            String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
                throw new IllegalStateException("rsyslogd rejects the test configuration:\n" + checked);
            }
            process = new ProcessBuilder(executable, "-n", "-f", config().toString(),
                    "-i", dir.resolve("rsyslogd.pid").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd-console.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + executable + "; install the Debian packages rsyslog and "
                    + "rsyslog-gnutls", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("rsyslogd exited with " + process.exitValue() + ":\n" + diagnostics());
            }
            if (listening()) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        stop();
        throw new IllegalStateException("rsyslogd does not listen on port " + port + " after " + START_TIMEOUT
                + ":\n" + diagnostics());
    }

    private boolean listening() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops the daemon (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    /** The PEM file of the CA that signed the daemon's certificate. */
    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    /** Everything received so far, one message per line. */
    public String received() {
        return read(dir.resolve("received.log"));
    }

    /** The first complete received line containing all {@code fragments}, waiting up to {@code timeout} for it. */
    public String awaitLine(Duration timeout, String... fragments) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            String complete = received();
            complete = complete.substring(0, complete.lastIndexOf('\n') + 1);
            Optional<String> line = complete.lines()
                    .filter(l -> Arrays.stream(fragments).allMatch(l::contains)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        } while (System.nanoTime() < deadline);
        throw new AssertionError("rsyslogd received no message containing " + Arrays.toString(fragments)
                + " within " + timeout + "; received:\n" + received() + "\n" + diagnostics());
    }

    /** The daemon's console and internal messages, for failure reports. */
    public String diagnostics() {
        return "--- rsyslogd console:\n" + read(dir.resolve("rsyslogd-console.log"))
                + "--- rsyslogd internal messages:\n" + read(dir.resolve("rsyslogd-internal.log"));
    }

    private Path config() {
        return dir.resolve("rsyslog.conf");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
