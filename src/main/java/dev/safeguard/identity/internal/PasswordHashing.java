package dev.safeguard.identity.internal;

import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashing and verification on a bounded executor. Argon2id is deliberately expensive, so the number of
 * concurrent checks is capped: when every thread is busy and the queue is full, callers get 429 with
 * {@code Retry-After} at once instead of piling up request threads.
 *
 * <p>Parameters are OWASP's minimum for Argon2id: 19 MiB memory, 2 iterations, parallelism 1, 16-byte salt,
 * 32-byte hash. Argon2 hashes the whole password: nothing is truncated (unlike bcrypt's 72 bytes).
 */
@Component
public class PasswordHashing implements DisposableBean {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private final ThreadPoolExecutor executor;
    /** Verified against when the username is unknown, so the answer takes as long as for a known user. */
    private final String decoy;

    public PasswordHashing(IdentitySettings settings) {
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.hashingThreads(), settings.hashingThreads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(settings.hashingQueue()), r -> {
                    Thread t = new Thread(r, "password-hashing-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.decoy = encoder.encode(Tokens.random(16));
    }

    /** Hashes an already normalized password. */
    public String hash(String normalizedPassword) {
        return run(() -> encoder.encode(normalizedPassword));
    }

    /** Verifies a password against a stored hash; the password is normalized first. */
    public boolean verify(String password, String hash) {
        String normalized = PasswordPolicy.normalize(password);
        return run(() -> encoder.matches(normalized, hash));
    }

    /** Spends the time of one verification without a real hash, for unknown usernames. */
    public void verifyDecoy(String password) {
        verify(password, decoy);
    }

    private <T> T run(Callable<T> task) {
        Future<T> future;
        try {
            future = executor.submit(task);
        } catch (RejectedExecutionException saturated) {
            throw ProblemException.tooManyRequests(
                    "The server is checking too many passwords at once; try again shortly", RETRY_AFTER);
        }
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE, "The password check was interrupted");
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE, "The password check timed out", RETRY_AFTER,
                    java.util.Map.of());
        } catch (ExecutionException e) {
            throw new IllegalStateException("Password hashing failed", e.getCause());
        }
    }

    /** Threads busy plus checks waiting, for metrics and tests. */
    public int inFlight() {
        return executor.getActiveCount() + executor.getQueue().size();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
