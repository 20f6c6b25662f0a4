package dev.safeguard.program.vendors;

import dev.safeguard.program.VendorSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VendorSettings.class)
class VendorConfiguration {
}
