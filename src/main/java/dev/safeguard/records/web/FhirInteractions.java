package dev.safeguard.records.web;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.safeguard.audit.AuditDetails;
import dev.safeguard.audit.AuditEvent;
import dev.safeguard.audit.AuditReason;
import dev.safeguard.shared.SecurityEvent.Action;
import java.util.ArrayList;
import org.hl7.fhir.r4.model.Bundle;
import dev.safeguard.audit.AuditTrail;
import dev.safeguard.audit.RequestEvents;
import dev.safeguard.identity.Actor;
import dev.safeguard.access.AccessPolicy;
import dev.safeguard.access.AccessPolicy.Decision;
import dev.safeguard.access.AccessPolicy.Operation;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
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
 * <p>Every interaction is decided by the {@link AccessPolicy} on the patient the resource belongs to: a read after the
 * version is opened in memory (nothing leaves before the decision), a write before anything is stored (and, for a
 * resource moving between patients, on both), a search by restricting the index to the compartments the caller may
 * see. A refusal is audited by the filter with the entity and patient it targeted (which raises the access-denied
 * alert); an access allowed only by a break-glass grant is audited with purpose of use {@code ETREAT}.
 */
@Component
public class FhirInteractions {

    /** Default and largest page of a search ({@code _count}). */
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    private final ResourceVault vault;
    private final AuditTrail trail;
    private final ResourceSearch search;
    private final AccessPolicy access;

    public FhirInteractions(ResourceVault vault, AuditTrail trail, ResourceSearch search, AccessPolicy access) {
        this.vault = vault;
        this.trail = trail;
        this.search = search;
        this.access = access;
    }

