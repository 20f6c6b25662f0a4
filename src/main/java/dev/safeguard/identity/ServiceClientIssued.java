package dev.safeguard.identity;

/**
 * Published after a new service client (API key) has been committed. Carries no secret.
 *
 * @param clientId the new client's id
 */
public record ServiceClientIssued(String clientId) {
}
