package dev.safeguard.bench;

import java.time.Duration;

/**
 * One measured phase: requests completed inside the window, and the CPU time the server and the load generator
 * used during it (both run on the same machine, so the client's share is capacity the server did not get).
 *
 * @param machineBusy share of all CPUs busy during the window (any process), -1 when unknown
 * @param drain       how long the requests still in flight when the window closed took to finish
 */
record PhaseResult(String name, int clients, ClosedLoop.OnRejected onRejected, Duration window, Tally tally,
                   Duration serverCpu, Duration clientCpu, double machineBusy, int cpus, Duration drain) {

    double perSecond(int count) {
        return count / seconds();
    }

    double rejectedShare() {
        int total = tally.ok.count() + tally.rejected.count();
        return total == 0 ? 0 : (double) tally.rejected.count() / total;
    }

    /** Server CPU time per answered request, in microseconds. */
    double serverCpuMicrosPerRequest() {
        return tally.answered() == 0 ? 0 : serverCpu.toNanos() / 1_000.0 / tally.answered();
    }

    /** Server CPU time per successful (200) request, in milliseconds, including what the rejected ones cost. */
    double serverCpuMillisPerSuccess() {
        return tally.ok.count() == 0 ? 0 : serverCpu.toNanos() / 1_000_000.0 / tally.ok.count();
    }

    /** Share of the machine's CPU capacity ({@code cpus} × window) used by the server and by the client. */
    double serverCpuShare() {
        return serverCpu.toNanos() / (seconds() * 1e9 * cpus);
    }

    double clientCpuShare() {
        return clientCpu.toNanos() / (seconds() * 1e9 * cpus);
    }

    /** Share of the machine used by other processes than the server and the load generator, or -1 if unknown. */
    double otherCpuShare() {
        return machineBusy < 0 ? -1 : Math.max(0, machineBusy - serverCpuShare() - clientCpuShare());
    }

    private double seconds() {
        return window.toNanos() / 1e9;
    }
}
