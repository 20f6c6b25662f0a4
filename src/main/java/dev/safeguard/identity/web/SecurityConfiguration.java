package dev.safeguard.identity.web;

import dev.safeguard.identity.CurrentSession;
import dev.safeguard.identity.IdentitySettings;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Scope;
import dev.safeguard.identity.SessionTicket;
import dev.safeguard.identity.internal.CredentialResolver;
import dev.safeguard.identity.internal.IdentityEvents;
import dev.safeguard.platform.ProblemResponses;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The one security filter chain: stateless as far as the servlet container is concerned (sessions are Safeguard's
 * own, in the database), authenticated by {@link CredentialFilter}, with security headers on every response: HSTS,
 * a strict CSP with {@code frame-ancestors 'none'}, {@code X-Content-Type-Options: nosniff}, {@code no-referrer} and
 * {@code Cache-Control: no-store}.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CredentialResolver resolver, IdentityEvents events,
                                            ProblemResponses problems, IdentitySettings settings) throws Exception {
        String officer = Role.SECURITY_OFFICER.authority();
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new CredentialFilter(resolver, events, problems, settings),
                        AnonymousAuthenticationFilter.class)
                .headers(h -> h
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> unauthenticated(request, response,
                                problems))
                        .accessDeniedHandler((request, response, ex) -> denied(request, response, problems)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/setup", "/api/auth/**", "/api/mfa/enrollment/**", "/api/ping", "/api/session",
                                "/actuator/health", "/actuator/health/**", "/error", "/login", "/login/**",
                                "/setup", "/mfa/enroll", "/logout", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyAuthority(officer, Scope.METRICS_READ.authority())
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/program/**", "/program/**")
                        .hasAnyAuthority(officer, Role.COMPLIANCE_OFFICER.authority(), Role.AUDITOR.authority())
                        .requestMatchers("/api/program/**", "/program/**")
                        .hasAnyAuthority(officer, Role.COMPLIANCE_OFFICER.authority())
                        .requestMatchers("/api/audit/**", "/audit/**")
                        .hasAnyAuthority(officer, Role.AUDITOR.authority())
                        .requestMatchers("/api/users/**", "/api/service-clients/**", "/api/keys/**", "/admin/**",
                                "/actuator/**").hasAuthority(officer)
                        .anyRequest().hasAuthority(CredentialFilter.FULLY_AUTHENTICATED));
        return http.build();
    }

    private static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                        ProblemResponses problems) throws IOException {
        boolean expired = Boolean.TRUE.equals(request.getAttribute(CredentialFilter.SESSION_EXPIRED_ATTRIBUTE));
        if (api(request)) {
            problems.write(request, response, expired ? ProblemKind.SESSION_EXPIRED
                    : ProblemKind.AUTHENTICATION_REQUIRED, expired
                    ? "The session ended after inactivity or at its time limit; sign in again"
                    : "Sign in, or send an API key as 'Authorization: Bearer <key>'", null);
        } else {
            response.sendRedirect(expired ? "/login?expired" : "/login");
        }
    }

    private static void denied(HttpServletRequest request, HttpServletResponse response, ProblemResponses problems)
            throws IOException {
        CurrentSession session = CurrentSession.of(request);
        if (session != null && session.stage() != SessionTicket.Stage.AUTHENTICATED) {
            if (api(request)) {
                problems.write(request, response, ProblemKind.MFA_REQUIRED, session.stage()
                        == SessionTicket.Stage.MFA_REQUIRED ? "Complete sign-in with your authenticator code"
                        : "Enroll an authenticator to complete sign-in", null);
            } else {
                response.sendRedirect(session.stage() == SessionTicket.Stage.MFA_REQUIRED ? "/login/mfa"
                        : "/mfa/enroll");
            }
            return;
        }
        if (api(request)) {
            problems.write(request, response, ProblemKind.FORBIDDEN, "Your role does not allow this", null);
        } else {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!doctype html><html lang=\"en\"><head><title>Not allowed - Safeguard</title>"
                    + "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main><h1>Not allowed</h1>"
                    + "<p>Your role does not allow this page.</p><p><a href=\"/\">Back to the home page</a></p>"
                    + "</main></body></html>");
        }
    }

    static boolean api(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/fhir");
    }
}
