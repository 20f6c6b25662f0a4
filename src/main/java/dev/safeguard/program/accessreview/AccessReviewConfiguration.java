package dev.safeguard.program.accessreview;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessReviewSettings.class)
class AccessReviewConfiguration {
}
