package dev.safeguard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.shared.ProblemException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** NIST SP 800-63B-4 password rules and the no-truncation property of the hash. */
class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shipsABlocklistOfAtLeastTenThousandPasswords() {
        assertThat(policy.blocklistSize()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void commonPasswordsAnyCase_areRefused() {
        for (String common : new String[] {"password", "PASSWORD1", "iloveyou", "qwerty123", "football1"}) {
            assertThatThrownBy(() -> policy.accept(common, "someone")).as(common)
                    .isInstanceOf(ProblemException.class).hasMessageContaining("commonly used");
        }
    }

    @Test
    void shortPasswords_areRefused() {
        assertThatThrownBy(() -> policy.accept("7chars!", "someone")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("at least 8");
    }

    @Test
    void acceptsEightCharactersWithoutCompositionRulesAndLongPassphrases() {
        assertThat(policy.accept("zqxjvbnm", "someone")).isEqualTo("zqxjvbnm");
        String long64 = "correct horse battery staple ".repeat(3).substring(0, 64);
        assertThat(policy.accept(long64, "someone")).hasSize(64);
        assertThat(policy.accept("ü".repeat(200), "someone")).hasSize(200);
    }

    @Test
    void passwordEqualToUsername_isRefused() {
        assertThatThrownBy(() -> policy.accept("Clinician42", "clinician42")).isInstanceOf(ProblemException.class);
    }

    @Test
    void unicodeIsNormalizedSoEquivalentFormsVerify() {
        String composed = "caf\u00e9 au lait passphrase";
        String decomposed = "cafe\u0301 au lait passphrase";
        assertThat(policy.accept(composed, "someone")).isEqualTo(PasswordPolicy.normalize(decomposed));
    }

    @Test
    void twoPasswordsSharingA72BytePrefixDoNotBothVerify() {
        PasswordHashing hashing = new PasswordHashing(new IdentitySettings(Duration.ofMinutes(15),
                Duration.ofHours(12), 1, 4, 100, Duration.ofHours(24)));
        try {
            String prefix = "p".repeat(72);
            String hash = hashing.hash(policy.accept(prefix + "-first-suffix", "someone"));
            assertThat(hashing.verify(prefix + "-first-suffix", hash)).isTrue();
            assertThat(hashing.verify(prefix + "-other-suffix", hash)).isFalse();
            assertThat(hashing.verify(prefix, hash)).isFalse();
            assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        } finally {
            hashing.destroy();
        }
    }
}
