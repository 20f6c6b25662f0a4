package dev.safeguard.testing;

/** The two databases every database test runs on. */
public enum Database { SQLITE, POSTGRES }
