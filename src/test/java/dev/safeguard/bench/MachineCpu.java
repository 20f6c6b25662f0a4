package dev.safeguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The whole machine's CPU use from {@code /proc/stat}, so that a report shows when something besides the server and
 * the load generator was running (a build, another benchmark) and its numbers are not to be trusted.
 */
record MachineCpu(long busy, long total) {

    private static final Path STAT = Path.of("/proc/stat");

    /** Now; zeros where {@code /proc/stat} does not exist. */
    static MachineCpu now() {
        try {
            String line = Files.readAllLines(STAT).get(0);
            long[] ticks = Arrays.stream(line.substring("cpu".length()).strip().split("\\s+")).limit(8)
                    .mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(ticks).sum();
            long idle = ticks[3] + ticks[4];
            return new MachineCpu(total - idle, total);
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(0, 0);
        }
    }

    /** The share of all CPUs that was busy since {@code earlier}, or -1 when unknown. */
    double busySince(MachineCpu earlier) {
        long total = this.total - earlier.total;
        return total <= 0 ? -1 : (double) (busy - earlier.busy) / total;
    }
}
