package dev.safeguard.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Exponential backoff on failed sign-ins, per account and per network address (NIST SP 800-63B-4 5.2.2).
 *
 * <p>An account gets {@value #ACCOUNT_FREE} free consecutive failures, then must wait 1 s, 2 s, 4 s ... up to
 * {@link #MAX_DELAY} after each further failure; an address gets {@value #ADDRESS_FREE} (shared offices sit behind one
 * address) and forgets its failures after an hour without one. An attempt made while waiting is answered with 429
 * and is not counted. Account counts live in the database (all nodes agree); address counts are per node, in a
 * bounded cache.
 */
@Component
public class LoginThrottle {

    static final int ACCOUNT_FREE = 5;
    static final int ADDRESS_FREE = 20;
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    static final Duration ADDRESS_MEMORY = Duration.ofHours(1);

    private record AddressFailures(int count, Instant last) {
    }

    private final Cache<String, AddressFailures> addresses = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(ADDRESS_MEMORY).build();

    /** How long the account must still wait before the next attempt, if at all. */
    public Optional<Duration> accountWait(UserRow user, Instant now) {
        return wait(user.failedAttempts(), ACCOUNT_FREE,
                user.lastFailedAt() == null ? null : Instant.ofEpochMilli(user.lastFailedAt()), now);
    }

    public Optional<Duration> addressWait(String address, Instant now) {
        AddressFailures failures = current(address, now);
        return failures == null ? Optional.empty() : wait(failures.count(), ADDRESS_FREE, failures.last(), now);
    }

    public void addressFailed(String address, Instant now) {
        addresses.asMap().compute(address, (k, old) -> {
            AddressFailures live = old == null || old.last().plus(ADDRESS_MEMORY).isBefore(now) ? null : old;
            return new AddressFailures(live == null ? 1 : live.count() + 1, now);
        });
    }

    private AddressFailures current(String address, Instant now) {
        AddressFailures failures = addresses.getIfPresent(address);
        return failures == null || failures.last().plus(ADDRESS_MEMORY).isBefore(now) ? null : failures;
    }

    static Optional<Duration> wait(int failures, int free, Instant lastFailure, Instant now) {
        if (failures < free || lastFailure == null) {
            return Optional.empty();
        }
        int exponent = Math.min(failures - free, 20);
        Duration delay = Duration.ofSeconds(1L << exponent);
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        Duration remaining = Duration.between(now, lastFailure.plus(delay));
        return remaining.isNegative() || remaining.isZero() ? Optional.empty() : Optional.of(remaining);
    }
}
