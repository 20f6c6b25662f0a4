package dev.safeguard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;

/**
 * A closed loop: {@code clients} clients, each with its own HTTP/1.1 connection, send one request after the other for
 * a fixed window. Only requests that complete inside the window are counted; the run always ends by itself.
 */
final class ClosedLoop {

    /** What a client does after a 429. */
    enum OnRejected {
        /** A well-behaved client: waits as long as {@code Retry-After} says (or 1 s without one). */
        WAIT_RETRY_AFTER("waits Retry-After"),
        /** A careless or hostile client: sends the next request at once. */
        RETRY_AT_ONCE("retries at once");

        final String description;

        OnRejected(String description) {
            this.description = description;
        }
    }

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long PAUSE_AFTER_ERROR_MILLIS = 10;
    private static final Duration SETTLE_SAMPLE = Duration.ofMillis(500);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    private final SSLContext ssl;
    private final ProcessHandle server;

    ClosedLoop(SSLContext ssl, ProcessHandle server) {
        this.ssl = ssl;
        this.server = server;
    }

    /**
     * Runs one phase.
     *
     * @param requestFor the request client {@code i} sends, again and again
     */
    PhaseResult run(String name, int clients, Duration window, IntFunction<HttpRequest> requestFor,
                    OnRejected onRejected) throws InterruptedException {
        awaitServerIdle();
        Tally[] tallies = new Tally[clients];
        Thread[] workers = new Thread[clients];
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        for (int i = 0; i < clients; i++) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl)
                    .connectTimeout(CONNECT_TIMEOUT).build();
            HttpRequest request = requestFor.apply(i);
            Tally tally = new Tally();
            tallies[i] = tally;
            workers[i] = new Thread(() -> {
                try {
                    go.await();
                    loop(http, request, deadline[0], onRejected, tally);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-client-" + i);
            workers[i].start();
        }
        Duration serverCpuBefore = serverCpu();
        long clientCpuBefore = clientCpuNanos();
        MachineCpu machineBefore = MachineCpu.now();
        long start = System.nanoTime();
        deadline[0] = start + window.toNanos();
        go.countDown();
        TimeUnit.NANOSECONDS.sleep(deadline[0] - System.nanoTime());
        Duration serverCpu = serverCpu().minus(serverCpuBefore);
        Duration clientCpu = Duration.ofNanos(clientCpuNanos() - clientCpuBefore);
        double machineBusy = MachineCpu.now().busySince(machineBefore);
        long windowEnd = System.nanoTime();
        long joinBy = System.nanoTime() + REQUEST_TIMEOUT.toNanos() + CONNECT_TIMEOUT.toNanos();
        Tally total = new Tally();
        for (int i = 0; i < clients; i++) {
            workers[i].join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinBy - System.nanoTime())));
            if (workers[i].isAlive()) {
                throw new IllegalStateException("Client " + i + " of phase '" + name + "' did not finish within "
                        + REQUEST_TIMEOUT.plus(CONNECT_TIMEOUT).toSeconds() + " s after the window closed");
            }
            total.merge(tallies[i]);
        }
        return new PhaseResult(name, clients, onRejected, window, total, serverCpu, clientCpu, machineBusy,
                Runtime.getRuntime().availableProcessors(), Duration.ofNanos(System.nanoTime() - windowEnd));
    }

    private static void loop(HttpClient http, HttpRequest request, long deadline, OnRejected onRejected, Tally tally)
            throws InterruptedException {
        while (System.nanoTime() < deadline) {
            long begin = System.nanoTime();
            HttpResponse<Void> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                tally.failed(e, System.nanoTime() - begin);
                Thread.sleep(PAUSE_AFTER_ERROR_MILLIS);
                continue;
            }
            long end = System.nanoTime();
            if (end > deadline) {
                return;
            }
            tally.record(response, end - begin);
            if (response.statusCode() == 429 && onRejected == OnRejected.WAIT_RETRY_AFTER) {
                long waitNanos = TimeUnit.SECONDS.toNanos(retryAfterSeconds(response));
                TimeUnit.NANOSECONDS.sleep(Math.min(waitNanos, deadline - System.nanoTime()));
            }
        }
    }

    private static long retryAfterSeconds(HttpResponse<?> response) {
        try {
            return Math.max(1, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * Waits (at most {@link #SETTLE_TIMEOUT}) until the server uses less than a tenth of a CPU, so that work left over
     * from the previous phase (JIT compilation, garbage collection, background writers) does not count in the next.
     */
    private void awaitServerIdle() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        Duration before = serverCpu();
        while (System.nanoTime() < deadline) {
            Thread.sleep(SETTLE_SAMPLE.toMillis());
            Duration now = serverCpu();
            if (now.minus(before).compareTo(SETTLE_SAMPLE.dividedBy(10)) < 0) {
                return;
            }
            before = now;
        }
    }

    private Duration serverCpu() {
        return server.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException(
                "The CPU time of server process " + server.pid() + " is not available on this system"));
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
