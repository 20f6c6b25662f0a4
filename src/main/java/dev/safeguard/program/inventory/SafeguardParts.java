package dev.safeguard.program.inventory;

import dev.safeguard.audit.AuditSettings;
import dev.safeguard.backup.BackupSettings;
import dev.safeguard.crypto.KeySettings;
import dev.safeguard.crypto.MasterKeySettings;
import dev.safeguard.identity.ServiceClientView;
import dev.safeguard.platform.StorageSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Safeguard's own parts as inventory assets, read from its configuration and its service clients: the server, its
 * database (SQLite file or PostgreSQL), the master-key provider (local keyset or PKCS#11 HSM), the external audit
 * checkpoint file, the backup directory and every service client. Locations never include credentials (a PostgreSQL URL is cut before its
 * parameters; PINs are never read).
 */
final class SafeguardParts {

    /** One part: its stable system key and the facts the inventory records. */
    record Part(String systemKey, String name, String kind, boolean ephi, String location, String ownerId,
                String encryption, boolean centralLogging, String vendor, String description, String status) {
    }

    static final String SERVER = "safeguard:server";
    static final String DATABASE = "safeguard:database";
    static final String KEY_PROVIDER = "safeguard:key-provider";
    static final String CHECKPOINTS = "safeguard:audit-checkpoints";
    static final String BACKUPS = "safeguard:backups";
    static final String CLIENT_PREFIX = "safeguard:service-client:";

    private SafeguardParts() {
    }

    static List<Part> of(StorageSettings storage, KeySettings keys, MasterKeySettings masterKey, AuditSettings audit,
                         BackupSettings backup, List<ServiceClientView> clients) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(SERVER, "Safeguard server", "application", true, "this host, HTTPS (TLS 1.2/1.3)", null,
                "encrypted", true, "Safeguard", "The vault and compliance program: serves FHIR R4 and the console; "
                + "ePHI encrypted per patient (AES-256-GCM envelope encryption); every access audited", "active"));
        parts.add(storage.postgres()
                ? new Part(DATABASE, "Safeguard database (PostgreSQL)", "database", true, postgresLocation(
                        storage.dbUrl()), null, "encrypted", true, "PostgreSQL", "FHIR resources (encrypted per "
                        + "patient), audit trail, users, program records", "active")
                : new Part(DATABASE, "Safeguard database (SQLite)", "database", true, absolute(storage.sqliteFile()),
                        null, "encrypted", true, "SQLite (embedded)", "FHIR resources (encrypted per patient), audit "
                        + "trail, users, program records; WAL, synchronous=FULL", "active"));
        parts.add(masterKey.provider().equals("pkcs11")
                ? new Part(KEY_PROVIDER, "Master key (PKCS#11 HSM)", "device", false, "PKCS#11 module "
                        + masterKey.pkcs11Library() + ", slot " + masterKey.pkcs11Slot() + ", key label "
                        + masterKey.pkcs11KeyLabel(), null, "encrypted", true, "PKCS#11 HSM", "Wraps the key-encryption "
                        + "keys that protect ePHI; non-extractable on the token", "active")
                : new Part(KEY_PROVIDER, "Master key (local keyset file)", "system", false,
                        absolute(keys.keysDir()), null, "not-applicable", true, "Google Tink keyset",
                        "Wraps the key-encryption keys that protect ePHI; file mode 0600, kept apart from the database",
                        "active"));
        parts.add(new Part(CHECKPOINTS, "Audit checkpoint file", "media", false, absolute(audit.checkpointFile()), null,
                "not-applicable", true, "Safeguard", "Append-only copy of every signed audit tree head, outside the "
                + "data directory, for tamper evidence of the audit trail", "active"));
        parts.add(new Part(BACKUPS, "Encrypted backups", "backup-target", true, absolute(backup.dir()), null,
                "encrypted", true, "Safeguard", "Consistent backups of the database and audit checkpoints, encrypted "
                + "with a per-backup key wrapped by the master key, signed manifests; restore drills every "
                + backup.drillInterval().toDays() + " days", "active"));
        for (ServiceClientView c : clients) {
            boolean ephi = c.scopes().stream().anyMatch(s -> s.startsWith("system/") || s.startsWith("patient/"));
            parts.add(new Part(CLIENT_PREFIX + c.id(), "Service client " + c.name(), "application", ephi,
                    "external application using API key " + c.id(), c.ownerId(), "unknown", true, null,
                    "Scopes: " + String.join(" ", c.scopes()) + (c.patients().isEmpty() ? ""
                    : "; patient allow-list of " + c.patients().size()),
                    c.state().equals("active") ? "active" : "retired"));
        }
        return parts;
    }

    /** {@code host:port/database} of a PostgreSQL JDBC URL, without parameters (which may hold credentials). */
    static String postgresLocation(String url) {
        String rest = url.substring("jdbc:postgresql:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        return "PostgreSQL at " + rest;
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
