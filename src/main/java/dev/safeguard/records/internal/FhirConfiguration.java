package dev.safeguard.records.internal;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one FHIR R4 context (expensive to build, thread-safe once built). */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        // Unknown elements and invalid values are errors, not warnings: bad input gets 400 and stores nothing.
        context.setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler());
        return context;
    }
}
