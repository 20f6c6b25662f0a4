package dev.safeguard.identity;

/**
 * A new API key. {@code apiKey} is the whole bearer credential; it is shown once and only its digest is kept.
 */
public record IssuedApiKey(ServiceClientView client, String apiKey) {
    @Override
    public String toString() {
        return "IssuedApiKey[" + client.id() + "]";
    }
}
