package dev.safeguard.crypto.internal;

import dev.safeguard.crypto.RestoredKeys;
import dev.safeguard.crypto.spi.MasterKey;
import java.security.GeneralSecurityException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RestoredKeys}: the same classes as the live hierarchy ({@link StoredKeysets}, {@link KekRing},
 * {@link IndexAndMacKeys}, {@link DataKeys}) built over the copy's database, so a restore drill decrypts exactly as the
 * server would on the restored directory.
 */
@Component
class RestoredKeyHierarchies implements RestoredKeys {

    private final MasterKey master;
    private final Clock clock;

    RestoredKeyHierarchies(MasterKey master, Clock clock) {
        this.master = master;
        this.clock = clock;
    }

    @Override
    public Hierarchy open(DataSource database) {
        JdbcClient jdbc = JdbcClient.create(database);
        StoredKeysets keysets = new StoredKeysets(jdbc, master, clock);
        try {
            KekRing keks = new KekRing(keysets, jdbc, new TransactionTemplate(
                    new DataSourceTransactionManager(database)), clock);
            IndexAndMacKeys refs = new IndexAndMacKeys(keysets);
            return new Hierarchy(new DataKeys(jdbc, keks, refs, clock), refs, refs);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the key hierarchy of the restored copy", e);
        }
    }
}
