package dev.safeguard.identity.internal;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) through dev.samstevens.totp. Verification returns the time
 * step that matched, so the caller can refuse any step at or before the last one accepted: a code works once.
 */
@Component
public class TotpCodes {

    public static final int PERIOD_SECONDS = 30;
    /** Steps accepted either side of now, for clock drift between server and authenticator. */
    static final int DRIFT_STEPS = 1;
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final RecoveryCodeGenerator recovery = new RecoveryCodeGenerator();

    /** A new base32 secret of 160 bits. */
    public String newSecret() {
        return secrets.generate();
    }

    /** The {@code otpauth://} URI authenticator apps import. */
    public String uri(String secret, String accountName) {
        return qrData(secret, accountName).getUri();
    }

    /** The same URI as a PNG QR code. */
    public byte[] qrPng(String secret, String accountName) {
        try {
            return new ZxingPngQrGenerator().generate(qrData(secret, accountName));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Cannot render the QR code", e);
        }
    }

    /**
     * The time step the code matches at {@code now} (within the allowed drift) and that is after
     * {@code lastAcceptedStep}, if any.
     */
    public OptionalLong verify(String secret, String code, long lastAcceptedStep, Instant now) {
        if (code == null || !CODE.matcher(code).matches()) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long s = current - DRIFT_STEPS; s <= current + DRIFT_STEPS; s++) {
            if (s > lastAcceptedStep && MessageDigest.isEqual(codeAt(secret, s).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** The code for a time step; used by verification and by tests acting as an authenticator app. */
    public String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Cannot compute a TOTP code", e);
        }
    }

    public static long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), PERIOD_SECONDS);
    }

    /** Ten single-use recovery codes of 16 characters from [a-z0-9] (about 82 bits each). */
    public List<String> recoveryCodes() {
        return List.of(recovery.generateCodes(10));
    }

    private static QrData qrData(String secret, String accountName) {
        return new QrData.Builder().label(accountName).secret(secret).issuer("Safeguard")
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
    }
}
