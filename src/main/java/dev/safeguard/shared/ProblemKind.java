package dev.safeguard.shared;

import java.net.URI;

/**
 * The stable set of error kinds Safeguard answers with, each an RFC 9457 problem {@code type} URI.
 *
 * <p>IMPORTANT: the {@link #type()} URIs are part of the public API. Clients branch on them; never rename one.
 */
public enum ProblemKind {
    VALIDATION("validation", 400, "The request is not valid"),
    MALFORMED_BODY("malformed-body", 400, "The request body could not be read"),
    AUTHENTICATION_REQUIRED("authentication-required", 401, "Authentication is required"),
    INVALID_CREDENTIALS("invalid-credentials", 401, "The credentials were not accepted"),
    MFA_REQUIRED("mfa-required", 401, "A second factor is required"),
    SESSION_EXPIRED("session-expired", 401, "The session has ended"),
    CSRF_REJECTED("csrf-rejected", 403, "The request is missing a valid CSRF token"),
    FORBIDDEN("forbidden", 403, "You are not allowed to do this"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    CONFLICT("conflict", 409, "The request conflicts with the current state"),
    SETUP_UNAVAILABLE("setup-unavailable", 409, "Setup is not available"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "The service cannot answer right now"),
    INTERNAL("internal", 500, "An internal error occurred");

    private final String slug;
    private final int status;
    private final String title;

    ProblemKind(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The problem type URI, {@code urn:safeguard:problem:<slug>}. */
    public URI type() {
        return URI.create("urn:safeguard:problem:" + slug);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
