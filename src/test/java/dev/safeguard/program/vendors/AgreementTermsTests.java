package dev.safeguard.program.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.program.BusinessAssociateAgreement;
import dev.safeguard.program.Vendor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When a business associate agreement is in force, and in which state, on both sides of every boundary: the
 * effective instant (in force from it), the expiry instant (no longer in force at it), the termination instant; and a
 * vendor's coverage and renewals from its agreements.
 */
class AgreementTermsTests {

    static final long DAY = 86_400_000L;
    static final long REQUESTED = 1_000 * DAY;
    static final long EFFECTIVE = 1_010 * DAY;
    static final long EXPIRES = 1_100 * DAY;

    static AgreementStore.Row requested(String id) {
        return new AgreementStore.Row(id, "v1", null, null, null, REQUESTED, REQUESTED, "officer", null, null, null,
                null, null, null, null, null, null, null);
    }

    static AgreementStore.Row executed(String id, long effective, Long expires, Long terminated) {
        return new AgreementStore.Row(id, "v1", null, null, null, REQUESTED, REQUESTED, "officer", REQUESTED + DAY,
                effective, expires, "evidence-" + id, REQUESTED + DAY, "officer", terminated,
                terminated == null ? null : "ended", terminated, terminated == null ? null : "officer");
    }

