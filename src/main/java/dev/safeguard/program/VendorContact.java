package dev.safeguard.program;

/**
 * A person to reach at a vendor: workforce of a business, not PHI.
 *
 * @param name  1 to 200 characters
 * @param role  e.g. "privacy officer", or {@code null}
 * @param email an e-mail address, or {@code null}
 * @param phone a telephone number, or {@code null}
 */
public record VendorContact(String name, String role, String email, String phone) {
}
