package dev.safeguard.records.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import dev.safeguard.records.internal.ResourceSearch;
import dev.safeguard.records.internal.ResourceVault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * {@code POST /fhir} with a {@code transaction} or {@code batch} Bundle. A transaction is all-or-nothing: every entry
 * is checked first, {@code POST} entries get their ids up front and every reference to an entry's {@code urn:uuid}
 * (or {@code urn:oid}) full URL is rewritten to {@code Type/id}, then all entries are written in one database
 * transaction together with their audit events; any failure stores nothing. A batch runs each entry on its own.
 * Conditional creates ({@code ifNoneExist}) and conditional references ({@code Practitioner?identifier=…}), as
 * current Synthea output uses, are resolved through search: a conditional create matching one resource creates nothing
 * and answers that resource (its {@code fullUrl} then points at it); a conditional reference must match exactly one
 * resource, else the transaction fails with 412. Other conditional operations are refused with 422.
 */
public class Transactions {

    private static final Pattern TYPE_AND_ID = Pattern.compile("([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})");

    private final FhirContext fhir;
    private final FhirInteractions interactions;
    private final ResourceSearch search;

    Transactions(FhirContext fhir, FhirInteractions interactions, ResourceSearch search) {
        this.fhir = fhir;
        this.interactions = interactions;
        this.search = search;
    }

