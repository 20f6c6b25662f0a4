package dev.safeguard.program.vendors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.safeguard.access.BusinessAssociateGate;
import dev.safeguard.audit.Alerts;
import dev.safeguard.program.VendorSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Enforces business associate agreements on the FHIR path: a service client that belongs to a vendor gets no ePHI
 * unless the vendor, and for a subcontractor every business associate above it, has an agreement in force at the
 * time of the request. Each refusal raises the {@value #ALERT_RULE} alert (ids only), at most once per client per
 * hour.
 *
 * <p>Guarantees: what a client's vendors' agreements cover is kept as half-open time windows and compared with the
 * request's time on every call, so an expiry takes effect at its exact instant without any invalidation. What this
 * node changes (vendors, agreements, links) takes effect at the next request: the services call {@link #invalidate()}
 * after their transaction commits, and a read that raced with the change is discarded by the generation counter.
 * Another node's changes are seen within {@code safeguard.program.vendors.gate-cache-ttl}. Memory is bounded
 * ({@value #MAX_CLIENTS} clients). A database error propagates, and the access policy then refuses (fail closed).
 */
@Component
public class AgreementGate implements BusinessAssociateGate {

    /** The alert rule raised when a vendor's client is refused ePHI. */
    public static final String ALERT_RULE = "baa-missing";
    static final Duration ALERT_EVERY = Duration.ofHours(1);
    static final int MAX_CLIENTS = 10_000;
    /** Longest chain of business associate and subcontractors followed; longer (or cyclic) chains refuse. */
    public static final int MAX_CHAIN = 8;

    /** One vendor of a client's chain and the windows {@code [from, until)} in which it has an agreement in force. */
    record Covered(String vendorId, List<long[]> windows) {
        boolean at(long t) {
            return windows.stream().anyMatch(w -> w[0] <= t && t < w[1]);
        }
    }

    /** A client's vendor chain (its vendor first; empty for a client of no vendor), as read at {@code generation}. */
    record Known(List<Covered> chain, long generation) {
    }

    private final VendorStore vendors;
    private final AgreementStore agreements;
    private final VendorClientStore links;
    private final Alerts alerts;
    private final Clock clock;
    private final boolean caching;
    private final Cache<String, Known> known;
    private final Cache<String, Long> alerted;
    private final AtomicLong generation = new AtomicLong();

    AgreementGate(VendorStore vendors, AgreementStore agreements, VendorClientStore links, Alerts alerts,
                  VendorSettings settings, Clock clock) {
        this.vendors = vendors;
        this.agreements = agreements;
        this.links = links;
        this.alerts = alerts;
        this.clock = clock;
        this.caching = !settings.gateCacheTtl().isZero();
        this.known = Caffeine.newBuilder().maximumSize(MAX_CLIENTS)
                .expireAfterWrite(caching ? settings.gateCacheTtl() : Duration.ofMillis(1)).build();
        this.alerted = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterWrite(ALERT_EVERY.plusMinutes(1))
                .build();
    }

    @Override
    public Optional<String> refusal(String clientId, Instant at) {
        List<Covered> chain = known(clientId).chain();
        long t = at.toEpochMilli();
        for (int i = 0; i < chain.size(); i++) {
            if (!chain.get(i).at(t)) {
                alert(clientId, chain, i);
                return Optional.of(message(chain, i));
            }
        }
        return Optional.empty();
    }

    /** Forgets everything read so far; the next request of every client reads again. Call after a change commits. */
    public void invalidate() {
        generation.incrementAndGet();
        known.invalidateAll();
    }

    private Known known(String clientId) {
        long current = generation.get();
        Known cached = caching ? known.getIfPresent(clientId) : null;
        if (cached != null && cached.generation() == current) {
            return cached;
        }
        Known loaded = new Known(load(clientId), current);
        if (caching && generation.get() == current) {
            known.put(clientId, loaded);
        }
        return loaded;
    }

    private List<Covered> load(String clientId) {
        List<Covered> chain = new ArrayList<>();
        Optional<String> vendor = links.vendorOf(clientId);
        while (vendor.isPresent()) {
            if (chain.size() == MAX_CHAIN) {
                throw new IllegalStateException("The vendor chain of a service client is longer than " + MAX_CHAIN);
            }
            String id = vendor.get();
            List<long[]> windows = agreements.ofVendor(id).stream().filter(a -> a.executedAt() != null)
                    .map(a -> new long[] {a.effectiveAt(), AgreementTerms.until(a)}).filter(w -> w[0] < w[1])
                    .toList();
            chain.add(new Covered(id, windows));
            vendor = vendors.parentOf(id);
        }
        return List.copyOf(chain);
    }

    private static String message(List<Covered> chain, int missing) {
        String vendor = chain.get(0).vendorId();
        String who = missing == 0 ? "vendor " + vendor + ", which has"
                : "vendor " + vendor + ", a subcontractor of business associate " + chain.get(missing).vendorId()
                + ", which has";
        return "This service client belongs to " + who + " no business associate agreement in force (45 CFR "
                + "164.308(b)(1), 164.314(a)); no ePHI is released to it until a security or compliance officer "
                + "records an executed, unexpired agreement";
    }

    private void alert(String clientId, List<Covered> chain, int missing) {
        long now = clock.millis();
        AtomicBoolean first = new AtomicBoolean();
        alerted.asMap().compute(clientId, (key, last) -> {
            if (last == null || now - last >= ALERT_EVERY.toMillis() || now < last) {
                first.set(true);
                return now;
            }
            return last;
        });
        if (first.get()) {
            alerts.raise(ALERT_RULE, Alerts.Severity.HIGH, clientId, "Service client " + clientId + " of vendor "
                    + chain.get(0).vendorId() + " was refused ePHI: "
                    + (missing == 0 ? "no business associate agreement in force"
                    : "its business associate " + chain.get(missing).vendorId() + " has no agreement in force"));
        }
    }
}
