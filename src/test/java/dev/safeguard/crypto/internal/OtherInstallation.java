package dev.safeguard.crypto.internal;

import dev.safeguard.crypto.BackupKeys;
import dev.safeguard.crypto.KeySettings;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/** Tests: the backup keys of another installation, as its key directory would give them. */
public final class OtherInstallation {

    private OtherInstallation() {
    }

    /**
     * The {@link BackupKeys} of {@code keysDir}: its manifest signing key and its master key (each created there when
     * missing), as a second Safeguard installation would have them.
     */
    public static BackupKeys backupKeys(Path keysDir) throws GeneralSecurityException {
        KeySettings settings = new KeySettings(keysDir);
        return new LocalBackupKeys(settings, new LocalMasterKey(settings, keysDir.resolveSibling("other-data")));
    }
}