    /**
     * One checked entry: what to do, to which type and id, with which resource and If-Match version; {@code existing}
     * marks a conditional create that matched a stored resource (nothing is written).
     */
    record Step(Bundle.HTTPVerb verb, String type, String id, IBaseResource resource, Integer ifMatch, boolean create,
                boolean existing) {
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle, RequestDetails details) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.BATCH) {
            throw new InvalidRequestException("POST /fhir takes a Bundle of type transaction or batch");
        }
        boolean transaction = bundle.getType() == Bundle.BundleType.TRANSACTION;
        Map<String, String> assigned = new HashMap<>();
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            try {
                steps.add(check(bundle.getEntry().get(i), i, assigned));
            } catch (BaseServerResponseException e) {
                if (transaction) {
                    throw e;
                }
                steps.add(e);
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Step step) {
                try {
                    rewriteReferences(step.resource(), transaction ? assigned : new HashMap<>());
                } catch (BaseServerResponseException e) {
                    if (transaction) {
                        throw e;
                    }
                    steps.set(i, e);
                }
            }
        }
        Bundle response = new Bundle();
        response.setType(transaction ? Bundle.BundleType.TRANSACTIONRESPONSE : Bundle.BundleType.BATCHRESPONSE);
        List<Bundle.BundleEntryComponent> entries = transaction
                ? interactions.transaction(steps.stream().map(Step.class::cast).toList(), details)
                : interactions.batch(steps, details);
        response.setEntry(entries);
        return response;
    }

    private Step check(Bundle.BundleEntryComponent entry, int index, Map<String, String> assigned) {
        String where = "Bundle.entry[" + index + "]";
        if (!entry.hasRequest() || !entry.getRequest().hasMethod()) {
            throw new InvalidRequestException(where + ".request.method is required");
        }
        Bundle.BundleEntryRequestComponent request = entry.getRequest();
        if (request.hasIfNoneMatch() || request.hasIfModifiedSince()) {
            throw new UnprocessableEntityException(where + ": conditional operations are not supported yet");
        }
        String url = request.getUrl() == null ? "" : request.getUrl();
        if (url.contains("?")) {
            throw new UnprocessableEntityException(where + ": conditional and search URLs are not supported yet");
        }
        IBaseResource resource = entry.getResource();
        Integer ifMatch = request.hasIfMatch() ? version(request.getIfMatch(), where) : null;
        switch (request.getMethod()) {
            case POST -> {
                if (resource == null) {
                    throw new InvalidRequestException(where + ": a POST needs a resource");
                }
                String type = fhir.getResourceType(resource);
                if (!url.isEmpty() && !url.equals(type)) {
                    throw new InvalidRequestException(where + ".request.url (" + url + ") does not match the "
                            + "resource's type " + type);
                }
                String id = ResourceVault.newId();
                boolean existing = false;
                if (request.hasIfNoneExist()) {
                    List<String> matches = search.ids(type, query(request.getIfNoneExist(), where),
                            interactions.compartments(type));
                    if (matches.size() > 1) {
                        throw new PreconditionFailedException(where + ".request.ifNoneExist matches "
                                + matches.size() + " resources");
                    }
                    if (matches.size() == 1) {
                        id = matches.get(0);
                        existing = true;
                    }
                }
                if (entry.hasFullUrl()) {
                    String fullUrl = entry.getFullUrl();
                    if (assigned.putIfAbsent(fullUrl, type + "/" + id) != null) {
                        throw new InvalidRequestException(where + ".fullUrl " + fullUrl + " appears twice");
                    }
                }
                return new Step(Bundle.HTTPVerb.POST, type, id, resource, null, true, existing);
            }
            case PUT -> {
                Matcher m = TYPE_AND_ID.matcher(url);
                if (resource == null || !m.matches()) {
                    throw new InvalidRequestException(where + ": a PUT needs a resource and a url Type/id");
                }
                if (!fhir.getResourceType(resource).equals(m.group(1))) {
                    throw new InvalidRequestException(where + ": the resource's type does not match the url");
                }
                if (entry.hasFullUrl()) {
                    assigned.putIfAbsent(entry.getFullUrl(), m.group(1) + "/" + m.group(2));
                }
                return new Step(Bundle.HTTPVerb.PUT, m.group(1), m.group(2), resource, ifMatch, false, false);
            }
            case DELETE, GET -> {
                Matcher m = TYPE_AND_ID.matcher(url);
                if (!m.matches()) {
                    throw new UnprocessableEntityException(where + ": only Type/id urls are supported for "
                            + request.getMethod().toCode());
                }
                return new Step(request.getMethod(), m.group(1), m.group(2), null, ifMatch, false, false);
            }
            default -> throw new InvalidRequestException(where + ": method " + request.getMethod().toCode()
                    + " is not supported");
        }
    }

    /** Points references to a {@code urn:uuid}/{@code urn:oid} full URL of this Bundle at the entry's new id. */
    private void rewriteReferences(IBaseResource resource, Map<String, String> assigned) {
        if (resource == null) {
            return;
        }
        for (IBaseReference reference : fhir.newTerser().getAllPopulatedChildElementsOfType(resource,
                IBaseReference.class)) {
            String target = reference.getReferenceElement().getValue();
            if (target == null) {
                continue;
            }
            String rewritten = assigned.get(target);
            if (rewritten != null) {
                reference.setReference(rewritten);
            } else if (target.startsWith("urn:uuid:") || target.startsWith("urn:oid:")) {
                throw new UnprocessableEntityException("The reference " + target + " names no entry of this Bundle");
            } else if (target.contains("?")) {
                String type = target.substring(0, target.indexOf('?'));
                if (!TYPE_AND_ID.matcher(type + "/x").matches()) {
                    throw new UnprocessableEntityException("The conditional reference " + type + "?… names no type");
                }
                List<String> matches = search.ids(type, query(target.substring(target.indexOf('?') + 1),
                        "a conditional reference"), interactions.compartments(type));
                if (matches.size() != 1) {
                    throw new PreconditionFailedException("A conditional reference to " + type + " matches "
                            + matches.size() + " resources; it must match exactly one");
                }
                reference.setReference(type + "/" + matches.get(0));
                assigned.put(target, type + "/" + matches.get(0));
            }
        }
    }

    /** A search query string as parameters (repeated names are kept, values URL-decoded). */
    private static Map<String, String[]> query(String query, String where) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidRequestException(where + ": the search '" + pair + "' has no name=value");
            }
            String name = java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
            String value = java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        Map<String, String[]> parameters = new HashMap<>();
        values.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
        return parameters;
    }

    private static Integer version(String ifMatch, String where) {
        Matcher m = Pattern.compile("(?:W/)?\"?(\\d+)\"?").matcher(ifMatch.strip());
        if (!m.matches()) {
            throw new InvalidRequestException(where + ".request.ifMatch must be W/\"<version>\"");
        }
        return Integer.valueOf(m.group(1));
    }

    static Bundle.BundleEntryComponent failure(BaseServerResponseException e) {
        Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent();
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.PROCESSING).setDiagnostics(e.getMessage());
        entry.getResponse().setStatus(e.getStatusCode() + "").setOutcome(outcome);
        return entry;
    }

}
