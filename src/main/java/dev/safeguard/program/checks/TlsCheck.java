package dev.safeguard.program.checks;

import dev.safeguard.program.CheckOutcome;
import dev.safeguard.program.EvaluationCheck;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What the live HTTPS connector actually offers (164.312(e)(2)(i) and (ii)): the protocols and cipher suites its TLS
 * engine enabled, and two handshakes against the running port — one a modern client makes (must succeed, on TLS 1.2
 * or 1.3) and one offering only non-AEAD CBC suites (must be refused).
 */
@Component
class TlsCheck implements CheckSource {

    static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");
    static final String[] LEGACY_SUITES = {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"};

    private final ApplicationContext context;

    TlsCheck(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public List<EvaluationCheck> checks() {
        return List.of(new EvaluationCheck("platform.tls", "The HTTPS listener offers only TLS 1.2/1.3 with AEAD "
                + "suites", List.of("164.312(e)(2)(i)", "164.312(e)(2)(ii)"), this::probe));
    }

    CheckOutcome probe() {
        Map<String, Object> observed = new LinkedHashMap<>();
        List<String> protocols = new ArrayList<>();
        List<String> suites = new ArrayList<>();
        int port = -1;
        if (context instanceof WebServerApplicationContext web
                && web.getWebServer() instanceof TomcatWebServer tomcat) {
            for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
                port = connector.getLocalPort();
                for (SSLHostConfig host : connector.findSslHostConfigs()) {
                    protocols.addAll(host.getEnabledProtocols() == null ? List.of()
                            : Arrays.asList(host.getEnabledProtocols()));
                    suites.addAll(host.getEnabledCiphers() == null ? List.of()
                            : Arrays.asList(host.getEnabledCiphers()));
                }
            }
        }
        observed.put("port", port);
        observed.put("protocols", protocols.stream().distinct().toList());
        observed.put("cipherSuites", suites.stream().distinct().toList());
        if (port <= 0) {
            return CheckOutcome.fail("No HTTPS connector is running", observed);
        }
        List<String> badProtocols = protocols.stream().filter(p -> !ALLOWED_PROTOCOLS.contains(p)).distinct().toList();
        List<String> badSuites = suites.stream().filter(s -> !aead(s)).distinct().toList();
        String modern = handshake(port, null);
        String legacy = handshake(port, LEGACY_SUITES);
        observed.put("modernHandshake", modern);
        observed.put("legacyCbcHandshake", legacy);
        boolean ok = badProtocols.isEmpty() && badSuites.isEmpty() && !suites.isEmpty()
                && ALLOWED_PROTOCOLS.stream().anyMatch(modern::startsWith) && legacy.startsWith("refused");
        return CheckOutcome.of(ok, "Port " + port + " offers " + observed.get("protocols") + " with "
                        + suites.stream().distinct().count() + " AEAD suites; a client got " + modern
                        + ", CBC-only clients are refused",
                "The listener offers weak TLS: protocols " + badProtocols + ", non-AEAD suites " + badSuites
                        + ", modern handshake " + modern + ", CBC-only handshake " + legacy, observed);
    }

    /** TLS 1.3 suites and TLS 1.2 ECDHE suites with GCM or ChaCha20-Poly1305. */
    static boolean aead(String suite) {
        return suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")
                || suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("CHACHA20_POLY1305"));
    }

    /**
     * One handshake to the local port: the negotiated protocol and suite, or {@code refused: ...}. The probe trusts
     * any certificate on purpose: it measures what is offered, sends no data and reads none.
     */
    private static String handshake(int port, String[] onlySuites) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new ProbeOnlyTrustManager()}, new SecureRandom());
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout(5_000);
                if (onlySuites != null) {
                    socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                    socket.setEnabledCipherSuites(Arrays.stream(onlySuites).filter(s -> Arrays.asList(
                            socket.getSupportedCipherSuites()).contains(s)).toArray(String[]::new));
                }
                socket.startHandshake();
                return socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite();
            }
        } catch (Exception e) {
            return "refused: " + e.getClass().getSimpleName();
        }
    }

    /** Accepts any server certificate: for this probe of the local listener only, never for sending data. */
    private static final class ProbeOnlyTrustManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("not a server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // The probe only observes which protocols and suites the listener negotiates.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
