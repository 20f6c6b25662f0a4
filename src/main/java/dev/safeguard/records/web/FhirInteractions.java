package dev.safeguard.records.web;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.safeguard.audit.AuditDetails;
import dev.safeguard.audit.AuditEvent;
import dev.safeguard.shared.SecurityEvent.Action;
import java.util.ArrayList;
import org.hl7.fhir.r4.model.Bundle;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.audit.RequestEvents;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Scope;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.safeguard.records.internal.ResourceSearch;
import dev.safeguard.records.internal.ResourceVault;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Authorizes, audits and performs the FHIR interactions. Reads leave their details on the request for the audit
 * filter, which commits the event before the answer leaves. Writes record their event inside the vault's transaction
 * (no change without its event) and tell the filter not to record another.
 *
 * <p>Access today: service clients with {@code fhir.read} read and with {@code fhir.write} write; workforce users
 * are refused until care-team assignments and break-glass exist (the {@code access} module), so nobody can read a
 * patient they have no relationship with. Every refusal is audited by the filter with the entity it targeted.
 */
@Component
public class FhirInteractions {

    /** Default and largest page of a search ({@code _count}). */
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    private final ResourceVault vault;
    private final AuditTrail trail;
    private final ResourceSearch search;

    public FhirInteractions(ResourceVault vault, AuditTrail trail, ResourceSearch search) {
        this.vault = vault;
        this.trail = trail;
        this.search = search;
    }

