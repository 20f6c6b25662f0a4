package dev.safeguard.program;

import dev.safeguard.identity.Role;
import dev.safeguard.identity.Workforce;

import dev.safeguard.program.inventory.AssetStore;
import dev.safeguard.program.risk.SpecificationIds;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link RiskDraft} into a {@link Risk} or refuses it with a message that says what to fix: scale values,
 * Security Rule specification ids, existing assets and users, a complete treatment, and a named approver for every
 * acceptance. Levels are always computed by {@link RiskLevel#of}, never taken from the caller.
 */
@Component
class RiskDrafts {

    static final List<String> TREATMENTS = List.of("mitigate", "accept", "transfer", "avoid");
    static final List<String> STATUSES = List.of("open", "closed");
    static final int MAX_ASSETS = 200;

    private final AssetStore assets;
    private final ThreatCatalog catalog;
    private final Workforce workforce;

    RiskDrafts(AssetStore assets, ThreatCatalog catalog, Workforce workforce) {
        this.assets = assets;
        this.catalog = catalog;
        this.workforce = workforce;
    }

    Risk validated(String id, RiskDraft d, Risk existing, String actorId, Instant now) {
        if (d == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the risk");
        }
        String threatId = Fields.optional(d.threatId(), "threat id", 64);
        Threat fromCatalog = threatId == null ? null : catalog.find(threatId).orElseThrow(() -> new ProblemException(
                ProblemKind.VALIDATION, "No threat '" + Fields.abbreviated(threatId) + "' in the catalog; see "
                + "/api/program/threats"));
        String threat = Fields.optional(d.threat(), "threat", 1000);
        if (threat == null && fromCatalog == null) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the threat, or a threat id from the catalog");
        }
        RiskLevel likelihood = RiskLevel.parse(d.likelihood(), "likelihood");
        RiskLevel impact = RiskLevel.parse(d.impact(), "impact");
        return new Risk(id, Fields.required(d.title(), "title", 200), threatId,
                threat == null ? fromCatalog.title() : threat, Fields.required(d.vulnerability(), "vulnerability", 2000),
                assetIds(d.assetIds()), SpecificationIds.validated(d.controls()), likelihood, impact,
                RiskLevel.of(likelihood, impact), treatment(d.treatment()),
                Fields.oneOf(d.status(), "status", STATUSES, "open"), existing == null ? now : existing.createdAt(),
                existing == null ? actorId : existing.createdBy(), now, actorId);
    }

    private List<String> assetIds(List<String> ids) {
        List<String> clean = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            String value = Fields.optional(id, "asset id", 64);
            if (value == null || clean.contains(value)) {
                continue;
            }
            if (assets.find(value).isEmpty()) {
                throw new ProblemException(ProblemKind.VALIDATION, "No asset with id " + Fields.abbreviated(value)
                        + " in the inventory");
            }
            clean.add(value);
        }
        if (clean.size() > MAX_ASSETS) {
            throw new ProblemException(ProblemKind.VALIDATION, "A risk names at most " + MAX_ASSETS + " assets");
        }
        return clean;
    }

    private Treatment treatment(TreatmentDraft t) {
        if (t == null || blank(t.type()) && blank(t.plan()) && blank(t.ownerId()) && blank(t.dueDate())
                && blank(t.approverId()) && blank(t.residualLikelihood()) && blank(t.residualImpact())) {
            return null;
        }
        String type = Fields.oneOf(t.type(), "treatment", TREATMENTS, null);
        String plan = Fields.required(t.plan(), type.equals("accept") ? "treatment plan (why the risk is accepted)"
                : "treatment plan", 4000);
        String owner = user(t.ownerId(), "treatment owner", true).id();
        LocalDate due = date(t.dueDate());
        if (due == null && !type.equals("accept")) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give the due date of the plan to " + type
                    + " the risk (yyyy-MM-dd)");
        }
        Workforce.Member approver = user(t.approverId(), "approver", type.equals("accept"));
        if (approver != null && !(approver.has(Role.SECURITY_OFFICER) || approver.has(Role.COMPLIANCE_OFFICER))) {
            throw new ProblemException(ProblemKind.VALIDATION, "The approver must be a security or compliance officer");
        }
        if (blank(t.residualLikelihood()) != blank(t.residualImpact())) {
            throw new ProblemException(ProblemKind.VALIDATION, "Give both the residual likelihood and the residual "
                    + "impact, or neither");
        }
        RiskLevel residualLikelihood = blank(t.residualLikelihood()) ? null
                : RiskLevel.parse(t.residualLikelihood(), "residual likelihood");
        RiskLevel residualImpact = blank(t.residualImpact()) ? null
                : RiskLevel.parse(t.residualImpact(), "residual impact");
        return new Treatment(type, plan, owner, due, approver == null ? null : approver.id(), residualLikelihood,
                residualImpact, residualLikelihood == null ? null : RiskLevel.of(residualLikelihood, residualImpact));
    }

    private Workforce.Member user(String id, String role, boolean required) {
        if (blank(id)) {
            if (required) {
                throw new ProblemException(ProblemKind.VALIDATION, role.equals("approver")
                        ? "Accepting a risk needs a named approver: give the approver's user id"
                        : "Give the " + role + " (a user id)");
            }
            return null;
        }
        Workforce.Member member = workforce.find(id.strip()).orElseThrow(() -> new ProblemException(
                ProblemKind.VALIDATION, "No user with id " + Fields.abbreviated(id.strip()) + " to be the " + role));
        if (!member.active()) {
            throw new ProblemException(ProblemKind.VALIDATION, "The " + role + "'s account is not active");
        }
        return member;
    }

    private static LocalDate date(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "Write the due date as yyyy-MM-dd");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
