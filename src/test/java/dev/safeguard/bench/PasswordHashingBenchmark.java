package dev.safeguard.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The CPU cost of one Argon2id hash and one verification with the production parameters, without the executor,
 * HTTP or the database around it. Run with {@code bench/jmh.sh}; add {@code -t 2} to load both CPUs of a 2 vCPU
 * machine and see whether memory bandwidth lets two run side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PasswordHashingBenchmark {

    private static final String PASSWORD = "bench passphrase 0001";

    // IMPORTANT: the same parameters as identity.internal.PasswordHashing (salt 16 B, hash 32 B, p=1, m=19 MiB, t=2).
    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private String hash;

    @Setup
    public void hashOnce() {
        hash = encoder.encode(PASSWORD);
    }

    /** Setting or changing a password: a new salt and a full Argon2id run. */
    @Benchmark
    public String hash() {
        return encoder.encode(PASSWORD);
    }

    /** Signing in: decode the stored hash and one full Argon2id run. */
    @Benchmark
    public boolean verify() {
        return encoder.matches(PASSWORD, hash);
    }
}
