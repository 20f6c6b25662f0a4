package dev.safeguard.audit.internal;

import dev.safeguard.audit.SyslogSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds and validates {@link SyslogSettings} at start-up, whether or not the export is on, and loads the SIEM's CA
 * for {@link SyslogExporter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyslogSettings.class)
class SyslogConfiguration {

    /**
     * A TLS socket factory trusting exactly the CA certificates of the PEM file, never the JDK's default trust store;
     * fails start-up with what is wrong with the file.
     */
    static SSLSocketFactory trusting(Path caFile) {
        String where = "safeguard.audit.syslog.ca-file " + caFile;
        if (!Files.isRegularFile(caFile)) {
            throw new IllegalArgumentException(where + " does not exist or is not a file");
        }
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (cas.isEmpty()) {
                throw new IllegalArgumentException(where + " contains no PEM certificate");
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : cas) {
                trust.setCertificateEntry("siem-ca-" + i++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + where, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(where + " is not a PEM X.509 certificate file: " + e.getMessage(), e);
        }
    }
}
