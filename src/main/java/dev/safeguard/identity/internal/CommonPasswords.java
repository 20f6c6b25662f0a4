package dev.safeguard.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The shipped blocklist of commonly used passwords (NIST SP 800-63B-4 5.1.1.2): 30,000 passwords by frequency from
 * the zxcvbn project (MIT licence, see {@code identity/common-passwords.NOTICE}). Matching ignores case.
 */
public final class CommonPasswords {

    static final String RESOURCE = "/identity/common-passwords.txt";

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = Set.copyOf(passwords);
    }

    public static CommonPasswords load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The password blocklist " + RESOURCE + " is missing from the jar");
            }
            Set<String> set = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty())
                    .forEach(line -> set.add(line.toLowerCase(Locale.ROOT)));
            return new CommonPasswords(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean contains(String password) {
        return passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return passwords.size();
    }
}
