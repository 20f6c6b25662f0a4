package dev.safeguard.audit.internal.alerts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-subject sliding windows over event times: how many events, or how many distinct keys, fell within the last
 * {@code window} ending at the newest event. Bounded: at most {@value #MAX_SUBJECTS} subjects (least recently used
 * forgotten first) and at most {@code threshold} entries per subject, which is all a threshold test needs.
 * Not thread-safe; the caller serializes.
 */
final class SlidingWindows {

    static final int MAX_SUBJECTS = 50_000;

    /** Time and sequence number of one event in a window. */
    private record Hit(long at, long seq) {
    }

    private final int threshold;
    private final long windowMillis;
    private final Cache<String, ArrayDeque<Hit>> counts;
    private final Cache<String, LinkedHashMap<String, Hit>> distinct;

    SlidingWindows(int threshold, Duration window) {
        this.threshold = threshold;
        this.windowMillis = window.toMillis();
        this.counts = Caffeine.newBuilder().maximumSize(MAX_SUBJECTS).expireAfterAccess(window.plusMinutes(1))
                .executor(Runnable::run).build();
        this.distinct = Caffeine.newBuilder().maximumSize(MAX_SUBJECTS).expireAfterAccess(window.plusMinutes(1))
                .executor(Runnable::run).build();
    }

    /**
     * Adds one event of {@code subject}; returns the sequence number of the oldest event in the window if the window
     * now holds at least {@code threshold} events, else {@code null}.
     */
    Long count(String subject, long at, long seq) {
        ArrayDeque<Hit> hits = counts.get(subject, k -> new ArrayDeque<>());
        while (!hits.isEmpty() && hits.peekFirst().at() <= at - windowMillis) {
            hits.pollFirst();
        }
        hits.addLast(new Hit(at, seq));
        while (hits.size() > threshold) {
            hits.pollFirst();
        }
        return hits.size() >= threshold ? hits.peekFirst().seq() : null;
    }

    /**
     * Adds {@code key} (e.g. a patient pseudonym) seen for {@code subject}; returns the sequence number of the oldest
     * event in the window if at least {@code threshold} distinct keys were seen within it, else {@code null}.
     */
    Long distinct(String subject, String key, long at, long seq) {
        LinkedHashMap<String, Hit> seen = distinct.get(subject, k -> new LinkedHashMap<>());
        seen.remove(key);
        seen.put(key, new Hit(at, seq));
        Iterator<Map.Entry<String, Hit>> oldest = seen.entrySet().iterator();
        while (oldest.hasNext()) {
            Hit hit = oldest.next().getValue();
            if (hit.at() > at - windowMillis && seen.size() <= threshold) {
                break;
            }
            oldest.remove();
        }
        return seen.size() >= threshold ? seen.values().iterator().next().seq() : null;
    }
}
