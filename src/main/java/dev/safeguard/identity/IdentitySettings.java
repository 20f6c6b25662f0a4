package dev.safeguard.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication settings, validated and frozen at start-up.
 *
 * @param sessionInactivity   automatic logoff after this much inactivity (default 15 min, at most 1 h: NIST SP
 *                            800-63B-4 AAL2)
 * @param sessionAbsolute     absolute session lifetime regardless of activity (default 12 h, at most 24 h)
 * @param hashingThreads      threads that verify passwords (Argon2id); 0 means one per CPU
 * @param hashingQueue        password checks that may wait for a thread before callers get 429
 * @param lockoutThreshold    consecutive failures that lock an account's password (NIST: at most 100)
 * @param setupTokenValidity  how long the first-run setup token is valid (default 24 h)
 */
@ConfigurationProperties("safeguard.identity")
public record IdentitySettings(Duration sessionInactivity, Duration sessionAbsolute, int hashingThreads,
                               int hashingQueue, int lockoutThreshold, Duration setupTokenValidity) {

    public IdentitySettings {
        sessionInactivity = sessionInactivity == null ? Duration.ofMinutes(15) : sessionInactivity;
        sessionAbsolute = sessionAbsolute == null ? Duration.ofHours(12) : sessionAbsolute;
        hashingThreads = hashingThreads <= 0 ? Runtime.getRuntime().availableProcessors() : hashingThreads;
        hashingQueue = hashingQueue <= 0 ? 4 * hashingThreads : hashingQueue;
        lockoutThreshold = lockoutThreshold <= 0 ? 100 : lockoutThreshold;
        setupTokenValidity = setupTokenValidity == null ? Duration.ofHours(24) : setupTokenValidity;
        if (sessionInactivity.compareTo(Duration.ofMinutes(1)) < 0
                || sessionInactivity.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("safeguard.identity.session-inactivity must be between 1 minute and "
                    + "1 hour (NIST SP 800-63B-4 AAL2); got " + sessionInactivity);
        }
        if (sessionAbsolute.compareTo(sessionInactivity) < 0 || sessionAbsolute.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("safeguard.identity.session-absolute must be at least the inactivity "
                    + "timeout and at most 24 hours; got " + sessionAbsolute);
        }
        if (lockoutThreshold > 100) {
            throw new IllegalArgumentException("safeguard.identity.lockout-threshold must be at most 100 "
                    + "(NIST SP 800-63B-4); got " + lockoutThreshold);
        }
    }
}
