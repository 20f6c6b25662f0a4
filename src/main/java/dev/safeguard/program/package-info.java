/**
 * The compliance program, 45 CFR 164.308, 164.310, 164.314 and 164.316: the Security Rule catalog, the
 * organization's controls and 164.306(d) decisions, signed evidence, evaluation checks that read the running system,
 * information system activity review, risk analysis and management, the asset inventory and ePHI data flows, and
 * metrics; one sub-package per area. It reads the other modules through their APIs and events, never their tables.
 * Served under {@code /api/program}: security and compliance officers write, auditors read, nobody else.
 * Allowed dependencies: {@code shared}, {@code platform}, {@code crypto}, {@code identity}, {@code audit},
 * {@code access}, {@code records}, {@code backup}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Program",
        allowedDependencies = {"shared", "platform", "crypto", "identity", "audit", "access", "records", "backup"})
package dev.safeguard.program;
