package dev.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Exponential backoff: free attempts, then 1 s, 2 s, 4 s ... capped at five minutes. */
class LoginThrottleTests {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void accountBackoffDoublesAndIsCapped() {
        assertThat(LoginThrottle.wait(4, 5, T, T)).isEmpty();
        assertThat(LoginThrottle.wait(5, 5, T, T)).contains(Duration.ofSeconds(1));
        assertThat(LoginThrottle.wait(6, 5, T, T)).contains(Duration.ofSeconds(2));
        assertThat(LoginThrottle.wait(8, 5, T, T)).contains(Duration.ofSeconds(8));
        assertThat(LoginThrottle.wait(99, 5, T, T)).contains(Duration.ofMinutes(5));
        assertThat(LoginThrottle.wait(99, 5, T, T.plus(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void addressIsThrottledAfterTwentyFailuresAndForgetsAfterAnHour() {
        LoginThrottle throttle = new LoginThrottle();
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.addressWait("192.0.2.7", T)).as("attempt %d", i).isEmpty();
            throttle.addressFailed("192.0.2.7", T);
        }
        assertThat(throttle.addressWait("192.0.2.7", T)).contains(Duration.ofSeconds(1));
        assertThat(throttle.addressWait("192.0.2.8", T)).isEmpty();
        assertThat(throttle.addressWait("192.0.2.7", T.plus(Duration.ofMinutes(61)))).isEmpty();
    }
}
