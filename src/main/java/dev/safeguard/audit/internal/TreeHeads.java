package dev.safeguard.audit.internal;

import dev.safeguard.audit.AuditSettings;
import dev.safeguard.crypto.AuditKeys;
import dev.safeguard.platform.StorageSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs tree heads and keeps them in two places: the database and an append-only checkpoint file outside the
 * database directory (one JSON object per line, fsynced), so deleting or rewriting the tail of the table, or the
 * table of heads itself, is detected by comparing the two.
 */
@Component
public class TreeHeads {

    private static final Logger log = LoggerFactory.getLogger(TreeHeads.class);
    private static final Pattern LINE = Pattern.compile(
            "\\{\"treeSize\":(\\d+),\"rootHash\":\"([A-Za-z0-9+/=]+)\",\"signedAt\":(\\d+),\"signature\":\"([A-Za-z0-9+/=]+)\"}");

    private final AuditKeys keys;
    private final AuditStore store;
    private final Path checkpointFile;

    private final List<SignedTreeHeadListener> listeners;

    public TreeHeads(AuditKeys keys, AuditStore store, AuditSettings settings, StorageSettings storage,
                     org.springframework.beans.factory.ObjectProvider<SignedTreeHeadListener> listeners) {
        this.listeners = listeners.orderedStream().toList();
        this.keys = keys;
        this.store = store;
        this.checkpointFile = settings.checkpointFile().toAbsolutePath().normalize();
        Path dataDir = storage.dataDir().toAbsolutePath().normalize();
        if (checkpointFile.startsWith(dataDir)) {
            throw new IllegalStateException("SAFEGUARD_AUDIT_CHECKPOINT_FILE (" + checkpointFile + ") must be outside "
                    + "the data directory " + dataDir + ", or losing the database loses the checkpoints too");
        }
    }

    /** Signs and stores the head of a tree; the caller guarantees {@code root} is the root of the first size events. */
    public TreeHead sign(long treeSize, byte[] root, long now) {
        TreeHead head = new TreeHead(treeSize, root, now, keys.sign(TreeHead.message(treeSize, now, root)));
        store.insertTreeHead(head);
        appendToFile(head);
        for (SignedTreeHeadListener listener : listeners) {
            try {
                listener.treeHeadSigned(head);
            } catch (RuntimeException e) {
                log.atError().addKeyValue("listener", listener.getClass().getSimpleName()).setCause(e)
                        .log("A tree head listener failed; the head is stored regardless");
            }
        }
        return head;
    }

    public boolean signatureValid(TreeHead head) {
        return keys.verify(head.message(), head.signature());
    }

    /** The heads recorded in the checkpoint file, in file order. Unparseable lines are reported, not skipped. */
    public List<TreeHead> fromFile() {
        if (!Files.exists(checkpointFile)) {
            return List.of();
        }
        try {
            List<TreeHead> heads = new ArrayList<>();
            String content = Files.readString(checkpointFile, StandardCharsets.UTF_8);
            // A line without its newline was being written when the process died: it was never complete, skip it.
            int complete = content.lastIndexOf('\n') + 1;
            for (String line : content.substring(0, complete).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                Matcher m = LINE.matcher(line.strip());
                if (!m.matches()) {
                    throw new IllegalStateException("Unreadable line in the checkpoint file " + checkpointFile);
                }
                heads.add(new TreeHead(Long.parseLong(m.group(1)), Base64.getDecoder().decode(m.group(2)),
                        Long.parseLong(m.group(3)), Base64.getDecoder().decode(m.group(4))));
            }
            return heads;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint file " + checkpointFile, e);
        }
    }

    public Path checkpointFile() {
        return checkpointFile;
    }

    private void appendToFile(TreeHead head) {
        String line = "{\"treeSize\":" + head.treeSize() + ",\"rootHash\":\""
                + Base64.getEncoder().encodeToString(head.rootHash()) + "\",\"signedAt\":" + head.signedAt()
                + ",\"signature\":\"" + Base64.getEncoder().encodeToString(head.signature()) + "\"}\n";
        try {
            Files.createDirectories(checkpointFile.getParent());
            try (FileChannel channel = FileChannel.open(checkpointFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            log.atError().addKeyValue("file", checkpointFile.toString()).setCause(e)
                    .log("Cannot append the signed tree head to the checkpoint file");
            throw new UncheckedIOException(e);
        }
    }
}
