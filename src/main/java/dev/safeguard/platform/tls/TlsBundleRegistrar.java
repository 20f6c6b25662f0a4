package dev.safeguard.platform.tls;

import dev.safeguard.platform.OperatorConsole;
import dev.safeguard.platform.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.stereotype.Component;

/**
 * Registers the SSL bundle of the one HTTPS listener ({@code server.ssl.bundle=safeguard}; there is no plain-HTTP
 * listener), 45 CFR 164.312(e)(1). Without a configured certificate, the first start generates a self-signed one for
 * localhost into {@code SAFEGUARD_DATA_DIR/tls} (again when it is about to expire) and prints its SHA-256 fingerprint.
 *
 * <p>IMPORTANT: only TLS 1.2 and 1.3 and only AEAD cipher suites with forward secrecy are offered. Do not widen
 * these lists: the tests and the evaluation of 164.312(e) check the live connector against exactly this.
 */
@Component
@EnableConfigurationProperties(TlsSettings.class)
class TlsBundleRegistrar implements SslBundleRegistrar {

    static final String BUNDLE = "safeguard";

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    static final String[] CIPHERS = {
        "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"};

    private final TlsSettings tls;
    private final StorageSettings storage;
    private final OperatorConsole console;
    private final Clock clock;

    TlsBundleRegistrar(TlsSettings tls, StorageSettings storage, OperatorConsole console, Clock clock) {
        this.tls = tls;
        this.storage = storage;
        this.console = console;
        this.clock = clock;
    }

    @Override
    public void registerBundles(SslBundleRegistry registry) {
        SslStoreBundle stores;
        if (tls.certificate() != null) {
            stores = new PemSslStoreBundle(PemSslStoreDetails.forCertificate(location(tls.certificate()))
                    .withPrivateKey(location(tls.privateKey())).withPrivateKeyPassword(tls.privateKeyPassword()),
                    null);
        } else if (tls.keystore() != null) {
            stores = new JksSslStoreBundle(new JksSslStoreDetails("PKCS12", null, location(tls.keystore()),
                    tls.keystorePassword()), null);
        } else {
            Path dir = storage.dataDir().resolve("tls");
            Path certificate = dir.resolve("server.crt");
            Path privateKey = dir.resolve("server.key");
            ensureSelfSigned(certificate, privateKey);
            stores = new PemSslStoreBundle(PemSslStoreDetails.forCertificate(location(certificate.toString()))
                    .withPrivateKey(location(privateKey.toString())), null);
        }
        SslBundleKey key = tls.keystore() != null ? SslBundleKey.of(tls.keystorePassword()) : SslBundleKey.NONE;
        registry.registerBundle(BUNDLE, SslBundle.of(stores, key, SslOptions.of(CIPHERS, PROTOCOLS)));
    }

    private void ensureSelfSigned(Path certificate, Path privateKey) {
        Instant now = clock.instant();
        boolean generate = !Files.exists(certificate) || !Files.exists(privateKey);
        if (!generate) {
            X509Certificate existing = SelfSignedCertificate.read(certificate);
            generate = existing.getNotAfter().toInstant().isBefore(now.plus(Duration.ofDays(1)));
        }
        if (generate) {
            SelfSignedCertificate.generate(certificate, privateKey, now);
        }
        String fingerprint = SelfSignedCertificate.fingerprint(SelfSignedCertificate.read(certificate));
        console.println((generate ? "Generated a self-signed TLS certificate for localhost at "
                : "Using the self-signed TLS certificate at ") + certificate.toAbsolutePath());
        console.println("TLS certificate SHA-256 fingerprint: " + fingerprint);
    }

    private static String location(String path) {
        return path.startsWith("classpath:") || path.startsWith("file:") ? path
                : "file:" + Path.of(path).toAbsolutePath();
    }
}
