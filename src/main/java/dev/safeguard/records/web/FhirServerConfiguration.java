package dev.safeguard.records.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI FHIR's {@code RestfulServer} at {@code /fhir/*}, behind the same filters as the rest of the API (TLS,
 * authentication, the synchronous audit filter, the body limit), with a provider for every R4 resource type. Its
 * CapabilityStatement at {@code /fhir/metadata} is generated from exactly these providers. In emergency mode every
 * interaction that could change data is refused ({@link EmergencyModeGuard}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class FhirServerConfiguration {

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext fhir, FhirInteractions interactions,
                                                      dev.safeguard.records.RecordIntegrity integrity,
                                                      dev.safeguard.records.internal.ResourceSearch search,
                                                      dev.safeguard.records.EmergencyMode emergencyMode) {
        RestfulServer server = new RestfulServer(fhir);
        server.setServerName("Safeguard");
        server.setImplementationDescription("Safeguard ePHI vault: encrypted, integrity-protected, audited FHIR R4");
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        List<IResourceProvider> providers = new ArrayList<>();
        for (String name : fhir.getResourceTypes()) {
            RuntimeResourceDefinition definition = fhir.getResourceDefinition(name);
            providers.add(new TypeProvider(definition.getImplementingClass(), name, interactions));
        }
        server.setResourceProviders(providers);
        server.registerProvider(new Transactions(fhir, interactions, search));
        server.registerProvider(new VerifyOperation(integrity));
        server.setPagingProvider(new ca.uhn.fhir.rest.server.FifoMemoryPagingProvider(1000) {
            {
                setDefaultPageSize(FhirInteractions.DEFAULT_PAGE);
                setMaximumPageSize(FhirInteractions.MAX_PAGE);
            }
        });
        server.registerInterceptor(new SearchParametersInCapabilities(search));
        // Emergency mode first: in read-only mode a write is refused as such, whatever its body.
        server.registerInterceptor(new EmergencyModeGuard(fhir, emergencyMode));
        server.registerInterceptor(new FhirJsonShape(fhir));
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
