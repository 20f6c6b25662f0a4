package dev.safeguard.records.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Patient;

/**
 * The state or jurisdiction a patient resides in, from the Patient resource: the state of the home address in force
 * on a day (else an address without a use, else a temporary one; work, billing and old addresses are not residences),
 * normalized to the USPS two-letter code for the 50 states, the District of Columbia and the US territories, whether
 * recorded as code or name. Other values are kept as recorded (trimmed, whitespace collapsed, at most 64 characters),
 * with the country added when it is not the United States.
 */
final class ResidenceState {

    private static final List<Address.AddressUse> PREFERENCE = List.of(Address.AddressUse.HOME,
            Address.AddressUse.NULL, Address.AddressUse.TEMP);
    private static final Set<String> UNITED_STATES = Set.of("US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA");
    private static final Map<String, String> BY_NAME = new HashMap<>();
    private static final Set<String> CODES;

    static {
        String[][] jurisdictions = {
            {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"}, {"CA", "California"},
            {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"}, {"FL", "Florida"}, {"GA", "Georgia"},
            {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"}, {"IN", "Indiana"}, {"IA", "Iowa"},
            {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"}, {"ME", "Maine"}, {"MD", "Maryland"},
            {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"}, {"MS", "Mississippi"},
            {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"}, {"NH", "New Hampshire"},
            {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"}, {"NC", "North Carolina"},
            {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"}, {"PA", "Pennsylvania"},
            {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"}, {"TN", "Tennessee"},
            {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"}, {"WA", "Washington"},
            {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"}, {"DC", "District of Columbia"},
            {"PR", "Puerto Rico"}, {"GU", "Guam"}, {"VI", "U.S. Virgin Islands"}, {"AS", "American Samoa"},
            {"MP", "Northern Mariana Islands"}};
        for (String[] j : jurisdictions) {
            BY_NAME.put(key(j[1]), j[0]);
        }
        BY_NAME.put(key("Virgin Islands"), "VI");
        BY_NAME.put(key("US Virgin Islands"), "VI");
        BY_NAME.put(key("Washington DC"), "DC");
        BY_NAME.put(key("Washington, D.C."), "DC");
        CODES = Set.copyOf(BY_NAME.values());
    }

    private ResidenceState() {
    }

    /** The patient's state or jurisdiction on {@code day}, or empty when the residence records none. */
    static Optional<String> of(Patient patient, LocalDate day) {
        return patient.getAddress().stream()
                .filter(a -> PREFERENCE.contains(a.hasUse() ? a.getUse() : Address.AddressUse.NULL))
                .filter(a -> inForce(a, day))
                .filter(a -> a.hasState() && !clean(a.getState()).isEmpty())
                .min(Comparator.comparingInt(a -> PREFERENCE.indexOf(a.hasUse() ? a.getUse()
                        : Address.AddressUse.NULL)))
                .map(a -> normalized(a.getState(), a.hasCountry() ? a.getCountry() : null));
    }

    static String normalized(String state, String country) {
        String clean = clean(state);
        String countryClean = country == null ? "" : clean(country);
        boolean domestic = countryClean.isEmpty() || UNITED_STATES.contains(countryClean.toUpperCase(Locale.ROOT)
                .replace(".", ""));
        if (domestic) {
            String upper = clean.toUpperCase(Locale.ROOT);
            if (upper.length() == 2 && CODES.contains(upper)) {
                return upper;
            }
            String byName = BY_NAME.get(key(clean));
            if (byName != null) {
                return byName;
            }
        }
        String value = domestic ? clean : clean + " (" + countryClean + ")";
        return value.length() <= 64 ? value : value.substring(0, 64);
    }

    private static boolean inForce(Address address, LocalDate day) {
        if (!address.hasPeriod()) {
            return true;
        }
        var period = address.getPeriod();
        boolean started = !period.hasStart() || !LocalDate.ofInstant(period.getStart().toInstant(), ZoneOffset.UTC)
                .isAfter(day);
        boolean ended = period.hasEnd() && LocalDate.ofInstant(period.getEnd().toInstant(), ZoneOffset.UTC)
                .isBefore(day);
        return started && !ended;
    }

    private static String clean(String value) {
        return value.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
    }

    private static String key(String name) {
        return clean(name).toLowerCase(Locale.ROOT).replace(".", "").replace(",", "");
    }
}
