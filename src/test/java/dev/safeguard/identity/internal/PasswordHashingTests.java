package dev.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hashing executor is bounded: past its capacity, callers get 429 at once instead of waiting without limit. */
class PasswordHashingTests {

    @Test
    void saturatedExecutorAnswers429WithRetryAfter() throws Exception {
        PasswordHashing hashing = new PasswordHashing(new IdentitySettings(Duration.ofMinutes(15),
                Duration.ofHours(12), 1, 1, 100, Duration.ofHours(24)));
        String hash = hashing.hash("a fine passphrase");
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return String.valueOf(hashing.verify("a fine passphrase", hash));
                    } catch (ProblemException e) {
                        assertThat(e.kind()).isEqualTo(ProblemKind.TOO_MANY_REQUESTS);
                        assertThat(e.retryAfter()).isPositive();
                        return "429";
                    }
                }, callers));
            }
            List<String> results = outcomes.stream().map(CompletableFuture::join).toList();
            assertThat(results).contains("true", "429").containsOnly("true", "429");
        } finally {
            callers.shutdownNow();
            callers.awaitTermination(10, TimeUnit.SECONDS);
            hashing.destroy();
        }
    }
}
