package dev.safeguard.platform.web;

import dev.safeguard.platform.ProblemResponses;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit (default 1 MiB) with 413 before anything reads them: a declared
 * {@code Content-Length} over the limit is refused at once, and a chunked body fails as soon as it passes the limit.
 *
 * <p>FHIR bodies over 1 MiB (or of unknown length) are admitted a few at a time (default 2): each is held in memory
 * several times while it is parsed, encrypted and stored (a 20 MiB Binary takes ~150 MB of heap at its peak), so
 * more at once would exhaust the heap. A request that waits more than 5 s for its turn gets 503 with
 * {@code Retry-After}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final String DETAIL = "The request body is larger than the limit of this endpoint";

    static final long LARGE = 1024 * 1024;
    /** The execution of a business associate agreement with its signed document, by the API and by the console. */
    private static final java.util.regex.Pattern EXECUTION = java.util.regex.Pattern.compile(
            "/api/program/baas/[^/]+/execution|/program/vendors/[^/]+/baas/[^/]+/execution");

    private final long defaultLimit;
    private final long fhirLimit;
    private final java.util.concurrent.Semaphore largeBodies;
    private final long evidenceLimit;
    private final ProblemResponses problems;

    /**
     * @param limit     every endpoint but FHIR's (default 1 MiB)
     * @param fhirLimit {@code /fhir}, where transaction Bundles of whole patient histories and Binary resources are
     *                  posted (default 32 MiB)
     * @param evidenceLimit {@code /api/program/evidence}, where evidence of up to 10 MiB is uploaded, and the
     *                      execution of a business associate agreement with its signed document (default 11 MiB:
     *                      the content and its metadata)
     */
    RequestBodyLimitFilter(@Value("${safeguard.http.max-body-size:1MB}") DataSize limit,
                           @Value("${safeguard.http.max-fhir-body-size:32MB}") DataSize fhirLimit,
                           @Value("${safeguard.http.concurrent-large-fhir-bodies:2}") int concurrentLarge,
                           @Value("${safeguard.http.max-evidence-body-size:11MB}") DataSize evidenceLimit,
                           ProblemResponses problems) {
        if (concurrentLarge < 1) {
            throw new IllegalArgumentException("safeguard.http.concurrent-large-fhir-bodies must be at least 1; got "
                    + concurrentLarge);
        }
        this.defaultLimit = limit.toBytes();
        this.fhirLimit = fhirLimit.toBytes();
        this.largeBodies = new java.util.concurrent.Semaphore(concurrentLarge, true);
        this.evidenceLimit = evidenceLimit.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean fhir = path.equals("/fhir") || path.startsWith("/fhir/");
        long limit = fhir ? fhirLimit : evidenceUpload(path) ? evidenceLimit : defaultLimit;
        long length = request.getContentLengthLong();
        if (length > limit) {
            problems.write(request, response, ProblemKind.PAYLOAD_TOO_LARGE, DETAIL, null);
            return;
        }
        boolean large = fhir && (length > LARGE || length < 0 && hasBody(request));
        if (!large) {
            chain.doFilter(new Limited(request, limit), response);
            return;
        }
        boolean admitted;
        try {
            admitted = largeBodies.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            problems.write(request, response, ProblemKind.SERVICE_UNAVAILABLE, "Too many large FHIR requests are in "
                    + "progress; retry shortly", java.time.Duration.ofSeconds(2));
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } finally {
            largeBodies.release();
        }
    }

    /** Paths that take a document stored as evidence: evidence itself and signed business associate agreements. */
    static boolean evidenceUpload(String path) {
        return path.equals("/api/program/evidence") || path.equals("/api/program/evidence/files")
                || EXECUTION.matcher(path).matches();
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    static boolean exceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super(DETAIL);
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws BodyTooLarge {
            count += n;
            if (count > limit) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
