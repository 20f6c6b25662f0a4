package dev.safeguard.records.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where a patient resides for breach notification: the home address in force (else one without a use, else a
 * temporary one), its state normalized to the USPS code whether written as code or name, foreign regions kept with
 * their country; work, billing, old and ended addresses are no residence.
 */
class ResidenceStateTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @ParameterizedTest(name = "''{0}'' in ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            CA                   | -              | CA
            ca                   | US             | CA
            California           | -              | CA
            '  new   york '      | USA            | NY
            Washington, D.C.     | United States  | DC
            District of Columbia | -              | DC
            Puerto Rico          | -              | PR
            Guam                 | -              | GU
            Ontario              | Canada         | Ontario (Canada)
            ZZ                   | -              | ZZ
            """)
    void statesAreNormalizedToTheirUspsCodes(String state, String country, String expected) {
        assertThat(ResidenceState.normalized(state, country)).isEqualTo(expected);
    }

    @Test
    void theHomeAddressInForceDecides_andWorkOldBillingOrEndedAddressesDoNot() {
        Patient patient = new Patient();
        patient.addAddress(address(Address.AddressUse.WORK, "NV", null, null));
        patient.addAddress(address(Address.AddressUse.OLD, "TX", null, null));
        patient.addAddress(address(Address.AddressUse.HOME, "WA", null, TODAY.minusDays(1)));
        patient.addAddress(address(Address.AddressUse.TEMP, "OR", null, null));
        patient.addAddress(address(Address.AddressUse.HOME, "Idaho", TODAY.minusYears(1), null));
        assertThat(ResidenceState.of(patient, TODAY)).contains("ID");

        Patient moving = new Patient();
        moving.addAddress(address(Address.AddressUse.HOME, "AZ", TODAY.plusDays(10), null));
        moving.addAddress(address(null, "UT", null, null));
        assertThat(ResidenceState.of(moving, TODAY)).as("a future home is not in force yet").contains("UT");

        Patient travelling = new Patient();
        travelling.addAddress(address(Address.AddressUse.BILLING, "NY", null, null));
        travelling.addAddress(address(Address.AddressUse.TEMP, "FL", null, null));
        assertThat(ResidenceState.of(travelling, TODAY)).contains("FL");
    }

    @Test
    void noResidenceWithAStateGivesNone() {
        assertThat(ResidenceState.of(new Patient(), TODAY)).isEqualTo(Optional.empty());
        Patient workOnly = new Patient();
        workOnly.addAddress(address(Address.AddressUse.WORK, "CA", null, null));
        assertThat(ResidenceState.of(workOnly, TODAY)).isEmpty();
        Patient blank = new Patient();
        blank.addAddress(address(Address.AddressUse.HOME, "  ", null, null));
        assertThat(ResidenceState.of(blank, TODAY)).isEmpty();
    }

    private static Address address(Address.AddressUse use, String state, LocalDate start, LocalDate end) {
        Address address = new Address().setState(state).setCity("Testville");
        if (use != null) {
            address.setUse(use);
        }
        if (start != null || end != null) {
            Period period = new Period();
            if (start != null) {
                period.setStart(Date.from(start.atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (end != null) {
                period.setEnd(Date.from(end.atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            address.setPeriod(period);
        }
        return address;
    }
}
