package dev.safeguard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTPS client with its own cookie jar, as one browser or application would be. It trusts exactly the server's
 * certificate (real TLS, hostname checked) and sends the CSRF token it was last given.
 */
public final class Api {

    public static final ObjectMapper JSON = JsonMapper.builder().build();
    public static final String COOKIE = "__Host-sg_session";

    private final URI base;
    private final HttpClient http;
    /** The session cookie, kept by hand: exactly what the server last set, nothing else. */
    private volatile String session;
    private String csrfToken;
    private String bearer;

    public Api(URI base, Path certificate) {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(trusting(certificate))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** An SSL context that trusts only the given certificate. */
    public static SSLContext trusting(Path certificate) {
        try (InputStream in = Files.newInputStream(certificate)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot trust " + certificate, e);
        }
    }

    public Api bearer(String apiKey) {
        this.bearer = apiKey;
        return this;
    }

    public Api csrf(String token) {
        this.csrfToken = token;
        return this;
    }

    public String csrf() {
        return csrfToken;
    }

    public String sessionCookie() {
        return session;
    }

    public void setSessionCookie(String value) {
        session = value;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Response r = new Response(response);
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                if (setCookie.startsWith(COOKIE + "=")) {
                    String value = setCookie.substring(COOKIE.length() + 1).split(";", 2)[0];
                    session = value.isEmpty() || setCookie.contains("Max-Age=0") ? null : value;
                }
            }
            if (r.status() < 300 && r.isJson() && r.json().hasNonNull("csrfToken")) {
                csrfToken = r.json().get("csrfToken").asString();
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request and keeps the body as bytes (binary content); cookies and CSRF tokens are not tracked. */
    public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (csrfToken != null) {
            builder.header("X-CSRF-Token", csrfToken);
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (session != null) {
            builder.header("Cookie", COOKIE + "=" + session);
        }
        return builder;
    }

    public URI base() {
        return base;
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public boolean isJson() {
            String type = header("Content-Type");
            return type != null && (type.startsWith("application/json") && !type.startsWith("application/jsonl")
                    || type.contains("+json")) && !raw.body().isEmpty();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