    /**
     * Type-level search through the blind index. Each page's resources are decrypted when HAPI renders that page, and
     * their reads are audited then: one event per patient whose data the page holds (so each patient's access report
     * shows the search), or one event without patient when none does.
     */
    ca.uhn.fhir.rest.api.server.IBundleProvider search(String type, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "search-type", type, null, null, null, null);
        authorize(false);
        Map<String, String[]> parameters = details.getParameters();
        Integer count = null;
        if (parameters.containsKey("_count")) {
            try {
                count = Integer.valueOf(parameters.get("_count")[0]);
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("_count must be a whole number");
            }
            if (count < 1 || count > MAX_PAGE) {
                throw new InvalidRequestException("_count must be between 1 and " + MAX_PAGE);
            }
        }
        List<String> ids = search.ids(type, parameters);
        if (ids.size() > ResourceSearch.MAX_RESULTS) {
            throw new InvalidRequestException("More than " + ResourceSearch.MAX_RESULTS + " " + type
                    + " resources match; narrow the search");
        }
        describe(request, "search-type", type, null, null, null, ids.size());
        String searcher = authorize(false).id();
        return new SearchResults(ids, count == null ? DEFAULT_PAGE : count, (page, offset) -> {
            // Later pages are fetched by later requests (HAPI's paging links): audit and authorize that request,
            // and only for the caller who searched.
            HttpServletRequest current = ((org.springframework.web.context.request.ServletRequestAttributes)
                    org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes())
                    .getRequest();
            if (!authorize(false).id().equals(searcher)) {
                throw new ForbiddenOperationException("These search results belong to another caller");
            }
            List<ResourceVault.Stored> stored = page.stream().map(id -> vault.read(type, id, null)).toList();
            Map<String, Long> perPatient = stored.stream().collect(java.util.stream.Collectors.groupingBy(
                    s -> s.patient() == null ? "" : s.patient(), java.util.LinkedHashMap::new,
                    java.util.stream.Collectors.counting()));
            if (perPatient.isEmpty()) {
                perPatient.put("", 0L);
            }
            perPatient.forEach((patient, n) -> {
                describe(current, "search-type", type, null, null, patient.isEmpty() ? null : patient, n.intValue());
                trail.append(RequestEvents.of(current, 200));
            });
            current.setAttribute(AuditDetails.RECORDED_ATTRIBUTE, true);
            return stored.stream().map(ResourceVault.Stored::resource).toList();
        });
    }

    IBaseResource read(String type, String id, Integer version, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        String interaction = version == null ? "read" : "vread";
        describe(request, interaction, type, id, version, null, null);
        authorize(false);
        ResourceVault.Stored stored = vault.read(type, id, version);
        describe(request, interaction, type, id, stored.version(), stored.patient(), 1);
        return stored.resource();
    }

    List<IBaseResource> history(String type, String id, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "history-instance", type, id, null, null, null);
        authorize(false);
        List<ResourceVault.Stored> versions = vault.history(type, id);
        describe(request, "history-instance", type, id, null, versions.isEmpty() ? null : versions.get(0).patient(),
                versions.size());
        return versions.stream().map(ResourceVault.Stored::resource).toList();
    }

    MethodOutcome create(String type, IBaseResource resource, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "create", type, null, null, null, null);
        authorize(true);
        ResourceVault.Stored stored = trail.atomically(() -> {
            ResourceVault.Stored s = vault.create(resource);
            describe(request, "create", type, s.id(), s.version(), s.patient(), 1);
            trail.append(RequestEvents.of(request, 201));
            return s;
        });
        request.setAttribute(AuditDetails.RECORDED_ATTRIBUTE, true);
        MethodOutcome outcome = new MethodOutcome(stored.resource().getIdElement(), true);
        outcome.setResource(stored.resource());
        return outcome;
    }

    MethodOutcome update(String type, String id, IBaseResource resource, Integer expectedVersion,
                         RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "update", type, id, null, null, null);
        authorize(true);
        ResourceVault.Stored stored = trail.atomically(() -> {
            ResourceVault.Stored s = vault.update(type, id, resource, expectedVersion);
            describe(request, "update", type, id, s.version(), s.patient(), 1);
            trail.append(RequestEvents.of(request, s.version() == 1 ? 201 : 200));
            return s;
        });
        request.setAttribute(AuditDetails.RECORDED_ATTRIBUTE, true);
        MethodOutcome outcome = new MethodOutcome(stored.resource().getIdElement(), stored.version() == 1);
        outcome.setResource(stored.resource());
        return outcome;
    }

    MethodOutcome delete(String type, String id, Integer expectedVersion, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "delete", type, id, null, null, null);
        authorize(true);
        int version = trail.atomically(() -> {
            int v = vault.delete(type, id, expectedVersion);
            describe(request, "delete", type, id, v, null, null);
            trail.append(RequestEvents.of(request, 204));
            return v;
        });
        request.setAttribute(AuditDetails.RECORDED_ATTRIBUTE, true);
        return new MethodOutcome(new org.hl7.fhir.r4.model.IdType(type, id, Integer.toString(version)));
    }

    /** A transaction: every step and its audit event in one database transaction; any failure stores nothing. */
    List<Bundle.BundleEntryComponent> transaction(List<Transactions.Step> steps, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "transaction", null, null, null, null, steps.size());
        authorizeSteps(steps);
        List<Bundle.BundleEntryComponent> entries = trail.atomically(() -> {
            List<Bundle.BundleEntryComponent> done = new ArrayList<>();
            for (Transactions.Step step : steps) {
                done.add(perform(request, "transaction", step));
            }
            if (steps.isEmpty()) {
                trail.append(RequestEvents.of(request, 200));
            }
            return done;
        });
        request.setAttribute(AuditDetails.RECORDED_ATTRIBUTE, true);
        return entries;
    }

    /** A batch: each step on its own, each with its audit event; a failed step answers its own error. */
    List<Bundle.BundleEntryComponent> batch(List<Object> steps, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "batch", null, null, null, null, steps.size());
        authorizeSteps(steps.stream().filter(Transactions.Step.class::isInstance).map(Transactions.Step.class::cast)
                .toList());
        List<Bundle.BundleEntryComponent> entries = new ArrayList<>();
        for (Object step : steps) {
            if (step instanceof BaseServerResponseException refused) {
                entries.add(Transactions.failure(refused));
                continue;
            }
            Transactions.Step s = (Transactions.Step) step;
            try {
                entries.add(trail.atomically(() -> perform(request, "batch", s)));
            } catch (BaseServerResponseException e) {
                describe(request, "batch " + interaction(s), s.type(), s.id(), null, null, null);
                trail.append(as(RequestEvents.of(request, e.getStatusCode()), s));
                entries.add(Transactions.failure(e));
            }
        }
        if (steps.isEmpty()) {
            trail.append(RequestEvents.of(request, 200));
        }
        request.setAttribute(AuditDetails.RECORDED_ATTRIBUTE, true);
        return entries;
    }

    private void authorizeSteps(List<Transactions.Step> steps) {
        boolean writes = steps.stream().anyMatch(s -> s.verb() != Bundle.HTTPVerb.GET);
        authorize(writes);
        if (writes && steps.stream().anyMatch(s -> s.verb() == Bundle.HTTPVerb.GET)) {
            authorize(false);
        }
    }

    /** One step inside the caller's database transaction, with its audit event. */
    private Bundle.BundleEntryComponent perform(HttpServletRequest request, String kind, Transactions.Step step) {
        Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent();
        String interaction = kind + " " + interaction(step);
        int status;
        switch (step.verb()) {
            case POST, PUT -> {
                if (step.existing()) {
                    // A conditional create that matched: nothing is written; the answer names the match.
                    ResourceVault.Stored found = vault.read(step.type(), step.id(), null);
                    describe(request, kind + " conditional-create-matched", step.type(), step.id(), found.version(),
                            found.patient(), 1);
                    trail.append(as(RequestEvents.of(request, 200), new Transactions.Step(Bundle.HTTPVerb.GET,
                            step.type(), step.id(), null, null, false, false)));
                    entry.setFullUrl(step.type() + "/" + step.id());
                    entry.getResponse().setStatus("200 OK")
                            .setLocation(step.type() + "/" + step.id() + "/_history/" + found.version())
                            .setEtag("W/\"" + found.version() + "\"");
                    return entry;
                }
                ResourceVault.Stored stored = step.create() ? vault.create(step.resource(), step.id())
                        : vault.update(step.type(), step.id(), step.resource(), step.ifMatch());
                status = stored.version() == 1 ? 201 : 200;
                describe(request, interaction, step.type(), step.id(), stored.version(), stored.patient(), 1);
                entry.setFullUrl(step.type() + "/" + step.id());
                entry.getResponse().setStatus(status == 201 ? "201 Created" : "200 OK")
                        .setLocation(step.type() + "/" + step.id() + "/_history/" + stored.version())
                        .setEtag("W/\"" + stored.version() + "\"");
            }
            case DELETE -> {
                int version = vault.delete(step.type(), step.id(), step.ifMatch());
                status = 204;
                describe(request, interaction, step.type(), step.id(), version, null, null);
                entry.getResponse().setStatus("204 No Content").setEtag("W/\"" + version + "\"");
            }
            default -> {
                ResourceVault.Stored stored = vault.read(step.type(), step.id(), null);
                status = 200;
                describe(request, interaction, step.type(), step.id(), stored.version(), stored.patient(), 1);
                entry.setFullUrl(step.type() + "/" + step.id());
                entry.setResource((org.hl7.fhir.r4.model.Resource) stored.resource());
                entry.getResponse().setStatus("200 OK").setEtag("W/\"" + stored.version() + "\"");
            }
        }
        trail.append(as(RequestEvents.of(request, status), step));
        return entry;
    }

    private static String interaction(Transactions.Step step) {
        return switch (step.verb()) {
            case POST -> "create";
            case PUT -> "update";
            case DELETE -> "delete";
            default -> "read";
        };
    }

    /** The request's event with the step's own action (a transaction is a POST, its entries are not all creates). */
    private static AuditEvent as(AuditEvent e, Transactions.Step step) {
        Action action = switch (step.verb()) {
            case POST -> Action.C;
            case PUT -> Action.U;
            case DELETE -> Action.D;
            default -> Action.R;
        };
        return new AuditEvent(e.type(), e.subtype(), action, e.outcome(), e.status(), e.agent(), e.purposeOfUse(),
                e.entityType(), e.entityId(), e.entityVersion(), e.patientReference(), e.query(), e.resultCount(),
                e.requestId(), e.reason());
    }

    private static void describe(HttpServletRequest request, String interaction, String type, String id,
                                 Integer version, String patient, Integer results) {
        request.setAttribute(AuditDetails.REQUEST_ATTRIBUTE, new AuditDetails("fhir " + interaction, type, id,
                version == null ? null : version.toString(), patient, null, results));
    }

    private static Actor authorize(boolean write) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Actor actor)) {
            throw new AuthenticationException("Sign in, or send an API key as 'Authorization: Bearer <key>'");
        }
        if (actor.kind() != Actor.Kind.SERVICE_CLIENT) {
            throw new ForbiddenOperationException("Workforce access to patient records needs a care-team assignment "
                    + "or a break-glass grant, which this server does not issue yet");
        }
        Scope needed = write ? Scope.FHIR_WRITE : Scope.FHIR_READ;
        if (!actor.scopes().contains(needed)) {
            throw new ForbiddenOperationException("This API key lacks the " + needed.id() + " scope");
        }
        return actor;
    }

    private static HttpServletRequest servlet(RequestDetails details) {
        return ((ServletRequestDetails) details).getServletRequest();
    }
}
