package dev.safeguard.audit;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Export of the audit trail to a SIEM as RFC 5424 syslog over TLS (RFC 5425). Off unless {@code host} is set
 * ({@code SAFEGUARD_AUDIT_SYSLOG_HOST}); validated at start-up.
 *
 * @param host          the SIEM's host name, as its certificate names it (the name is verified); empty: no export
 * @param port          the SIEM's syslog-over-TLS port (default 6514, the RFC 5425 port)
 * @param caFile        PEM file of the CA(s) that sign the SIEM's certificate; required with {@code host}. Only
 *                      these are trusted, never the JDK's default trust store
 * @param queueCapacity events that may wait for the SIEM before the oldest are dropped from the export, with an
 *                      alert (default 100,000; they stay in the audit trail)
 */
@ConfigurationProperties("safeguard.audit.syslog")
public record SyslogSettings(String host, int port, Path caFile, int queueCapacity) {

    public static final int DEFAULT_PORT = 6514;
    public static final int DEFAULT_QUEUE_CAPACITY = 100_000;
    static final int MAX_QUEUE_CAPACITY = 10_000_000;

    public SyslogSettings {
        host = host == null || host.isBlank() ? null : host.trim();
        port = port == 0 ? DEFAULT_PORT : port;
        queueCapacity = queueCapacity == 0 ? DEFAULT_QUEUE_CAPACITY : queueCapacity;
        if (host == null) {
            if (caFile != null) {
                throw new IllegalArgumentException("safeguard.audit.syslog.ca-file is set but "
                        + "safeguard.audit.syslog.host is not: set the SIEM's host name to export the audit trail, "
                        + "or remove the CA file");
            }
        } else {
            if (!host.matches("[A-Za-z0-9.\\-]+|\\[?[0-9A-Fa-f:.]+]?")) {
                throw new IllegalArgumentException("safeguard.audit.syslog.host must be a host name or IP address "
                        + "without scheme, port or path; got '" + host + "'");
            }
            if (caFile == null) {
                throw new IllegalArgumentException("safeguard.audit.syslog.ca-file is required with "
                        + "safeguard.audit.syslog.host: the PEM file of the CA that signs the SIEM's certificate");
            }
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("safeguard.audit.syslog.port must be between 1 and 65535; got " + port);
        }
        if (queueCapacity < 1 || queueCapacity > MAX_QUEUE_CAPACITY) {
            throw new IllegalArgumentException("safeguard.audit.syslog.queue-capacity must be between 1 and "
                    + MAX_QUEUE_CAPACITY + "; got " + queueCapacity);
        }
    }

    /** The host without the brackets of an IPv6 literal, as sockets and certificate checks want it. */
    public String hostAddress() {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
                : host;
    }
}
