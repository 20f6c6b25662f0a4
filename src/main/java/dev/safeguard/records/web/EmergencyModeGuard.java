package dev.safeguard.records.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dev.safeguard.audit.AuditDetails;
import dev.safeguard.records.EmergencyMode;
import dev.safeguard.records.EmergencyModeSwitch;
import dev.safeguard.records.VaultReadOnly;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Refuses every FHIR interaction that could change data while the vault is in emergency mode, before HAPI calls the
 * provider: 503, an OperationOutcome ({@code transient}) that says why, and {@code Retry-After}.
 *
 * <p>It fails closed: only the interactions listed as reads pass (read, vread, search, history, paging, the
 * CapabilityStatement, the read-only {@code $verify} operation, and a transaction or batch Bundle whose every entry is
 * a {@code GET}); everything else, including interactions added later and any Bundle that cannot be read, is refused.
 * While the mode is off it costs one look at the interaction type per request and one indexed row per write.
 */
@Interceptor
class EmergencyModeGuard {

    static final Set<RestOperationTypeEnum> READS = EnumSet.of(RestOperationTypeEnum.READ,
            RestOperationTypeEnum.VREAD, RestOperationTypeEnum.SEARCH_TYPE, RestOperationTypeEnum.SEARCH_SYSTEM,
            RestOperationTypeEnum.HISTORY_INSTANCE, RestOperationTypeEnum.HISTORY_TYPE,
            RestOperationTypeEnum.HISTORY_SYSTEM, RestOperationTypeEnum.GET_PAGE, RestOperationTypeEnum.METADATA);
    /** Extended operations that only read. */
    static final Set<String> READ_ONLY_OPERATIONS = Set.of("$verify");

    private final FhirContext fhir;
    private final EmergencyMode mode;

    EmergencyModeGuard(FhirContext fhir, EmergencyMode mode) {
        this.fhir = fhir;
        this.mode = mode;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean check(RequestDetails request) {
        RestOperationTypeEnum operation = request.getRestOperationType();
        if (operation != null && READS.contains(operation)) {
            return true;
        }
        if ((operation == RestOperationTypeEnum.EXTENDED_OPERATION_SERVER
                || operation == RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
                || operation == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE)
                && READ_ONLY_OPERATIONS.contains(request.getOperation())) {
            return true;
        }
        EmergencyModeSwitch state = mode.state();
        if (!state.active()) {
            return true;
        }
        if (operation == RestOperationTypeEnum.TRANSACTION && readsOnly(request)) {
            return true;
        }
        String interaction = operation == null ? "unknown" : operation.getCode();
        ((ServletRequestDetails) request).getServletRequest().setAttribute(AuditDetails.REQUEST_ATTRIBUTE,
                new AuditDetails("fhir " + interaction + " refused-emergency-mode", request.getResourceName(),
                        request.getId() == null ? null : request.getId().getIdPart(), null, null, null, null));
        throw refusal(state);
    }

    /** Whether a transaction or batch Bundle holds only reads; a Bundle that cannot be read counts as a write. */
    private boolean readsOnly(RequestDetails request) {
        byte[] body = request.loadRequestContents();
        if (body == null || body.length == 0) {
            return false;
        }
        String type = request.getHeader("Content-Type");
        EncodingEnum encoding = type == null ? EncodingEnum.JSON : EncodingEnum.forContentType(type);
        try {
            Bundle bundle = (encoding == EncodingEnum.XML ? fhir.newXmlParser() : fhir.newJsonParser())
                    .parseResource(Bundle.class, new String(body, StandardCharsets.UTF_8));
            return bundle.getEntry().stream().allMatch(e -> e.hasRequest()
                    && (e.getRequest().getMethod() == Bundle.HTTPVerb.GET
                    || e.getRequest().getMethod() == Bundle.HTTPVerb.HEAD));
        } catch (RuntimeException e) {
            // Fail closed: a Bundle that cannot be read cannot be shown to be read-only (HAPI would refuse it too).
            return false;
        }
    }

    private UnclassifiedServerFailureException refusal(EmergencyModeSwitch state) {
        String message = VaultReadOnly.message(state.switchedAt());
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.TRANSIENT).setDiagnostics(message);
        UnclassifiedServerFailureException refused = new UnclassifiedServerFailureException(503, message, outcome);
        refused.addResponseHeader("Retry-After", Long.toString(EmergencyMode.RETRY_AFTER.toSeconds()));
        return refused;
    }
}
