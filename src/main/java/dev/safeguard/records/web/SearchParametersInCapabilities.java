package dev.safeguard.records.web;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import dev.safeguard.records.internal.ResourceSearch;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * Makes the CapabilityStatement tell the truth: one generic search method serves every type, so HAPI cannot know which
 * parameters each type supports (this lists exactly those {@link ResourceSearch} accepts), and the transaction method
 * also serves batches.
 */
@Interceptor
class SearchParametersInCapabilities {

    private final ResourceSearch search;

    SearchParametersInCapabilities(ResourceSearch search) {
        this.search = search;
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void listSearchParameters(IBaseConformance statement) {
        CapabilityStatement capabilities = (CapabilityStatement) statement;
        for (CapabilityStatement.CapabilityStatementRestComponent rest : capabilities.getRest()) {
            // HAPI's @Transaction method serves batch Bundles too, but HAPI lists only "transaction".
            boolean transaction = rest.getInteraction().stream().anyMatch(i -> i.getCode()
                    == CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
            boolean batch = rest.getInteraction().stream().anyMatch(i -> i.getCode()
                    == CapabilityStatement.SystemRestfulInteraction.BATCH);
            if (transaction && !batch) {
                rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.BATCH);
            }
            for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                resource.getSearchParam().clear();
                search.supported(resource.getType()).forEach((name, type) -> resource.addSearchParam()
                        .setName(name).setType(Enumerations.SearchParamType.fromCode(type)));
                resource.getSearchInclude().clear();
                for (String reference : java.util.List.of("patient", "subject")) {
                    if (search.supported(resource.getType()).containsKey(reference)) {
                        resource.addSearchInclude(resource.getType() + ":" + reference);
                    }
                }
            }
        }
    }
}
