package dev.safeguard.audit;

import dev.safeguard.audit.internal.AuditStore;
import dev.safeguard.audit.internal.AuditVerifier;
import dev.safeguard.audit.internal.SignedTreeHeadListener;
import dev.safeguard.audit.internal.TreeHeads;
import dev.safeguard.crypto.AuditKeys;
import dev.safeguard.platform.StorageSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit trail of a copy of the database, for backups and restore drills (45 CFR 164.308(a)(7)): what a snapshot
 * of the trail covers, the external checkpoint file cut to that snapshot, and whole-trail verification of a restored
 * copy with this installation's audit signing key.
 *
 * <p>Guarantees: verification of a copy is the same {@link AuditVerifier} that checks the live trail (every leaf
 * hash, the Merkle tree, every signed tree head in the copy's table and in the copy's checkpoint file), run against
 * the copy's database and file; it never reads or writes the live trail. The checkpoint lines copied for a snapshot
 * are byte-for-byte the lines of the live file whose tree size the snapshot covers.
 */
@Service
public class AuditTrailCopies {

    private static final Pattern TREE_SIZE = Pattern.compile("^\\{\"treeSize\":(\\d+),");

    private final AuditKeys keys;
    private final AuditSettings settings;
    private final Clock clock;

    AuditTrailCopies(AuditKeys keys, AuditSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What a snapshot of the trail holds.
     *
     * @param events          events in the snapshot (the highest sequence number)
     * @param signedTreeSize  the size of the largest signed tree head in the snapshot (0 when none)
     * @param signedTreeHeads signed tree heads in the snapshot
     */
    public record Coverage(long events, long signedTreeSize, long signedTreeHeads) {
    }

    /** Reads the coverage inside the caller's snapshot transaction on {@code snapshot}. */
    public Coverage coverage(Connection snapshot) {
        try (Statement s = snapshot.createStatement();
             ResultSet events = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM audit_events")) {
            events.next();
            long seq = events.getLong(1);
            try (ResultSet heads = s.executeQuery("SELECT COALESCE(MAX(tree_size), 0), COUNT(*) FROM "
                    + "audit_tree_heads")) {
                heads.next();
                return new Coverage(seq, heads.getLong(1), heads.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail's extent in the snapshot", e);
        }
    }

    /**
     * The complete lines of the checkpoint file whose tree size is at most {@code maxTreeSize}: the heads a snapshot
     * covers (a head signed after the snapshot is left out, or the copy would claim events it does not hold).
     */
    public byte[] checkpointsUpTo(long maxTreeSize) {
        Path file = settings.checkpointFile().toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            return new byte[0];
        }
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            StringBuilder kept = new StringBuilder();
            int complete = content.lastIndexOf('\n') + 1;
            for (String line : content.substring(0, complete).split("\n")) {
                Matcher m = TREE_SIZE.matcher(line);
                if (m.find() && Long.parseLong(m.group(1)) <= maxTreeSize) {
                    kept.append(line).append('\n');
                }
            }
            return kept.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint file " + file, e);
        }
    }

    /** Writes a copy's checkpoint file (fsynced); refuses to overwrite one. */
    public static void writeCheckpoints(Path file, byte[] lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(lines));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the checkpoint file " + file, e);
        }
    }

    /**
     * Verifies a copy of the trail: its {@code audit_events} and {@code audit_tree_heads} in {@code database} and the
     * checkpoint file beside it, with this installation's audit signing key. The result is also stored in the copy's
     * {@code audit_verifications}, as a verification of that database.
     *
     * @param postgres       whether {@code database} is PostgreSQL (else SQLite)
     * @param dataDir        the copy's data directory (the checkpoint file must lie outside it)
     * @param checkpointFile the copy's checkpoint file
     */
    public AuditVerification verify(DataSource database, boolean postgres, Path dataDir, Path checkpointFile) {
        // A StorageSettings that only tells AuditStore which database it reads (it encodes text columns per vendor).
        StorageSettings storage = new StorageSettings(dataDir, postgres ? "jdbc:postgresql://restored-copy" : null,
                null, null, null);
        AuditStore store = new AuditStore(JdbcClient.create(database), new JdbcTemplate(database), storage);
        AuditSettings copy = new AuditSettings(checkpointFile, 0, 0, 0, null, null, settings.nodeId(),
                settings.verifyChunk());
        TreeHeads heads = new TreeHeads(keys, store, copy, storage,
                new StaticListableBeanFactory().getBeanProvider(SignedTreeHeadListener.class));
        return new AuditVerifier(store, heads, clock, copy).verify();
    }
}
