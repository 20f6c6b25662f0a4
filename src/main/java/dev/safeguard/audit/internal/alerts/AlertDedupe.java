package dev.safeguard.audit.internal.alerts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most one alert per rule and subject within a window, measured in the alerts' own times (event time for rules).
 * Bounded: the least recently used subjects are forgotten first, so a flood of subjects can at worst cause a repeat
 * alert, never unbounded memory. Per node: two nodes may each alert once.
 */
final class AlertDedupe {

    static final int MAX_SUBJECTS = 50_000;

    private final Cache<String, Long> lastAlerted;

    AlertDedupe(Duration longestWindow) {
        lastAlerted = Caffeine.newBuilder().maximumSize(MAX_SUBJECTS)
                .expireAfterWrite(longestWindow.plusMinutes(1)).executor(Runnable::run).build();
    }

    /** True if no alert of {@code rule} about {@code subject} passed in the {@code window} before {@code at}. */
    boolean first(String rule, String subject, long at, Duration window) {
        AtomicBoolean first = new AtomicBoolean();
        lastAlerted.asMap().compute(rule + '\u0000' + subject, (key, last) -> {
            if (last == null || at - last >= window.toMillis()) {
                first.set(true);
                return at;
            }
            return last;
        });
        return first.get();
    }
}
