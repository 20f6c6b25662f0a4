package dev.safeguard.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Encryption under a passphrase: Argon2id (Bouncy Castle; 64 MiB, 3 passes, 1 lane, a random 16-byte salt) derives a
 * 256-bit key, and Tink's AES-256-GCM encrypts with the caller's associated data. The passphrase is normalized
 * (Unicode NFKC) first, so the same words typed on another keyboard open it.
 */
public final class PassphraseEnvelope {

    /** Argon2id cost parameters of new envelopes; stored with each envelope, so opening old ones keeps working. */
    public static final int MEMORY_KIB = 64 * 1024;
    public static final int ITERATIONS = 3;
    public static final int PARALLELISM = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PassphraseEnvelope() {
    }

    /** What opening needs besides the passphrase: the KDF's salt and costs, and the ciphertext. */
    public record Sealed(byte[] salt, int memoryKiB, int iterations, int parallelism, byte[] ciphertext) {
    }

    public static Sealed seal(byte[] plaintext, char[] passphrase, byte[] associatedData) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            byte[] ciphertext = aead(passphrase, salt, MEMORY_KIB, ITERATIONS, PARALLELISM)
                    .encrypt(plaintext, associatedData);
            return new Sealed(salt, MEMORY_KIB, ITERATIONS, PARALLELISM, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Passphrase encryption failed", e);
        }
    }

    /**
     * @throws GeneralSecurityException when the passphrase is wrong or anything sealed (ciphertext, salt, costs,
     *                                  associated data) was altered
     */
    public static byte[] open(Sealed sealed, char[] passphrase, byte[] associatedData)
            throws GeneralSecurityException {
        if (sealed.memoryKiB() < 8 || sealed.memoryKiB() > 4 * 1024 * 1024 || sealed.iterations() < 1
                || sealed.iterations() > 100 || sealed.parallelism() < 1 || sealed.parallelism() > 64
                || sealed.salt().length < 8) {
            throw new GeneralSecurityException("Implausible key derivation parameters");
        }
        return aead(passphrase, sealed.salt(), sealed.memoryKiB(), sealed.iterations(), sealed.parallelism())
                .decrypt(sealed.ciphertext(), associatedData);
    }

    private static Aead aead(char[] passphrase, byte[] salt, int memoryKiB, int iterations, int parallelism)
            throws GeneralSecurityException {
        char[] normalized = Normalizer.normalize(java.nio.CharBuffer.wrap(passphrase), Normalizer.Form.NFKC)
                .toCharArray();
        byte[] key = new byte[32];
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKiB)
                    .withIterations(iterations).withParallelism(parallelism).build());
            generator.generateBytes(normalized, key);
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            return AesGcmJce.create(AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build());
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(normalized, '\0');
        }
    }
}
