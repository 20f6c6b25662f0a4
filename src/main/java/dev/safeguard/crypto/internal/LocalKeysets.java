package dev.safeguard.crypto.internal;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tink keyset files in the key directory: created on first use with mode 0600 (directory 0700) and written
 * atomically; refused when readable by group or others.
 */
final class LocalKeysets {

    private static final Logger log = LoggerFactory.getLogger(LocalKeysets.class);

    private LocalKeysets() {
    }

    static KeysetHandle loadOrCreate(Path file, Parameters parameters) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                checkPrivate(file);
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            restrict(dir);
            KeysetHandle handle = KeysetHandle.generateNew(parameters);
            String serialized = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, serialized, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            log.atInfo().addKeyValue("file", file.toString()).log("Created a keyset");
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

    private static void restrict(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Cannot restrict the permissions of {} on this file system", dir);
        }
    }
}
