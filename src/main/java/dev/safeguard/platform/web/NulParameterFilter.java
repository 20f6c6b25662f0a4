package dev.safeguard.platform.web;

import dev.safeguard.platform.ProblemResponses;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string carrying a NUL character ({@code %00}) is refused with 400 before any controller sees it: no
 * parameter of the API or the console has a use for one, and PostgreSQL refuses such a string as a query value,
 * which would otherwise surface as a database failure. The FHIR endpoint answers for its own parameters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class NulParameterFilter extends OncePerRequestFilter {

    static final String DETAIL = "A query parameter contains a NUL character (%00)";
    private final ProblemResponses problems;

    NulParameterFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/fhir") || path.startsWith("/fhir/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.contains("%00")) {
            problems.write(request, response, ProblemKind.VALIDATION, DETAIL, null);
            return;
        }
        chain.doFilter(request, response);
    }
}
