package dev.safeguard.bench;

import dev.safeguard.identity.internal.TotpCodes;
import dev.safeguard.testing.Api;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a fresh server into a state worth measuring, through its public API only: the first user (security officer)
 * via the setup token, TOTP enrollment, then clinicians to sign in as and a service client with an API key.
 * Synthetic accounts only.
 */
final class BenchFixture {

    /** A synthetic account that can sign in. */
    record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + "]";
        }
    }

    private final List<Login> users;
    private final String apiKey;

    private BenchFixture(List<Login> users, String apiKey) {
        this.users = users;
        this.apiKey = apiKey;
    }

    static BenchFixture create(SafeguardServer server, int userCount) {
        return create(server, userCount, List.of("system/*.read"));
    }

    /** @param scopes the service client's scopes, e.g. {@code fhir.read} and {@code fhir.write} for the vault */
    static BenchFixture create(SafeguardServer server, int userCount, List<String> scopes) {
        Api officer = new Api(server.base(), server.certificate());
        String officerPassword = "bench officer passphrase";
        expect(201, officer.post("/api/setup", Api.map("token", server.setupToken(), "username", "bench-officer",
                "displayName", "Bench Officer", "password", officerPassword)), "setup");
        expect(200, officer.post("/api/auth/login", Api.map("username", "bench-officer", "password",
                officerPassword)), "officer login");
        String secret = expect(200, officer.post("/api/mfa/enrollment"), "TOTP enrollment").text("secret");
        String code = new TotpCodes().codeAt(secret, TotpCodes.step(Instant.now()));
        expect(200, officer.post("/api/mfa/enrollment/confirm", Api.map("code", code)), "TOTP confirmation");

        List<Login> users = new ArrayList<>();
        for (int i = 1; i <= userCount; i++) {
            Login user = new Login("bench%02d".formatted(i), "bench passphrase %04d".formatted(i));
            expect(201, officer.post("/api/users", Api.map("username", user.username(), "displayName",
                    "Bench User " + i, "password", user.password(), "roles", List.of("clinician"))), "create user");
            users.add(user);
        }
        String apiKey = expect(201, officer.post("/api/service-clients", Api.map("name", "bench-client",
                "scopes", scopes, "expiresInDays", 30)), "create service client").text("apiKey");
        return new BenchFixture(List.copyOf(users), apiKey);
    }

    List<Login> users() {
        return users;
    }

    String apiKey() {
        return apiKey;
    }

    private static Api.Response expect(int status, Api.Response response, String step) {
        if (response.status() != status) {
            throw new IllegalStateException(step + " answered " + response + "; expected " + status);
        }
        return response;
    }
}
