package dev.safeguard.program.checks;

import dev.safeguard.program.BusinessAssociateAgreement;
import dev.safeguard.program.BusinessAssociateAgreements;
import dev.safeguard.program.CheckOutcome;
import dev.safeguard.program.EvaluationCheck;
import dev.safeguard.program.EvidenceResult;
import dev.safeguard.program.Vendor;
import dev.safeguard.program.Vendors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The checks of business associate arrangements (164.308(b), 164.314(a)), read from the live vendor and agreement
 * records: every active business associate that handles ePHI has an agreement in force; every active subcontractor
 * that handles ePHI has one with its business associate (flow-down); no agreement of a vendor that needs one expires
 * within 30 days without a renewal requested. What they observed names vendor and agreement ids, states and dates
 * only; the coverage checks list each agreement in force with the evidence id of its signed document, so their
 * evidence (fresh every day) leads an auditor from the control to every signed agreement in force.
 */
@Component
class VendorChecks implements CheckSource {

    static final Duration RENEWAL_WINDOW = Duration.ofDays(30);

    private final Vendors vendors;
    private final BusinessAssociateAgreements agreements;
    private final Clock clock;

    VendorChecks(Vendors vendors, BusinessAssociateAgreements agreements, Clock clock) {
        this.vendors = vendors;
        this.agreements = agreements;
        this.clock = clock;
    }

    @Override
    public List<EvaluationCheck> checks() {
        return List.of(
                new EvaluationCheck("program.vendor-baa", "Every business associate handling ePHI has a business "
                        + "associate agreement in force", List.of("164.308(b)(3)", "164.314(a)(2)(i)"),
                        () -> covered(v -> !v.subcontractor(), "business associate")),
                new EvaluationCheck("program.subcontractor-baa", "Every subcontractor handling ePHI has a business "
                        + "associate agreement in force (flow-down)", List.of("164.314(a)(2)(iii)"),
                        () -> covered(Vendor::subcontractor, "subcontractor")),
                new EvaluationCheck("program.baa-renewal", "No business associate agreement expires within 30 days "
                        + "without a renewal requested", List.of("164.308(b)(3)", "164.314(a)(2)(i)"), this::renewals));
    }

    private CheckOutcome covered(Predicate<Vendor> which, String kind) {
        List<Vendor> required = vendors.all().stream().filter(Vendor::agreementRequired).filter(which).toList();
        List<Map<String, Object>> missing = required.stream().filter(v -> !Vendor.IN_FORCE.equals(v.agreement()))
                .map(v -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("vendor", v.id());
                    m.put("agreement", v.agreement());
                    if (v.agreementId() != null) {
                        m.put("agreementId", v.agreementId());
                    }
                    return m;
                }).toList();
        Map<String, String> documents = agreements.all().stream().filter(a -> a.evidenceId() != null)
                .collect(java.util.stream.Collectors.toMap(BusinessAssociateAgreement::id,
                        BusinessAssociateAgreement::evidenceId));
        List<Map<String, Object>> inForce = required.stream().filter(v -> Vendor.IN_FORCE.equals(v.agreement()))
                .map(v -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("vendor", v.id());
                    m.put("agreementId", v.agreementId());
                    m.put("evidenceId", documents.get(v.agreementId()));
                    m.put("expiresAt", v.agreementExpiresAt() == null ? "none" : v.agreementExpiresAt().toString());
                    return m;
                }).toList();
        Map<String, Object> observed = Map.of("vendorsHandlingEphi", required.size(), "withoutAgreementInForce",
                missing, "inForce", inForce, "at", clock.instant().toString());
        if (required.isEmpty()) {
            return new CheckOutcome(EvidenceResult.INFORMATIONAL, "No " + kind + " that handles ePHI is recorded",
                    observed);
        }
        return CheckOutcome.of(missing.isEmpty(), "All " + required.size() + " " + kind + "s handling ePHI have an "
                        + "agreement in force", missing.size() + " of " + required.size() + " " + kind + "s handling "
                        + "ePHI have no agreement in force", observed);
    }

    private CheckOutcome renewals() {
        Instant now = clock.instant();
        Instant horizon = now.plus(RENEWAL_WINDOW);
        java.util.Set<String> required = vendors.all().stream().filter(Vendor::agreementRequired).map(Vendor::id)
                .collect(java.util.stream.Collectors.toSet());
        List<BusinessAssociateAgreement> all = agreements.all();
        List<BusinessAssociateAgreement> expiring = all.stream()
                .filter(a -> required.contains(a.vendorId()) && BusinessAssociateAgreement.EXECUTED.equals(a.state())
                        && a.expiresAt() != null && !a.expiresAt().isAfter(horizon)).toList();
        List<Map<String, Object>> unrenewed = expiring.stream().filter(a -> !renewalUnderway(a, all)).map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agreement", a.id());
            m.put("vendor", a.vendorId());
            m.put("expiresAt", a.expiresAt().toString());
            return m;
        }).toList();
        Map<String, Object> observed = Map.of("expiringWithin30Days", expiring.size(), "withoutRenewal", unrenewed,
                "at", now.toString());
        return CheckOutcome.of(unrenewed.isEmpty(), expiring.isEmpty() ? "No agreement expires within 30 days"
                        : "Every agreement expiring within 30 days has a renewal requested or executed",
                unrenewed.size() + " agreements expire within 30 days without a renewal requested", observed);
    }

    /** Another agreement of the vendor that is requested, or executed and lasting beyond this one's expiry. */
    private static boolean renewalUnderway(BusinessAssociateAgreement a, List<BusinessAssociateAgreement> all) {
        return all.stream().filter(o -> !o.id().equals(a.id()) && o.vendorId().equals(a.vendorId())).anyMatch(o ->
                BusinessAssociateAgreement.REQUESTED.equals(o.state())
                        || BusinessAssociateAgreement.EXECUTED.equals(o.state())
                        && (o.expiresAt() == null || o.expiresAt().isAfter(a.expiresAt())));
    }
}
