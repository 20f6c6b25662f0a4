package dev.safeguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SoftHSM2 token for the PKCS#11 tests (Debian {@code softhsm2}, installed by {@code .ci/run}). The library
 * reads {@code SOFTHSM2_CONF} once per JVM, so the build sets that variable (see the surefire configuration) and this
 * class writes the file and initializes one token, once, before anything loads the library.
 */
public final class SoftHsm {

    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String PIN = "synthetic-user-pin";
    private static Long slot;

    private SoftHsm() {
    }

    /** The slot id of this JVM's test token, initializing it on first call. */
    public static synchronized long slot() {
        if (slot != null) {
            return slot;
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set; run the tests through Maven");
        }
        if (!Files.isRegularFile(LIBRARY)) {
            throw new IllegalStateException(LIBRARY + " is missing: install softhsm2 (.ci/run does)");
        }
        try {
            Path file = Path.of(conf);
            Path tokens = file.getParent().resolve("tokens-" + ProcessHandle.current().pid());
            Files.createDirectories(tokens);
            Files.writeString(file, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\n", StandardCharsets.UTF_8);
            Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "safeguard-test",
                    "--pin", PIN, "--so-pin", "synthetic-so-pin").redirectErrorStream(true).start();
            String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (init.waitFor() != 0) {
                throw new IllegalStateException("softhsm2-util failed: " + output);
            }
            Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("Unexpected softhsm2-util output: " + output);
            }
            slot = Long.parseLong(m.group(1));
            return slot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
