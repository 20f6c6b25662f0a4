package dev.safeguard.records.internal;

import ca.uhn.fhir.context.FhirContext;
import dev.safeguard.crypto.BlindIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Type;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The blind search index ({@code fhir_search}): every supported search value of a resource's current version as a
 * keyed token of its normalized form. Strings (names) are indexed by every prefix up to {@value #MAX_PREFIX}
 * characters, because FHIR string search matches prefixes; dates by their year, month and day, so a range query is
 * answered by a small cover of such tokens; references, codes and identifiers exactly, with and without system.
 */
@Component
public class SearchIndex {

    static final int MAX_PREFIX = 32;

    /** The supported parameters: FHIR search parameter name → element(s) per resource type. */
    static final Map<String, List<String>> CODE = Map.of(
            "Observation", List.of("code"), "Condition", List.of("code"), "Procedure", List.of("code"),
            "MedicationRequest", List.of("medicationCodeableConcept"), "Immunization", List.of("vaccineCode"),
            "AllergyIntolerance", List.of("code"), "DiagnosticReport", List.of("code"),
            "DocumentReference", List.of("type"), "Encounter", List.of("type"));
    static final Map<String, List<String>> DATE = Map.of(
            "Observation", List.of("effective"), "Condition", List.of("onset", "recordedDate"),
            "Procedure", List.of("performed"), "MedicationRequest", List.of("authoredOn"),
            "Immunization", List.of("occurrence"), "AllergyIntolerance", List.of("recordedDate"),
            "DiagnosticReport", List.of("effective"), "DocumentReference", List.of("date"),
            "Encounter", List.of("period"));

    record Entry(String param, String token) {
    }

    private final FhirContext fhir;
    private final BlindIndex index;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SearchIndex(FhirContext fhir, BlindIndex index, JdbcClient jdbc, JdbcTemplate template) {
        this.fhir = fhir;
        this.index = index;
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Replaces the resource's index rows by those of its new current version (caller's transaction). */
    void replace(String type, String id, IBaseResource resource) {
        remove(type, id);
        List<Entry> entries = new ArrayList<>(entries(type, resource));
        template.batchUpdate("INSERT INTO fhir_search (resource_type, param, token, resource_id) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", entries, entries.size(), (ps, e) -> {
                    ps.setString(1, type);
                    ps.setString(2, e.param());
                    ps.setString(3, e.token());
                    ps.setString(4, id);
                });
    }

    void remove(String type, String id) {
        jdbc.sql("DELETE FROM fhir_search WHERE resource_type = ? AND resource_id = ?").params(type, id).update();
    }

    /** The normalization applied to string values before their prefixes are indexed (and to queries). */
    String normalize(String value) {
        return index.normalize(value);
    }

    /** The token of one search value, as a query computes it. */
    public String token(String type, String param, String value) {
        return index.token(type + "." + param, value);
    }

    Set<Entry> entries(String type, IBaseResource resource) {
        Set<Entry> out = new LinkedHashSet<>();
        for (Object identifier : values(resource, type, "identifier")) {
            if (identifier instanceof Identifier i && i.hasValue()) {
                add(out, type, "identifier", i.getValue());
                if (i.hasSystem()) {
                    add(out, type, "identifier", i.getSystem() + "|" + i.getValue());
                }
            }
        }
        for (String element : List.of("subject", "patient")) {
            for (Object value : values(resource, type, element)) {
                if (value instanceof Reference r && r.getReferenceElement().hasIdPart()
                        && "Patient".equals(r.getReferenceElement().getResourceType())) {
                    String reference = "Patient/" + r.getReferenceElement().getIdPart();
                    add(out, type, element, reference);
                    add(out, type, "patient", reference);
                }
            }
        }
        if (resource instanceof Patient p) {
            for (HumanName name : p.getName()) {
                if (name.hasFamily()) {
                    prefixes(out, type, "family", name.getFamily());
                    prefixes(out, type, "name", name.getFamily());
                }
                name.getGiven().forEach(given -> {
                    prefixes(out, type, "given", given.getValue());
                    prefixes(out, type, "name", given.getValue());
                });
                if (name.hasText()) {
                    prefixes(out, type, "name", name.getText());
                }
            }
            if (p.hasGender()) {
                add(out, type, "gender", p.getGender().toCode());
            }
            if (p.hasBirthDateElement()) {
                dates(out, type, "birthdate", p.getBirthDateElement());
            }
        }
        for (String element : CODE.getOrDefault(type, List.of())) {
            for (Object value : values(resource, type, element)) {
                if (value instanceof CodeableConcept concept) {
                    for (Coding coding : concept.getCoding()) {
                        if (coding.hasCode()) {
                            add(out, type, "code", coding.getCode());
                            if (coding.hasSystem()) {
                                add(out, type, "code", coding.getSystem() + "|" + coding.getCode());
                            }
                        }
                    }
                }
            }
        }
        for (String element : DATE.getOrDefault(type, List.of())) {
            for (Object value : values(resource, type, element)) {
                if (value instanceof BaseDateTimeType date) {
                    dates(out, type, "date", date);
                } else if (value instanceof Period period) {
                    if (period.hasStartElement()) {
                        dates(out, type, "date", period.getStartElement());
                    }
                    if (period.hasEndElement()) {
                        dates(out, type, "date", period.getEndElement());
                    }
                }
            }
        }
        return out;
    }

    private Collection<?> values(IBaseResource resource, String type, String element) {
        var definition = fhir.getResourceDefinition(type);
        var child = definition.getChildByName(element);
        if (child == null) {
            child = definition.getChildByName(element + "[x]");
        }
        if (child == null) {
            return List.of();
        }
        List<Object> values = new ArrayList<>(child.getAccessor().getValues(resource));
        values.removeIf(v -> !(v instanceof Type));
        return values;
    }

    private void add(Set<Entry> out, String type, String param, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new Entry(param, token(type, param, value)));
        }
    }

    private void prefixes(Set<Entry> out, String type, String param, String value) {
        if (value == null) {
            return;
        }
        String normalized = index.normalize(value);
        for (int end = 1; end <= Math.min(MAX_PREFIX, normalized.length()); end++) {
            add(out, type, param, normalized.substring(0, end));
        }
    }

    private void dates(Set<Entry> out, String type, String param, BaseDateTimeType date) {
        if (date.getValue() == null) {
            return;
        }
        TemporalPrecisionEnum precision = date.getPrecision();
        String year = String.format("%04d", date.getYear());
        add(out, type, param, "Y:" + year);
        if (precision.ordinal() >= TemporalPrecisionEnum.MONTH.ordinal()) {
            String month = year + String.format("-%02d", date.getMonth() + 1);
            add(out, type, param, "M:" + month);
            if (precision.ordinal() >= TemporalPrecisionEnum.DAY.ordinal()) {
                add(out, type, param, "D:" + month + String.format("-%02d", date.getDay()));
            }
        }
    }

    /**
     * The tokens covering the days {@code [from, to]}: whole years as year tokens, whole months as month tokens, the
     * rest as day tokens. At most a few hundred for any range within the supported years 1800–2200.
     */
    List<String> dateCover(String type, String param, LocalDate from, LocalDate to) {
        List<String> tokens = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            if (day.getDayOfYear() == 1 && !day.plusYears(1).minusDays(1).isAfter(to)) {
                tokens.add(token(type, param, String.format("Y:%04d", day.getYear())));
                day = day.plusYears(1);
            } else if (day.getDayOfMonth() == 1 && !day.plusMonths(1).minusDays(1).isAfter(to)) {
                tokens.add(token(type, param, String.format("M:%04d-%02d", day.getYear(), day.getMonthValue())));
                day = day.plusMonths(1);
            } else {
                tokens.add(token(type, param, "D:" + day));
                day = day.plusDays(1);
            }
        }
        return tokens;
    }
}
