/**
 * Runtime platform every module stands on: storage (SQLite by default, PostgreSQL in production, Flyway
 * migrations), TLS-only HTTP with a generated self-signed certificate on first start (45 CFR 164.312(e)(1)),
 * problem+json error handling, request size limits, the clock, and the operator's console output. It holds no
 * domain logic. Allowed dependencies: {@code shared}.
 *
 * <p>DESIGN.md keeps {@code shared} free of beans with behaviour; the infrastructure beans therefore live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package dev.safeguard.platform;
