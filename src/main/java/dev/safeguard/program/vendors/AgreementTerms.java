package dev.safeguard.program.vendors;

import dev.safeguard.program.BusinessAssociateAgreement;
import dev.safeguard.program.Vendor;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The state of business associate agreements at an instant, computed from their recorded times alone (no clock of
 * its own, no database): the one place that says when an agreement is in force, so enforcement, checks, metrics and
 * pages agree.
 *
 * <p>An agreement is in force at {@code t} when it was executed and {@code effectiveAt <= t < until}, where
 * {@code until} is the earlier of its expiry and its termination (either may be absent). The bounds are half-open, so
 * at the exact expiry instant the agreement is no longer in force.
 */
public final class AgreementTerms {

    private AgreementTerms() {
    }

    /** {@code requested}, {@code executed}, {@code expired} or {@code terminated} at {@code now}. */
    public static String state(AgreementStore.Row r, long now) {
        if (r.terminatedAt() != null && r.terminatedAt() <= now) {
            return BusinessAssociateAgreement.TERMINATED;
        }
        if (r.executedAt() == null) {
            return BusinessAssociateAgreement.REQUESTED;
        }
        if (r.expiresAt() != null && r.expiresAt() <= now) {
            return BusinessAssociateAgreement.EXPIRED;
        }
        return BusinessAssociateAgreement.EXECUTED;
    }

    /** When the agreement stops being in force: the earlier of expiry and termination; MAX_VALUE for neither. */
    public static long until(AgreementStore.Row r) {
        long until = r.expiresAt() == null ? Long.MAX_VALUE : r.expiresAt();
        return r.terminatedAt() == null ? until : Math.min(until, r.terminatedAt());
    }

    public static boolean inForce(AgreementStore.Row r, long at) {
        return r.executedAt() != null && r.effectiveAt() <= at && at < until(r);
    }

    /** Whole days from {@code now} until the expiry of an executed, unexpired agreement; else {@code null}. */
    public static Long daysToExpiry(AgreementStore.Row r, long now) {
        if (!BusinessAssociateAgreement.EXECUTED.equals(state(r, now)) || r.expiresAt() == null) {
            return null;
        }
        return Duration.ofMillis(r.expiresAt() - now).toDays();
    }

    /**
     * A vendor's coverage at {@code now} from its agreements: {@code in-force}, else {@code not-yet-effective} (one is
     * executed and takes effect later), else {@code requested} (one is requested), else the state of the most recently
     * requested one ({@code expired} or {@code terminated}), else {@code none}.
     */
    public static String coverage(Collection<AgreementStore.Row> agreements, long now) {
        if (agreements.stream().anyMatch(a -> inForce(a, now))) {
            return Vendor.IN_FORCE;
        }
        if (agreements.stream().anyMatch(a -> BusinessAssociateAgreement.EXECUTED.equals(state(a, now)))) {
            return Vendor.NOT_YET_EFFECTIVE;
        }
        if (agreements.stream().anyMatch(a -> BusinessAssociateAgreement.REQUESTED.equals(state(a, now)))) {
            return BusinessAssociateAgreement.REQUESTED;
        }
        return latest(agreements).map(a -> state(a, now)).orElse(Vendor.NONE);
    }

    /** The agreement the coverage is about: the one in force that lasts longest, else the latest requested. */
    public static Optional<AgreementStore.Row> principal(Collection<AgreementStore.Row> agreements, long now) {
        Optional<AgreementStore.Row> inForce = agreements.stream().filter(a -> inForce(a, now))
                .max(Comparator.comparingLong(AgreementTerms::until));
        return inForce.isPresent() ? inForce : latest(agreements);
    }

    /**
     * Whether another agreement of the same vendor carries on after {@code r} expires: one that is not terminated and
     * is either still requested ({@code orRequested}) or executed with a later expiry (or none).
     */
    public static boolean renewed(AgreementStore.Row r, Collection<AgreementStore.Row> vendorAgreements, long now,
                                  boolean orRequested) {
        return vendorAgreements.stream().filter(o -> !o.id().equals(r.id()) && o.vendorId().equals(r.vendorId()))
                .anyMatch(o -> {
                    String state = state(o, now);
                    if (BusinessAssociateAgreement.REQUESTED.equals(state)) {
                        return orRequested;
                    }
                    return BusinessAssociateAgreement.EXECUTED.equals(state) && r.expiresAt() != null
                            && until(o) > r.expiresAt();
                });
    }

    private static Optional<AgreementStore.Row> latest(Collection<AgreementStore.Row> agreements) {
        return agreements.stream().max(Comparator.comparingLong(AgreementStore.Row::requestedAt)
                .thenComparingLong(AgreementStore.Row::createdAt));
    }
}