    /**
     * Type-level search through the blind index, limited to what the caller may see. Each page's resources are
     * decrypted when HAPI renders that page, and their reads are audited then: one event per patient whose data the
     * page holds (so each patient's access report shows the search), or one event without patient when none does.
     */
    ca.uhn.fhir.rest.api.server.IBundleProvider search(String type, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "search-type", type, null, null, null, null, null);
        Actor actor = actor();
        Set<String> compartments = compartments(actor, type);
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
        boolean includePatients = includesPatients(type, parameters.get("_include"));
        List<String> ids = search.ids(type, parameters, compartments);
        if (ids.size() > ResourceSearch.MAX_RESULTS) {
            throw new InvalidRequestException("More than " + ResourceSearch.MAX_RESULTS + " " + type
                    + " resources match; narrow the search");
        }
        describe(request, "search-type", type, null, null, null, null, ids.size());
        return pages(type, "search-type", actor.id(), ids, count == null ? DEFAULT_PAGE : count,
                page -> vault.readCurrent(type, page), includePatients);
    }

    /**
     * {@code _include} of the patient: {@code <type>:patient} or {@code <type>:subject} where the type has that
     * reference (the Patient is added to each page once, marked {@code include}); anything else is refused.
     */
    private boolean includesPatients(String type, String[] includes) {
        if (includes == null) {
            return false;
        }
        Map<String, String> supported = search.supported(type);
        for (String include : includes) {
            String[] parts = include.split(":", -1);
            boolean patientReference = parts.length == 2 && parts[0].equals(type)
                    && (parts[1].equals("patient") || parts[1].equals("subject")) && supported.containsKey(parts[1]);
            if (!patientReference) {
                throw new InvalidRequestException("_include supports only the patient of the searched type ("
                        + type + ":patient or " + type + ":subject where the type has it); got '" + include + "'");
            }
        }
        return true;
    }

    /**
     * Type-level history: the versions of the type the caller may see, newest first, paged like a search and audited
     * the same way (one event per patient per page).
     */
    ca.uhn.fhir.rest.api.server.IBundleProvider typeHistory(String type, java.util.Date since, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "history-type", type, null, null, null, null, null);
        Actor actor = actor();
        List<String> keys = vault.typeHistory(type, since, compartments(actor, type), ResourceSearch.MAX_RESULTS + 1);
        if (keys.size() > ResourceSearch.MAX_RESULTS) {
            throw new InvalidRequestException("More than " + ResourceSearch.MAX_RESULTS + " versions of " + type
                    + " match; narrow the history with _since");
        }
        describe(request, "history-type", type, null, null, null, null, keys.size());
        return pages(type, "history-type", actor.id(), keys, DEFAULT_PAGE, page -> vault.readVersions(type, page),
                false);
    }

    /**
     * The paged answer of a search or type history. Each page's resources are opened when HAPI renders that page (a
     * later page by a later request, through HAPI's paging links): that request is authorized again (only for the
     * caller who searched; access is decided again, as assignments and grants end) and audited then.
     */
    private SearchResults pages(String type, String interaction, String searcher, List<String> keys, int pageSize,
                                java.util.function.Function<List<String>, List<ResourceVault.Stored>> loader,
                                boolean includePatients) {
        return new SearchResults(keys, pageSize, (page, offset) -> {
            HttpServletRequest current = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                    .getRequest();
            Actor now = actor();
            if (!now.id().equals(searcher)) {
                throw new ForbiddenOperationException("These search results belong to another caller");
            }
            Map<String, Decision> decisions = new LinkedHashMap<>();
            List<ResourceVault.Stored> stored = loader.apply(page).stream()
                    .filter(s -> decisions.computeIfAbsent(key(s.patient()),
                            p -> access.decide(now, Operation.READ, type, patientId(s.patient()))).allowed())
                    .toList();
            Map<String, Long> perPatient = stored.stream().collect(Collectors.groupingBy(s -> key(s.patient()),
                    LinkedHashMap::new, Collectors.counting()));
            if (perPatient.isEmpty()) {
                perPatient.put("", 0L);
            }
            perPatient.forEach((patient, n) -> {
                Decision decision = decisions.get(patient);
                describe(current, interaction, type, null, null, patient.isEmpty() ? null : patient,
                        decision == null ? null : decision.purposeOfUse(), n.intValue());
                trail.append(RequestEvents.of(current, 200));
            });
            current.setAttribute(AuditDetails.RECORDED_ATTRIBUTE, true);
            List<IBaseResource> resources = new ArrayList<>(stored.stream().map(ResourceVault.Stored::resource)
                    .toList());
            if (includePatients) {
                resources.addAll(includedPatients(now, perPatient.keySet()));
            }
            return resources;
        });
    }

    /** The page's patients the caller may read, marked as included (their reads are in the page's events). */
    private List<IBaseResource> includedPatients(Actor actor, java.util.Collection<String> patients) {
        List<String> ids = patients.stream().filter(p -> !p.isEmpty())
                .filter(p -> access.decide(actor, Operation.READ, "Patient", patientId(p)).allowed())
                .map(FhirInteractions::patientId).toList();
        List<IBaseResource> included = new ArrayList<>();
        for (ResourceVault.Stored patient : vault.readCurrent("Patient", ids)) {
            ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(
                    (org.hl7.fhir.instance.model.api.IAnyResource) patient.resource(),
                    ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.INCLUDE);
            included.add(patient.resource());
        }
        return included;
    }

    /**
     * The compartments a search of {@code type} may return for the current caller ({@code null}: every one), for the
     * searches of transactions' conditional entries too.
     */
    Set<String> compartments(String type) {
        return compartments(actor(), type);
    }

    private Set<String> compartments(Actor actor, String type) {
        AccessPolicy.Visibility visibility;
        try {
            visibility = access.visibility(actor, type);
        } catch (AccessPolicy.Refused e) {
            throw refused(e);
        }
        if (visibility.everyPatient()) {
            return null;
        }
        Set<String> compartments = new java.util.HashSet<>();
        visibility.patients().forEach(p -> compartments.add(vault.compartmentOf("Patient/" + p)));
        if (visibility.noPatient()) {
            compartments.add(vault.compartmentOf(null));
        }
        return compartments;
    }

    IBaseResource read(String type, String id, Integer version, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        String interaction = version == null ? "read" : "vread";
        describe(request, interaction, type, id, version, null, null, null);
        Actor actor = reach(Operation.READ, type);
        ResourceVault.Stored stored = vault.read(type, id, version);
        Decision decision = permit(request, actor, Operation.READ, interaction, type, id, stored.version(),
                stored.patient());
        describe(request, interaction, type, id, stored.version(), stored.patient(), decision.purposeOfUse(), 1);
        return stored.resource();
    }

    List<IBaseResource> history(String type, String id, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "history-instance", type, id, null, null, null, null);
        Actor actor = reach(Operation.READ, type);
        List<ResourceVault.Stored> versions = vault.history(type, id);
        String purpose = null;
        for (String patient : versions.stream().map(ResourceVault.Stored::patient).distinct().toList()) {
            Decision decision = permit(request, actor, Operation.READ, "history-instance", type, id, null, patient);
            purpose = purpose == null ? decision.purposeOfUse() : purpose;
        }
        describe(request, "history-instance", type, id, null, versions.isEmpty() ? null : versions.get(0).patient(),
                purpose, versions.size());
        return versions.stream().map(ResourceVault.Stored::resource).toList();
    }

    MethodOutcome create(String type, IBaseResource resource, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "create", type, null, null, null, null, null);
        Actor actor = reach(Operation.WRITE, type);
        ResourceVault.Stored stored = trail.atomically(() -> {
            WriteGuard guard = new WriteGuard(request, actor, "create", type, null);
            ResourceVault.Stored s = vault.create(resource, guard);
            describe(request, "create", type, s.id(), s.version(), s.patient(), guard.purpose, 1);
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
        describe(request, "update", type, id, null, null, null, null);
        Actor actor = reach(Operation.WRITE, type);
        ResourceVault.Stored stored = trail.atomically(() -> {
            WriteGuard guard = new WriteGuard(request, actor, "update", type, id);
            ResourceVault.Stored s = vault.update(type, id, resource, expectedVersion, guard);
            describe(request, "update", type, id, s.version(), s.patient(), guard.purpose, 1);
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
        describe(request, "delete", type, id, null, null, null, null);
        Actor actor = reach(Operation.WRITE, type);
        int version = trail.atomically(() -> {
            WriteGuard guard = new WriteGuard(request, actor, "delete", type, id);
            int v = vault.delete(type, id, expectedVersion, guard);
            describe(request, "delete", type, id, v, guard.patient, guard.purpose, null);
            trail.append(RequestEvents.of(request, 204));
            return v;
        });
        request.setAttribute(AuditDetails.RECORDED_ATTRIBUTE, true);
        return new MethodOutcome(new org.hl7.fhir.r4.model.IdType(type, id, Integer.toString(version)));
    }

    /** A transaction: every step and its audit event in one database transaction; any failure stores nothing. */
    List<Bundle.BundleEntryComponent> transaction(List<Transactions.Step> steps, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "transaction", null, null, null, null, null, steps.size());
        Actor actor = actor();
        steps.forEach(s -> reach(actor, s.verb() == Bundle.HTTPVerb.GET ? Operation.READ : Operation.WRITE, s.type()));
        List<Bundle.BundleEntryComponent> entries = trail.atomically(() -> {
            List<Bundle.BundleEntryComponent> done = new ArrayList<>();
            for (Transactions.Step step : steps) {
                done.add(perform(request, actor, "transaction", step));
            }
            if (steps.isEmpty()) {
                trail.append(RequestEvents.of(request, 200));
            }
            return done;
        });
        request.setAttribute(AuditDetails.RECORDED_ATTRIBUTE, true);
        return entries;
    }

    /** A batch: each step on its own, each with its audit event; a failed or refused step answers its own error. */
    List<Bundle.BundleEntryComponent> batch(List<Object> steps, RequestDetails details) {
        HttpServletRequest request = servlet(details);
        describe(request, "batch", null, null, null, null, null, steps.size());
        Actor actor = actor();
        List<Bundle.BundleEntryComponent> entries = new ArrayList<>();
        for (Object step : steps) {
            if (step instanceof BaseServerResponseException refused) {
                entries.add(Transactions.failure(refused));
                continue;
            }
            Transactions.Step s = (Transactions.Step) step;
            try {
                reach(actor, s.verb() == Bundle.HTTPVerb.GET ? Operation.READ : Operation.WRITE, s.type());
                entries.add(trail.atomically(() -> perform(request, actor, "batch", s)));
            } catch (BaseServerResponseException e) {
                AuditDetails failed = request.getAttribute(AuditDetails.REQUEST_ATTRIBUTE) instanceof AuditDetails d
                        && d.patientReference() != null && e.getStatusCode() == 403 ? d : null;
                describe(request, "batch " + interaction(s), s.type(), s.id(), null,
                        failed == null ? null : failed.patientReference(), null, null);
                trail.append(as(RequestEvents.of(request, e.getStatusCode()), s));
                AuditReason.set(request, null);
                entries.add(Transactions.failure(e));
            }
        }
        if (steps.isEmpty()) {
            trail.append(RequestEvents.of(request, 200));
        }
        request.setAttribute(AuditDetails.RECORDED_ATTRIBUTE, true);
        return entries;
    }

    /** One step inside the caller's database transaction, with its audit event. */
    private Bundle.BundleEntryComponent perform(HttpServletRequest request, Actor actor, String kind,
                                                Transactions.Step step) {
        Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent();
        String interaction = kind + " " + interaction(step);
        int status;
        String purpose;
        switch (step.verb()) {
            case POST, PUT -> {
                if (step.existing()) {
                    // A conditional create that matched: nothing is written; the answer names the match.
                    ResourceVault.Stored found = vault.read(step.type(), step.id(), null);
                    Decision decision = permit(request, actor, Operation.READ, kind + " conditional-create-matched",
                            step.type(), step.id(), found.version(), found.patient());
                    describe(request, kind + " conditional-create-matched", step.type(), step.id(), found.version(),
                            found.patient(), decision.purposeOfUse(), 1);
                    trail.append(as(RequestEvents.of(request, 200), new Transactions.Step(Bundle.HTTPVerb.GET,
                            step.type(), step.id(), null, null, false, false)));
                    entry.setFullUrl(step.type() + "/" + step.id());
                    entry.getResponse().setStatus("200 OK")
                            .setLocation(step.type() + "/" + step.id() + "/_history/" + found.version())
                            .setEtag("W/\"" + found.version() + "\"");
                    return entry;
                }
                WriteGuard guard = new WriteGuard(request, actor, interaction, step.type(), step.id());
                ResourceVault.Stored stored = step.create() ? vault.create(step.resource(), step.id(), guard)
                        : vault.update(step.type(), step.id(), step.resource(), step.ifMatch(), guard);
                status = stored.version() == 1 ? 201 : 200;
                purpose = guard.purpose;
                describe(request, interaction, step.type(), step.id(), stored.version(), stored.patient(), purpose, 1);
                entry.setFullUrl(step.type() + "/" + step.id());
                entry.getResponse().setStatus(status == 201 ? "201 Created" : "200 OK")
                        .setLocation(step.type() + "/" + step.id() + "/_history/" + stored.version())
                        .setEtag("W/\"" + stored.version() + "\"");
            }
            case DELETE -> {
                WriteGuard guard = new WriteGuard(request, actor, interaction, step.type(), step.id());
                int version = vault.delete(step.type(), step.id(), step.ifMatch(), guard);
                status = 204;
                describe(request, interaction, step.type(), step.id(), version, guard.patient, guard.purpose, null);
                entry.getResponse().setStatus("204 No Content").setEtag("W/\"" + version + "\"");
            }
            default -> {
                ResourceVault.Stored stored = vault.read(step.type(), step.id(), null);
                Decision decision = permit(request, actor, Operation.READ, interaction, step.type(), step.id(),
                        stored.version(), stored.patient());
                status = 200;
                describe(request, interaction, step.type(), step.id(), stored.version(), stored.patient(),
                        decision.purposeOfUse(), 1);
                entry.setFullUrl(step.type() + "/" + step.id());
                entry.setResource((org.hl7.fhir.r4.model.Resource) stored.resource());
                entry.getResponse().setStatus("200 OK").setEtag("W/\"" + stored.version() + "\"");
            }
        }
        trail.append(as(RequestEvents.of(request, status), step));
        return entry;
    }

    /** The write check handed to the vault: decides on each patient the write touches and remembers the purpose. */
    private final class WriteGuard implements ResourceVault.WriteCheck {
        private final HttpServletRequest request;
        private final Actor actor;
        private final String interaction;
        private final String type;
        private final String id;
        private String purpose;
        private String patient;

        WriteGuard(HttpServletRequest request, Actor actor, String interaction, String type, String id) {
            this.request = request;
            this.actor = actor;
            this.interaction = interaction;
            this.type = type;
            this.id = id;
        }

        @Override
        public void allow(String patientReference) {
            Decision decision = permit(request, actor, Operation.WRITE, interaction, type, id, null, patientReference);
            if (patient == null) {
                patient = patientReference;
            }
            if (decision.purposeOfUse() != null) {
                purpose = decision.purposeOfUse();
            }
        }
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
                                 Integer version, String patient, String purpose, Integer results) {
        request.setAttribute(AuditDetails.REQUEST_ATTRIBUTE, new AuditDetails("fhir " + interaction, type, id,
                version == null ? null : version.toString(), patient, purpose, results));
    }

    /** The policy's decision on one patient's resource; a refusal is described for the audit filter and thrown. */
    private Decision permit(HttpServletRequest request, Actor actor, Operation operation, String interaction,
                            String type, String id, Integer version, String patientReference) {
        Decision decision = access.decide(actor, operation, type, patientId(patientReference));
        if (!decision.allowed()) {
            describe(request, interaction, type, id, version, patientReference, null, null);
            AuditReason.set(request, decision.code());
            throw new ForbiddenOperationException(decision.reason());
        }
        return decision;
    }

    /** Refuses early (before anything is opened) a caller who can reach no resource of the type at all. */
    private Actor reach(Operation operation, String type) {
        return reach(actor(), operation, type);
    }

    private Actor reach(Actor actor, Operation operation, String type) {
        try {
            access.requireReach(actor, operation, type);
        } catch (AccessPolicy.Refused e) {
            throw refused(e);
        }
        return actor;
    }

    /** The refusal as FHIR's 403, its reason code (if any) put on the current request for the audit event. */
    private static ForbiddenOperationException refused(AccessPolicy.Refused e) {
        if (e.code() != null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            AuditReason.set(a.getRequest(), e.code());
        }
        return new ForbiddenOperationException(e.getMessage());
    }

    private static String patientId(String patientReference) {
        return patientReference == null ? null : patientReference.substring("Patient/".length());
    }

    private static String key(String patientReference) {
        return patientReference == null ? "" : patientReference;
    }

    private static Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Actor actor)) {
            throw new AuthenticationException("Sign in, or send an API key as 'Authorization: Bearer <key>'");
        }
        return actor;
    }

    private static HttpServletRequest servlet(RequestDetails details) {
        return ((ServletRequestDetails) details).getServletRequest();
    }
}
