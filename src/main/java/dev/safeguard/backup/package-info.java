/**
 * Contingency operations, 45 CFR 164.308(a)(7)(ii)(A), (B), (D) and 164.310(d)(2)(iv): consistent, encrypted backups
 * of the whole database (one snapshot, a database-independent logical format, compressed, encrypted with Tink
 * StreamingAead under a per-backup key wrapped by the master key) with the audit checkpoints they cover and an
 * Ed25519-signed manifest of hashes; their verification; restore into a new data directory (SQLite or PostgreSQL,
 * whichever the source was); scheduled restore drills that restore into a scratch directory, verify row counts, the
 * audit tree and decryption of a sample, and measure the recovery time; and the passphrase-protected backup of the
 * key directory, kept apart from the data backups. Operator commands: {@code java -jar safeguard.jar backup ...}.
 * Allowed dependencies: {@code shared}, {@code platform}, {@code crypto}, {@code audit}, {@code records}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup",
        allowedDependencies = {"shared", "platform", "crypto", "audit", "records"})
package dev.safeguard.backup;
