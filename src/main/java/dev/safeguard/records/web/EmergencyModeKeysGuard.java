package dev.safeguard.records.web;

import dev.safeguard.records.EmergencyMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses key changes under {@code /api/keys/**} (KEK rotation, the minimum KEK version, a patient's data-key rotation,
 * crypto-shredding) while the vault is in emergency mode: 503 problem+json with {@code Retry-After}, before the
 * controller runs. Reading the key status keeps working.
 */
@Configuration(proxyBeanMethods = false)
class EmergencyModeKeysGuard implements WebMvcConfigurer {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final EmergencyMode mode;

    EmergencyModeKeysGuard(EmergencyMode mode) {
        this.mode = mode;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!READS.contains(request.getMethod())) {
                    mode.requireWritable();
                }
                return true;
            }
        }).addPathPatterns("/api/keys", "/api/keys/**");
    }
}