    static Stream<Arguments> moments() {
        AgreementStore.Row fixed = executed("a", EFFECTIVE, EXPIRES, null);
        AgreementStore.Row open = executed("b", EFFECTIVE, null, null);
        AgreementStore.Row ended = executed("c", EFFECTIVE, EXPIRES, EFFECTIVE + 20 * DAY);
        AgreementStore.Row withdrawn = new AgreementStore.Row("d", "v1", null, null, null, REQUESTED, REQUESTED,
                "officer", null, null, null, null, null, null, REQUESTED + DAY, "withdrawn", REQUESTED + DAY,
                "officer");
        return Stream.of(
                Arguments.of("requested", requested("r"), EFFECTIVE, BusinessAssociateAgreement.REQUESTED, false),
                Arguments.of("executed, before effective", fixed, EFFECTIVE - 1, BusinessAssociateAgreement.EXECUTED,
                        false),
                Arguments.of("at the effective instant", fixed, EFFECTIVE, BusinessAssociateAgreement.EXECUTED, true),
                Arguments.of("just before expiry", fixed, EXPIRES - 1, BusinessAssociateAgreement.EXECUTED, true),
                Arguments.of("at the expiry instant", fixed, EXPIRES, BusinessAssociateAgreement.EXPIRED, false),
                Arguments.of("after expiry", fixed, EXPIRES + DAY, BusinessAssociateAgreement.EXPIRED, false),
                Arguments.of("no fixed expiry, years later", open, EXPIRES + 3650 * DAY,
                        BusinessAssociateAgreement.EXECUTED, true),
                Arguments.of("just before termination", ended, EFFECTIVE + 20 * DAY - 1,
                        BusinessAssociateAgreement.EXECUTED, true),
                Arguments.of("at the termination instant", ended, EFFECTIVE + 20 * DAY,
                        BusinessAssociateAgreement.TERMINATED, false),
                Arguments.of("terminated, after the expiry too", ended, EXPIRES + DAY,
                        BusinessAssociateAgreement.TERMINATED, false),
                Arguments.of("request withdrawn", withdrawn, EFFECTIVE, BusinessAssociateAgreement.TERMINATED, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moments")
    void stateAndInForceOnBothSidesOfEachBoundary(String name, AgreementStore.Row row, long at, String state,
                                                 boolean inForce) {
        assertThat(AgreementTerms.state(row, at)).isEqualTo(state);
        assertThat(AgreementTerms.inForce(row, at)).isEqualTo(inForce);
    }

    @Test
    void daysToExpiryAreWholeDaysWhileExecuted_andAbsentOtherwise() {
        AgreementStore.Row fixed = executed("a", EFFECTIVE, EXPIRES, null);
        assertThat(AgreementTerms.daysToExpiry(fixed, EXPIRES - 30 * DAY)).isEqualTo(30);
        assertThat(AgreementTerms.daysToExpiry(fixed, EXPIRES - 30 * DAY + 1)).isEqualTo(29);
        assertThat(AgreementTerms.daysToExpiry(fixed, EXPIRES - 1)).isZero();
        assertThat(AgreementTerms.daysToExpiry(fixed, EXPIRES)).isNull();
        assertThat(AgreementTerms.daysToExpiry(executed("b", EFFECTIVE, null, null), EFFECTIVE)).isNull();
        assertThat(AgreementTerms.daysToExpiry(requested("r"), EFFECTIVE)).isNull();
    }

    @Test
    void coverageNamesTheBestStateOfTheVendorsAgreements() {
        AgreementStore.Row fixed = executed("a", EFFECTIVE, EXPIRES, null);
        assertThat(AgreementTerms.coverage(List.of(), EFFECTIVE)).isEqualTo(Vendor.NONE);
        assertThat(AgreementTerms.coverage(List.of(requested("r")), EFFECTIVE))
                .isEqualTo(BusinessAssociateAgreement.REQUESTED);
        assertThat(AgreementTerms.coverage(List.of(fixed, requested("r")), EFFECTIVE - 1))
                .isEqualTo(Vendor.NOT_YET_EFFECTIVE);
        assertThat(AgreementTerms.coverage(List.of(fixed, requested("r")), EFFECTIVE)).isEqualTo(Vendor.IN_FORCE);
        assertThat(AgreementTerms.coverage(List.of(fixed), EXPIRES)).isEqualTo(BusinessAssociateAgreement.EXPIRED);
        assertThat(AgreementTerms.coverage(List.of(fixed, requested("r")), EXPIRES))
                .isEqualTo(BusinessAssociateAgreement.REQUESTED);
        AgreementStore.Row ended = executed("c", EFFECTIVE, EXPIRES, EFFECTIVE + DAY);
        assertThat(AgreementTerms.coverage(List.of(ended), EFFECTIVE + DAY))
                .isEqualTo(BusinessAssociateAgreement.TERMINATED);
        AgreementStore.Row longer = executed("e", EFFECTIVE, EXPIRES + 365 * DAY, null);
        assertThat(AgreementTerms.principal(List.of(fixed, longer), EFFECTIVE)).hasValue(longer);
    }

    @Test
    void aRenewalCarriesOnOnlyWhenItOutlastsTheAgreement_aRequestCountsOnlyWhenAsked() {
        AgreementStore.Row fixed = executed("a", EFFECTIVE, EXPIRES, null);
        AgreementStore.Row shorter = executed("s", EFFECTIVE, EXPIRES - DAY, null);
        AgreementStore.Row longer = executed("l", EFFECTIVE, EXPIRES + 365 * DAY, null);
        AgreementStore.Row cancelled = executed("t", EFFECTIVE, EXPIRES + 365 * DAY, EFFECTIVE + DAY);
        long now = EFFECTIVE + 2 * DAY;
        assertThat(AgreementTerms.renewed(fixed, List.of(fixed), now, true)).isFalse();
        assertThat(AgreementTerms.renewed(fixed, List.of(fixed, shorter), now, true)).isFalse();
        assertThat(AgreementTerms.renewed(fixed, List.of(fixed, cancelled), now, true)).isFalse();
        assertThat(AgreementTerms.renewed(fixed, List.of(fixed, longer), now, false)).isTrue();
        assertThat(AgreementTerms.renewed(fixed, List.of(fixed, requested("r")), now, false)).isFalse();
        assertThat(AgreementTerms.renewed(fixed, List.of(fixed, requested("r")), now, true)).isTrue();
        assertThat(AgreementTerms.until(fixed)).isEqualTo(EXPIRES);
        assertThat(AgreementTerms.until(executed("b", EFFECTIVE, null, null))).isEqualTo(Long.MAX_VALUE);
        assertThat(AgreementTerms.until(cancelled)).isEqualTo(EFFECTIVE + DAY);
    }
}
