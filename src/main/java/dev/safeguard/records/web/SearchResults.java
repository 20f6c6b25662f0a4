package dev.safeguard.records.web;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.Date;
import java.util.List;
import java.util.function.BiFunction;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * The ids a search matched; a page's resources are decrypted (and their reads audited) only when HAPI asks for
 * that page.
 */
final class SearchResults implements IBundleProvider {

    private final List<String> ids;
    private final BiFunction<List<String>, Integer, List<IBaseResource>> load;
    private final Date published = new Date();
    private final Integer pageSize;

    SearchResults(List<String> ids, Integer pageSize, BiFunction<List<String>, Integer, List<IBaseResource>> load) {
        this.ids = List.copyOf(ids);
        this.pageSize = pageSize;
        this.load = load;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return new org.hl7.fhir.r4.model.InstantType(published);
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        int from = Math.max(0, Math.min(fromIndex, ids.size()));
        int to = Math.max(from, Math.min(toIndex, ids.size()));
        return load.apply(ids.subList(from, to), from);
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return pageSize;
    }

    @Override
    public Integer size() {
        return ids.size();
    }
}
