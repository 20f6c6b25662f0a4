package dev.safeguard.platform.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server certificate. Either PEM files ({@code SAFEGUARD_TLS_CERTIFICATE} with {@code SAFEGUARD_TLS_PRIVATE_KEY}),
 * or a PKCS#12 keystore ({@code SAFEGUARD_TLS_KEYSTORE} with {@code SAFEGUARD_TLS_KEYSTORE_PASSWORD}), or nothing:
 * then a self-signed certificate is generated into the data directory.
 */
@ConfigurationProperties("safeguard.tls")
public record TlsSettings(String certificate, String privateKey, String privateKeyPassword, String keystore,
                          String keystorePassword) {

    public TlsSettings {
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException(
                    "SAFEGUARD_TLS_CERTIFICATE and SAFEGUARD_TLS_PRIVATE_KEY must be configured together");
        }
        if (certificate != null && keystore != null) {
            throw new IllegalArgumentException(
                    "Configure either PEM files (SAFEGUARD_TLS_CERTIFICATE) or a PKCS#12 keystore "
                            + "(SAFEGUARD_TLS_KEYSTORE), not both");
        }
    }
}
