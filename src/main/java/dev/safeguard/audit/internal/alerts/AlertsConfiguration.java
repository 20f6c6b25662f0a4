package dev.safeguard.audit.internal.alerts;

import dev.safeguard.audit.AlertSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link AlertSettings} (validated at start-up) and the rules built from them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertSettings.class)
class AlertsConfiguration {

    @Bean
    AlertRules alertRules(AlertSettings settings) {
        return new AlertRules(settings);
    }
}
