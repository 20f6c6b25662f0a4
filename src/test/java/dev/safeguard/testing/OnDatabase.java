package dev.safeguard.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a server test class on one database, with its own fresh data directory, key directory and (for PostgreSQL)
 * database. Each abstract {@code *IntegrationTests} class has one concrete subclass per {@link Database};
 * {@code DatabaseCoverageTests} checks that none is missing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OnDatabase {
    Database value();
}
