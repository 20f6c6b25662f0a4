package dev.safeguard.records.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * FHIR type-level search through the blind index only. Supported: {@code _id}, {@code _lastUpdated} (server metadata,
 * not PHI), {@code identifier}, {@code patient}/{@code subject}, for Patient {@code name}, {@code family},
 * {@code given} (prefix, accent- and case-insensitive), {@code gender}, {@code birthdate}, and {@code code} and
 * {@code date} for the clinical types of {@link SearchIndex#CODE} and {@link SearchIndex#DATE}. Commas mean OR,
 * repeated parameters AND; dates take the prefixes eq, ge, gt, le, lt. Anything else is refused with 400, never
 * silently ignored.
 */
@Component
public class ResourceSearch {

    /** Results beyond this are not returned; the caller narrows the search. */
    public static final int MAX_RESULTS = 1000;
    private static final Set<String> CONTROL = Set.of("_count", "_format", "_pretty", "_summary", "_elements",
            "_include");
    private static final Pattern DATE_QUERY = Pattern.compile("(eq|ge|gt|le|lt)?(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?"
            + "(?:T.*)?");
    private static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private final FhirContext fhir;
    private final SearchIndex index;
    private final JdbcTemplate jdbc;

    ResourceSearch(FhirContext fhir, SearchIndex index, JdbcTemplate jdbc) {
        this.fhir = fhir;
        this.index = index;
        this.jdbc = jdbc;
    }

    /** The search parameters served for a type, as the CapabilityStatement lists them (name → FHIR type). */
    public Map<String, String> supported(String type) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("_id", "token");
        params.put("_lastUpdated", "date");
        var definition = fhir.getResourceDefinition(type);
        if (definition.getChildByName("identifier") != null) {
            params.put("identifier", "token");
        }
        if (definition.getChildByName("subject") != null || definition.getChildByName("patient") != null) {
            params.put("patient", "reference");
        }
        if (definition.getChildByName("subject") != null) {
            params.put("subject", "reference");
        }
        if (type.equals("Patient")) {
            params.put("name", "string");
            params.put("family", "string");
            params.put("given", "string");
            params.put("gender", "token");
            params.put("birthdate", "date");
        }
        if (SearchIndex.CODE.containsKey(type)) {
            params.put("code", "token");
        }
        if (SearchIndex.DATE.containsKey(type)) {
            params.put("date", "date");
        }
        return params;
    }

    /**
     * Ids of the current, not deleted resources matching every parameter, newest first, at most MAX_RESULTS + 1.
     *
     * @param compartments only resources in these compartments (tokens of {@link ResourceVault#compartmentOf}), or
     *                     {@code null} for every compartment
     */
    public List<String> ids(String type, Map<String, String[]> parameters, Set<String> compartments) {
        Map<String, String> supported = supported(type);
        StringBuilder sql = new StringBuilder("SELECT c.resource_id FROM fhir_current c WHERE c.resource_type = ? "
                + "AND c.deleted = 0");
        List<Object> args = new ArrayList<>();
        args.add(type);
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (CONTROL.contains(name)) {
                continue;
            }
            if (name.contains(":")) {
                throw new InvalidRequestException("Search modifiers (" + name + ") are not supported");
            }
            String kind = supported.get(name);
            if (kind == null) {
                throw new InvalidRequestException("Search parameter '" + name + "' is not supported for " + type
                        + "; supported: " + String.join(", ", supported.keySet()));
            }
            for (String value : parameter.getValue()) {
                if (value == null || value.isBlank()) {
                    throw new InvalidRequestException("Search parameter '" + name + "' needs a value");
                }
                condition(type, name, kind, value, sql, args);
            }
        }
        if (compartments != null) {
            if (compartments.isEmpty()) {
                return List.of();
            }
            sql.append(" AND c.compartment IN (").append(marks(compartments.size())).append(")");
            args.addAll(compartments);
        }
        sql.append(" ORDER BY c.last_updated DESC, c.resource_id LIMIT ").append(MAX_RESULTS + 1);
        return jdbc.queryForList(sql.toString(), String.class, args.toArray());
    }

    private void condition(String type, String name, String kind, String value, StringBuilder sql, List<Object> args) {
        String[] alternatives = value.split(",", -1);
        if (name.equals("_id")) {
            sql.append(" AND c.resource_id IN (").append(marks(alternatives.length)).append(")");
            args.addAll(List.of(alternatives));
            return;
        }
        if (name.equals("_lastUpdated")) {
            if (alternatives.length > 1) {
                throw new InvalidRequestException("_lastUpdated takes one value per parameter");
            }
            long[] range = millisRange(value);
            sql.append(" AND c.last_updated >= ? AND c.last_updated < ?");
            args.add(range[0]);
            args.add(range[1]);
            return;
        }
        Set<String> tokens = new LinkedHashSet<>();
        for (String alternative : alternatives) {
            switch (kind) {
                case "reference" -> {
                    String reference = alternative.contains("/") ? alternative : "Patient/" + alternative;
                    if (!reference.matches("Patient/[A-Za-z0-9\\-.]{1,64}")) {
                        throw new InvalidRequestException(name + " must reference a Patient (Patient/<id> or <id>)");
                    }
                    tokens.add(index.token(type, name, reference));
                }
                case "string" -> {
                    String normalized = normalizedPrefix(alternative);
                    if (normalized.isEmpty() || normalized.length() > SearchIndex.MAX_PREFIX) {
                        throw new InvalidRequestException(name + " searches 1 to " + SearchIndex.MAX_PREFIX
                                + " characters");
                    }
                    tokens.add(index.token(type, name, normalized));
                }
                case "date" -> tokens.addAll(dateTokens(type, name, alternative));
                default -> {
                    if (alternative.startsWith("|") || alternative.endsWith("|")) {
                        throw new InvalidRequestException(name + " takes system|code or code");
                    }
                    tokens.add(index.token(type, name, alternative));
                }
            }
        }
        sql.append(" AND c.resource_id IN (SELECT s.resource_id FROM fhir_search s WHERE s.resource_type = ? AND "
                + "s.param = ? AND s.token IN (").append(marks(tokens.size())).append("))");
        args.add(type);
        args.add(name);
        args.addAll(tokens);
    }

    private String normalizedPrefix(String value) {
        return index.normalize(value);
    }

    private List<String> dateTokens(String type, String name, String value) {
        Matcher m = DATE_QUERY.matcher(value);
        if (!m.matches()) {
            throw new InvalidRequestException(name + " must be a date like 1970, 1970-01 or 1970-01-31, optionally "
                    + "prefixed by eq, ge, gt, le or lt");
        }
        String prefix = m.group(1) == null ? "eq" : m.group(1);
        LocalDate first;
        LocalDate last;
        try {
            int year = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                first = LocalDate.of(year, 1, 1);
                last = first.plusYears(1).minusDays(1);
            } else if (m.group(4) == null) {
                first = LocalDate.of(year, Integer.parseInt(m.group(3)), 1);
                last = first.plusMonths(1).minusDays(1);
            } else {
                first = LocalDate.of(year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                last = first;
            }
        } catch (java.time.DateTimeException e) {
            throw new InvalidRequestException(name + " is not a valid date");
        }
        LocalDate from = switch (prefix) {
            case "ge" -> first;
            case "gt" -> last.plusDays(1);
            case "le", "lt" -> EARLIEST;
            default -> first;
        };
        LocalDate to = switch (prefix) {
            case "le" -> last;
            case "lt" -> first.minusDays(1);
            case "ge", "gt" -> LATEST;
            default -> last;
        };
        if (prefix.equals("eq")) {
            // An exact date matches values of that precision or finer: the token of the date itself.
            String token = m.group(3) == null ? String.format("Y:%04d", first.getYear())
                    : m.group(4) == null ? String.format("M:%04d-%02d", first.getYear(), first.getMonthValue())
                    : "D:" + first;
            return List.of(index.token(type, name, token));
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST) || from.isAfter(to)) {
            throw new InvalidRequestException(name + " ranges must lie between 1800 and 2200");
        }
        return index.dateCover(type, name, from, to);
    }

    private static long[] millisRange(String value) {
        Matcher m = Pattern.compile("(eq|ge|gt|le|lt)?(.+)").matcher(value);
        if (!m.matches()) {
            throw new InvalidRequestException("_lastUpdated must be a date or instant with an optional prefix");
        }
        String prefix = m.group(1) == null ? "eq" : m.group(1);
        long start;
        long end;
        try {
            String v = m.group(2);
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                start = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
                end = day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
            } else {
                start = java.time.OffsetDateTime.parse(v).toInstant().toEpochMilli();
                end = start + 1;
            }
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("_lastUpdated must be YYYY-MM-DD or an instant with its offset");
        }
        return switch (prefix) {
            case "ge" -> new long[] {start, Long.MAX_VALUE};
            case "gt" -> new long[] {end, Long.MAX_VALUE};
            case "le" -> new long[] {Long.MIN_VALUE, end};
            case "lt" -> new long[] {Long.MIN_VALUE, start};
            default -> new long[] {start, end};
        };
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
