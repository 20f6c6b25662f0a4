package dev.safeguard.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, kept in full so that percentiles are exact (nearest rank). */
final class Samples {

    private long[] values = new long[1024];
    private int size;
    private boolean sorted = true;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
        sorted = false;
    }

    void addAll(Samples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int count() {
        return size;
    }

    /** The {@code q}-quantile (0 &lt; q ≤ 1) in nanoseconds; 0 when there are no samples. */
    long quantile(double q) {
        if (size == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(q * size);
        return values[Math.min(size, Math.max(1, rank)) - 1];
    }
}
