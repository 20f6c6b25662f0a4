package dev.safeguard.identity;

/**
 * Published after a service client's revocation has been committed (by a security officer, or because its owner was
 * terminated).
 *
 * @param clientId the revoked client's id
 */
public record ServiceClientRevoked(String clientId) {
}
