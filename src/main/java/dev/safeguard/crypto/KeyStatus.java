package dev.safeguard.crypto;

import java.time.Instant;
import java.util.List;

/**
 * The state of the key hierarchy for operators and evidence: the master-key provider, every KEK version with how
 * many data keys it wraps, and the progress of the rewrap onto the active version.
 */
public record KeyStatus(String masterKeyProvider, String masterKeyLocation, int activeKekVersion,
                        List<KekVersion> kekVersions, long dataKeys, long dataKeysToRewrap, boolean rewrapRunning,
                        long shreddedCompartments) {

    public record KekVersion(int version, String state, Instant createdAt, long dataKeys) {
    }
}
