package dev.safeguard.audit;

/**
 * What a handler knows about the request it served, for the request's audit event: the entity, the patient whose data
 * it was (stored only as a pseudonym), the purpose of use and how many results were returned. Set as the request
 * attribute {@link #REQUEST_ATTRIBUTE}; the audit filter adds it to the event it records.
 *
 * <p>A handler that records the request's event itself (inside {@link AuditTrail#atomically}, together with its
 * change) sets {@link #RECORDED_ATTRIBUTE} to {@code true} so the filter does not record a second one.
 */
public record AuditDetails(String interaction, String entityType, String entityId, String entityVersion,
                           String patientReference, String purposeOfUse, Integer resultCount) {

    public static final String REQUEST_ATTRIBUTE = AuditDetails.class.getName();
    public static final String RECORDED_ATTRIBUTE = AuditDetails.class.getName() + ".recorded";
    /** The request's id (also its {@code X-Request-Id}), set by the audit filter before the handler runs. */
    public static final String REQUEST_ID_ATTRIBUTE = AuditDetails.class.getName() + ".requestId";

    /** The event subtype: the interaction and entity type when given (FHIR), otherwise the HTTP route. */
    public String subtype(String method, String route) {
        return interaction == null ? method + " " + route
                : interaction + (entityType == null ? "" : " " + entityType);
    }
}
