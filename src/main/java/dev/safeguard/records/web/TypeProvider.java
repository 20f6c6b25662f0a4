package dev.safeguard.records.web;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * The REST interactions of one resource type (HAPI binds one provider instance per type; every type R4 defines gets
 * one). Each method delegates to {@link FhirInteractions}, which authorizes, audits and calls the vault.
 */
public class TypeProvider implements IResourceProvider {

    private final Class<? extends IBaseResource> type;
    private final String typeName;
    private final FhirInteractions interactions;

    TypeProvider(Class<? extends IBaseResource> type, String typeName, FhirInteractions interactions) {
        this.type = type;
        this.typeName = typeName;
        this.interactions = interactions;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Read(version = true)
    public IBaseResource read(@IdParam IIdType id, RequestDetails request) {
        return interactions.read(typeName, id.getIdPart(), version(id), request);
    }

    @Create
    public MethodOutcome create(@ResourceParam IBaseResource resource, RequestDetails request) {
        return interactions.create(typeName, resource, request);
    }

    @Update
    public MethodOutcome update(@IdParam IIdType id, @ResourceParam IBaseResource resource, RequestDetails request) {
        return interactions.update(typeName, id.getIdPart(), resource, version(id), request);
    }

    @Delete
    public MethodOutcome delete(@IdParam IIdType id, RequestDetails request) {
        return interactions.delete(typeName, id.getIdPart(), version(id), request);
    }

    @History
    public List<IBaseResource> history(@IdParam IIdType id, RequestDetails request) {
        return interactions.history(typeName, id.getIdPart(), request);
    }

    /** Type-level history ({@code GET /fhir/{type}/_history[?_since=]}), newest first, paged. */
    @History
    public ca.uhn.fhir.rest.api.server.IBundleProvider typeHistory(
            @ca.uhn.fhir.rest.annotation.Since org.hl7.fhir.r4.model.InstantType since, RequestDetails request) {
        return interactions.typeHistory(typeName, since == null ? null : since.getValue(), request);
    }

    @ca.uhn.fhir.rest.annotation.Search(allowUnknownParams = true)
    public ca.uhn.fhir.rest.api.server.IBundleProvider search(RequestDetails request) {
        return interactions.search(typeName, request);
    }

    /** The version in the URL (vread) or in {@code If-Match} (HAPI puts it on the id), or {@code null}. */
    private static Integer version(IIdType id) {
        if (!id.hasVersionIdPart()) {
            return null;
        }
        try {
            return Integer.valueOf(id.getVersionIdPart());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("A version id here is a whole number");
        }
    }
}
