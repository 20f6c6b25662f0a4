package dev.safeguard.crypto;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where keys live. {@code SAFEGUARD_KEYS_DIR} defaults to {@code ./keys}, beside and not inside the data directory,
 * so that a copy of the database alone decrypts nothing.
 *
 * @param keysDir the directory of the local keyset files
 */
@ConfigurationProperties("safeguard")
public record KeySettings(Path keysDir) {
    public KeySettings {
        keysDir = keysDir == null ? Path.of("keys") : keysDir;
    }
}
