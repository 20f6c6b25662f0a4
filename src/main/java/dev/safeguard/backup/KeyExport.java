package dev.safeguard.backup;

import java.time.Instant;
import java.util.List;

/**
 * A backup of the key directory under a passphrase, as recorded (never its content).
 *
 * @param keyFiles          the keyset files it holds
 * @param masterKeyIncluded false with the PKCS#11 provider: the master key stays on the HSM
 */
public record KeyExport(String id, Instant exportedAt, String exportedBy, String file, String sha256,
                        List<String> keyFiles, boolean masterKeyIncluded) {

    public KeyExport {
        keyFiles = List.copyOf(keyFiles);
    }
}
