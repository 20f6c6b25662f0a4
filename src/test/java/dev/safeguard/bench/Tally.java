package dev.safeguard.bench;

import java.net.http.HttpResponse;

/** What one client saw during a phase; merged into one tally per phase afterwards. */
final class Tally {

    final Samples ok = new Samples();
    final Samples rejected = new Samples();
    int rejectedWithRetryAfter;
    int otherStatus;
    int errors;
    /** The first transport error (timeout, reset), for the progress output. */
    String firstError;

    void record(HttpResponse<?> response, long nanos) {
        switch (response.statusCode()) {
            case 200, 201 -> ok.add(nanos);
            case 429 -> {
                rejected.add(nanos);
                if (response.headers().firstValue("Retry-After").isPresent()) {
                    rejectedWithRetryAfter++;
                }
            }
            default -> otherStatus++;
        }
    }

    /** A request that got no answer, inside the window or after it. */
    void failed(Exception e, long nanos) {
        errors++;
        if (firstError == null) {
            firstError = e + " after " + nanos / 1_000_000 + " ms";
        }
    }

    void merge(Tally other) {
        if (firstError == null) {
            firstError = other.firstError;
        }
        ok.addAll(other.ok);
        rejected.addAll(other.rejected);
        rejectedWithRetryAfter += other.rejectedWithRetryAfter;
        otherStatus += other.otherStatus;
        errors += other.errors;
    }

    int answered() {
        return ok.count() + rejected.count() + otherStatus;
    }
}
