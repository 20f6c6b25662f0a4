/**
 * The web console (Thymeleaf + htmx): sign-in with password then TOTP, MFA enrollment, the home page with the
 * automatic-logoff warning, and user and API-key administration for security officers. It uses only the other
 * modules' APIs and nothing depends on it. Allowed dependencies: {@code shared}, {@code identity}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console", allowedDependencies = {"shared", "identity"})
package dev.safeguard.console;
