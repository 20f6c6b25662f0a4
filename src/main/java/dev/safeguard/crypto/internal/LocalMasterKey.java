package dev.safeguard.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.safeguard.crypto.KeySettings;
import dev.safeguard.crypto.spi.MasterKey;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The {@code local} master key: a Tink AES-256-GCM keyset in {@code SAFEGUARD_KEYS_DIR/master-key.json}, generated on
 * first start with mode 0600. Start-up warns when the key directory sits inside or beside the database directory: a
 * copy of the data directory would then carry the key that decrypts it.
 */
@Component
@ConditionalOnProperty(prefix = "safeguard.master-key", name = "provider", havingValue = "local", matchIfMissing = true)
@org.springframework.boot.context.properties.EnableConfigurationProperties(dev.safeguard.crypto.MasterKeySettings.class)
class LocalMasterKey implements MasterKey {

    private static final Logger log = LoggerFactory.getLogger(LocalMasterKey.class);
    static final String FILE = "master-key.json";

    private final Path file;
    private final Aead aead;

    LocalMasterKey(KeySettings settings, @Value("${safeguard.data-dir:data}") Path dataDir)
            throws GeneralSecurityException {
        AeadConfig.register();
        this.file = settings.keysDir().resolve(FILE).toAbsolutePath().normalize();
        this.aead = LocalKeysets.loadOrCreate(file, PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        if (besideDatabase(file.getParent(), dataDir.toAbsolutePath().normalize())) {
            log.atWarn().addKeyValue("keysDir", file.getParent().toString())
                    .log("The master key is stored inside the data directory: a copy of the data directory would "
                            + "decrypt itself. Set SAFEGUARD_KEYS_DIR to a directory on other storage, or use PKCS#11");
        }
    }

    /** True when the key directory is the data directory or inside it. */
    static boolean besideDatabase(Path keysDir, Path dataDir) {
        return keysDir.startsWith(dataDir);
    }

    @Override
    public String provider() {
        return "local";
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public Aead aead() {
        return aead;
    }
}
