package dev.safeguard.program.workforce;

import dev.safeguard.program.WorkforceSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkforceSettings.class)
class WorkforceConfiguration {
}
