package dev.safeguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The load generator's results as Markdown: the machine, then one table for sign-in and one for the no-op. */
final class Report {

    private final StringBuilder out = new StringBuilder();

    Report machine(Path jar, List<String> serverArguments, int windowSeconds) {
        line("## Safeguard load benchmark");
        line("");
        line("- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs available to the JVM"
                + ", memory " + memTotal() + ", load average before the run " + loadAverage());
        line("- Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (server and load generator), " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        line("- Server: " + jar + ", default JVM options, embedded SQLite, HTTPS on 127.0.0.1"
                + (serverArguments.isEmpty() ? "" : ", " + String.join(" ", serverArguments)));
        line("- Load: closed loop, one HTTP/1.1 connection per client, " + windowSeconds
                + " s per row after warm-up; the load generator runs on the same machine");
        line("");
        return this;
    }

    Report login(List<PhaseResult> rows) {
        line("### POST /api/auth/login (password step, Argon2id m=19 MiB t=2 p=1)");
        line("");
        line("| Clients | After a 429 the client | Logins/s (200) | 200 p50 | 200 p99 | 429/s | 429 share "
                + "| 429 p50 | 429 p99 | 429s with Retry-After | Other / errors | Server CPU per login "
                + "| CPU: server / client / other |");
        line("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (PhaseResult r : rows) {
            Tally t = r.tally();
            line(String.format(Locale.ROOT,
                    "| %d | %s | %.1f | %s | %s | %.1f | %.1f %% | %s | %s | %s | %d / %d | %.1f ms | %s |",
                    r.clients(), r.onRejected().description, r.perSecond(t.ok.count()),
                    millis(t.ok, 0.50), millis(t.ok, 0.99), r.perSecond(t.rejected.count()), 100 * r.rejectedShare(),
                    millis(t.rejected, 0.50), millis(t.rejected, 0.99),
                    t.rejected.count() == 0 ? "–" : t.rejectedWithRetryAfter + " of " + t.rejected.count(),
                    t.otherStatus, t.errors, r.serverCpuMillisPerSuccess(), cpu(r)));
        }
        line("");
        return this;
    }

    Report ping(List<PhaseResult> rows) {
        line("### GET /api/ping (no-op): cost of authentication");
        line("");
        line("| Request | Clients | Requests/s | p50 | p99 | Server CPU per request | CPU: server / client / other "
                + "| Non-200 / errors |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (PhaseResult r : rows) {
            Tally t = r.tally();
            line(String.format(Locale.ROOT, "| %s | %d | %.0f | %s | %s | %.0f µs | %s | %d / %d |", r.name(),
                    r.clients(), r.perSecond(t.ok.count()), millis(t.ok, 0.50), millis(t.ok, 0.99),
                    r.serverCpuMicrosPerRequest(), cpu(r), t.otherStatus + t.rejected.count(), t.errors));
        }
        line("");
        return this;
    }

    /** Flags rows during which other processes used the CPU, and rows with requests that got no answer. */
    Report caveats(List<PhaseResult> rows) {
        double worst = rows.stream().mapToDouble(PhaseResult::otherCpuShare).max().orElse(0);
        if (worst > 0.10) {
            line(String.format(Locale.ROOT, "**Not representative:** other processes used up to %.0f %% of the CPUs "
                    + "during a row; run again on a quiet machine.", 100 * worst));
            line("");
        }
        for (PhaseResult r : rows) {
            if (r.tally().errors > 0) {
                line(String.format(Locale.ROOT, "**%s, %d clients:** %d requests got no answer (first: %s).",
                        r.name(), r.clients(), r.tally().errors, r.tally().firstError));
                line("");
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private static String millis(Samples samples, double q) {
        if (samples.count() == 0) {
            return "–";
        }
        double ms = samples.quantile(q) / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
    }

    private static String cpu(PhaseResult r) {
        double other = r.otherCpuShare();
        return String.format(Locale.ROOT, "%.0f %% / %.0f %% / %s", 100 * r.serverCpuShare(),
                100 * r.clientCpuShare(), other < 0 ? "?" : String.format(Locale.ROOT, "%.0f %%", 100 * other));
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal").map(kb -> {
            long kib = Long.parseLong(kb.replace("kB", "").strip());
            return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
        }).orElse("unknown");
    }

    private static Optional<String> firstValue(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
