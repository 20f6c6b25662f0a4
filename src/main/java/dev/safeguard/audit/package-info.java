/**
 * The audit trail, 45 CFR 164.312(b) and 164.308(a)(1)(ii)(D): every access is recorded synchronously and durably
 * before its answer leaves (group commit; fail closed with 503 when the trail cannot record), tamper-evident as an
 * RFC 6962 Merkle tree whose heads are signed (Ed25519) and copied to a checkpoint file outside the database, and
 * verifiable offline. No PHI is stored in clear: patient references and query values are keyed pseudonyms.
 * Allowed dependencies: {@code shared}, {@code platform}, {@code crypto}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"shared", "platform", "crypto"})
package dev.safeguard.audit;
