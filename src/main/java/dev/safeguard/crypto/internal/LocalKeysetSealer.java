package dev.safeguard.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.safeguard.crypto.KeySettings;
import dev.safeguard.crypto.SecretSealer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@link SecretSealer} over a Tink AES-256-GCM keyset kept in {@code keysDir/application-secrets.json}, created with
 * mode 0600 on first start. Start-up fails if the file is readable by group or others.
 */
@Component
@EnableConfigurationProperties(KeySettings.class)
class LocalKeysetSealer implements SecretSealer {

    private static final Logger log = LoggerFactory.getLogger(LocalKeysetSealer.class);
    static final String FILE = "application-secrets.json";

    private final Aead aead;

    LocalKeysetSealer(KeySettings settings) throws GeneralSecurityException {
        AeadConfig.register();
        this.aead = load(settings.keysDir().resolve(FILE)).getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    @Override
    public byte[] seal(byte[] plaintext, String purpose) {
        try {
            return aead.encrypt(plaintext, purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing failed", e);
        }
    }

    @Override
    public byte[] open(byte[] sealed, String purpose) {
        try {
            return aead.decrypt(sealed, purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new SecretUnavailable("A sealed secret failed authentication (tampered, moved, or its key is gone)",
                    e);
        }
    }

    private static KeysetHandle load(Path file) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                checkPrivate(file);
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            String serialized = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            Path tmp = dir.resolve(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            createPrivateFile(tmp);
            Files.writeString(tmp, serialized, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.atInfo().addKeyValue("file", file.toString()).log("Created the local application-secrets keyset");
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the keyset " + file, e);
        }
    }

    private static void checkPrivate(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new IllegalStateException("The keyset " + file + " is accessible to group or others ("
                        + PosixFilePermissions.toString(permissions) + "); run chmod 600 on it");
            }
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Cannot check the permissions of {} on this file system", file);
        }
    }

    private static void createPrivateFile(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static void restrict(Path dir, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Cannot restrict the permissions of {} on this file system", dir);
        }
    }
}
