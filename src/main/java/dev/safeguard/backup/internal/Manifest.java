package dev.safeguard.backup.internal;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup's manifest ({@code manifest.json}), signed with Ed25519 ({@code manifest.sig}): what the backup holds and
 * how to check it. The signature covers the file's exact bytes, so every field below is protected.
 *
 * @param format              {@value #FORMAT}
 * @param createdAt           ISO-8601 instant of the snapshot
 * @param sourceDatabase      {@code sqlite} or {@code postgresql}
 * @param schemaVersion       the migration version of the snapshot; a restore migrates the new database to it
 * @param masterKeyProvider   the provider whose master key wraps {@code wrappedKey}
 * @param wrappedKey          the backup's streaming keyset, encrypted under the master key (base64)
 * @param auditEvents         audit events in the snapshot
 * @param auditSignedTreeSize the largest signed tree head in the snapshot (the checkpoint file is cut to it)
 * @param auditTreeHeads      signed tree heads in the snapshot's table
 * @param files               every data file with its size and SHA-256 (hex) of its bytes on disk
 * @param tables              every table in the dump, in dump (restore) order, with its rows
 * @param excludedTables      tables deliberately not backed up
 */
record Manifest(String format, String id, String createdAt, String sourceDatabase, String schemaVersion,
                String masterKeyProvider, String wrappedKey, long auditEvents, long auditSignedTreeSize,
                long auditTreeHeads, List<FileEntry> files, List<TableEntry> tables, List<String> excludedTables) {

    static final String FORMAT = "safeguard-backup-v1";
    static final String FILE = "manifest.json";
    static final String SIGNATURE_FILE = "manifest.sig";
    static final String PUBLIC_KEY_FILE = "backup-signing-public-keyset.json";
    static final String DATABASE_FILE = "database.sgdump";
    static final String CHECKPOINTS_FILE = "audit-checkpoints.sgdump";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    record FileEntry(String name, long size, String sha256) {
    }

    record TableEntry(String name, long rows) {
    }

    Manifest {
        files = List.copyOf(files);
        tables = List.copyOf(tables);
        excludedTables = List.copyOf(excludedTables);
    }

    byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    long rows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }

    FileEntry file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** @throws IllegalArgumentException naming what is wrong when the bytes are not a manifest of this format */
    static Manifest parse(byte[] json) {
        Manifest m;
        try {
            m = JSON.readValue(json, Manifest.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the manifest is not valid JSON of format " + FORMAT);
        }
        if (!FORMAT.equals(m.format()) || m.id() == null || m.wrappedKey() == null || m.createdAt() == null
                || m.schemaVersion() == null || m.sourceDatabase() == null) {
            throw new IllegalArgumentException("the manifest is not of format " + FORMAT + " or misses fields");
        }
        return m;
    }
}
