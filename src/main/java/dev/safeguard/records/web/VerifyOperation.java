package dev.safeguard.records.web;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dev.safeguard.audit.AuditDetails;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Role;
import dev.safeguard.records.RecordIntegrity;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code POST /fhir/$verify}: checks every stored version and answers counts and the failing versions (ids only, no
 * content). Security officers only; audited like every request.
 */
public class VerifyOperation {

    private final RecordIntegrity integrity;

    VerifyOperation(RecordIntegrity integrity) {
        this.integrity = integrity;
    }

    @Operation(name = "$verify", idempotent = false)
    public Parameters verify(RequestDetails details) {
        ((ServletRequestDetails) details).getServletRequest().setAttribute(AuditDetails.REQUEST_ATTRIBUTE,
                new AuditDetails("fhir verify", null, null, null, null, null, null));
        Object principal = SecurityContextHolder.getContext().getAuthentication() == null ? null
                : SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        if (!(principal instanceof Actor actor) || !actor.has(Role.SECURITY_OFFICER)) {
            throw new ForbiddenOperationException("Only a security officer can verify the stored records");
        }
        RecordIntegrity.Result result = integrity.verify();
        Parameters parameters = new Parameters();
        parameters.addParameter("ok", result.ok());
        parameters.addParameter().setName("versionsChecked").setValue(new IntegerType((int) Math.min(
                Integer.MAX_VALUE, result.versionsChecked())));
        parameters.addParameter().setName("shreddedVersions").setValue(new IntegerType((int) Math.min(
                Integer.MAX_VALUE, result.shreddedVersions())));
        for (RecordIntegrity.Failure failure : result.failures()) {
            Parameters.ParametersParameterComponent p = parameters.addParameter().setName("failure");
            p.addPart().setName("resource").setValue(new StringType(failure.resourceType() + "/" + failure.id()
                    + "/_history/" + failure.version()));
            p.addPart().setName("reason").setValue(new StringType(failure.reason()));
        }
        return parameters;
    }
}
