/**
 * The web console (Thymeleaf + htmx): sign-in with password then TOTP, MFA enrollment, the home page with the
 * automatic-logoff warning, user and API-key administration for security officers, and, for auditors and security
 * officers, the audit pages: event search and detail, the patient access report, trail verification and the alert
 * inbox. Viewing an audit page is itself recorded in the audit trail, fail closed. It uses only the other modules'
 * APIs and nothing depends on it. Allowed dependencies: {@code shared}, {@code identity}, {@code audit},
 * {@code access}, {@code program}, {@code records} (the vault's emergency mode), {@code backup} (the records of
 * backups and drills, which it reads through {@code program}'s contingency plan).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console",
        allowedDependencies = {"shared", "identity", "audit", "access", "program", "records", "backup"})
package dev.safeguard.console;
