package dev.safeguard.audit.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.audit.AlertSettings;
import dev.safeguard.audit.AlertSettings.Rule;
import dev.safeguard.audit.Alerts;
import dev.safeguard.audit.internal.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert rules over synthetic committed events: windows in event time, thresholds, dedupe, no PHI in the text. */
class AlertRulesTests {

    private static final long T0 = 1_800_000_000_000L;
    private static final long MINUTE = 60_000;

    private final AlertRules rules = new AlertRules(defaults());
    private long seq;

    @Test
    void fiftyDistinctPatientsWithinTenMinutesRaiseOneAlert() {
        List<AlertDraft> raised = touchPatients("u1", 50, 0, 9 * MINUTE);
        assertThat(raised).hasSize(1);
        AlertDraft alert = raised.get(0);
        assertThat(alert.rule()).isEqualTo(Alerts.PATIENT_VOLUME);
        assertThat(alert.subject()).isEqualTo("u1");
        assertThat(alert.severity()).isEqualTo(Alerts.Severity.HIGH);
        assertThat(alert.firstSeq()).isEqualTo(1);
        assertThat(alert.summary()).contains("50 distinct patients").doesNotContain("pseudo-");
    }

    @Test
    void fortyNineDistinctPatientsWithinTenMinutes_doNotRaise() {
        assertThat(touchPatients("u1", 49, 0, 9 * MINUTE)).isEmpty();
    }

    @Test
    void fiftyDistinctPatientsSpreadOverElevenMinutes_doNotRaise() {
        assertThat(touchPatients("u1", 50, 0, 11 * MINUTE)).isEmpty();
    }

    @Test
    void theSamePatientTouchedAgainCountsOnce() {
        List<AlertDraft> raised = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            raised.addAll(rules.evaluate(event("u1", "rest", "GET /fhir/Patient/{id}", "SUCCESS", 200,
                    "pseudo-" + (i % 49), T0 + i * 1000L)));
        }
        assertThat(raised).isEmpty();
    }

    @Test
    void patientsOfDifferentUsersAreNotAddedUp() {
        assertThat(touchPatients("u1", 30, 0, MINUTE)).isEmpty();
        assertThat(touchPatients("u2", 30, 0, MINUTE)).isEmpty();
    }

    @Test
    void aContinuingBurstAlertsOncePerWindow() {
        assertThat(touchPatients("u1", 100, 0, 5 * MINUTE)).hasSize(1);
        assertThat(touchPatients("u1", 100, 5 * MINUTE + 1000, 9 * MINUTE)).isEmpty();
        assertThat(touchPatients("u1", 60, 13 * MINUTE, 15 * MINUTE)).as("10 min after the first alert").hasSize(1);
    }

    @Test
    void fiveFailedSignInsOnOneAccountWithinTenMinutesRaiseOneAlert() {
        List<AlertDraft> raised = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            raised.addAll(rules.evaluate(event("u1", "authentication", i % 2 == 0 ? "login" : "mfa",
                    "MINOR_FAILURE", null, null, T0 + i * MINUTE)));
        }
        assertThat(raised).extracting(AlertDraft::rule).containsExactly(Alerts.FAILED_LOGINS);
        assertThat(raised.get(0).subject()).isEqualTo("u1");
        assertThat(raised.get(0).firstSeq()).isEqualTo(1);
        assertThat(raised.get(0).at()).isEqualTo(T0 + 4 * MINUTE);
    }

    @Test
    void fourFailedSignIns_orFiveSpreadOverMoreThanTenMinutes_doNotRaise() {
        List<AlertDraft> raised = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            raised.addAll(rules.evaluate(event("u1", "authentication", "login", "MINOR_FAILURE", null, null,
                    T0 + i * MINUTE)));
        }
        for (int i = 0; i < 5; i++) {
            raised.addAll(rules.evaluate(event("u2", "authentication", "login", "MINOR_FAILURE", null, null,
                    T0 + i * 3 * MINUTE)));
        }
        raised.addAll(rules.evaluate(event(null, "authentication", "login", "MINOR_FAILURE", null, null, T0)));
        raised.addAll(rules.evaluate(event("u1", "authentication", "login", "SUCCESS", null, null, T0 + MINUTE)));
        assertThat(raised).isEmpty();
    }

    @Test
    void breakGlassDeniedPatientAccessLockoutAndFailedVerificationRaiseAlerts() {
        StoredEvent breakGlass = new StoredEvent(++seq, "e", T0, "rest", "GET /fhir/Patient/{id}", "R", "SUCCESS",
                200, "u1", null, null, null, "10.0.0.1", null, "ETREAT", null, null, null, "pseudo-1", null, null,
                null, "n", null, null);
        assertThat(rules.evaluate(breakGlass)).extracting(AlertDraft::rule).containsExactly(Alerts.BREAK_GLASS);
        assertThat(rules.evaluate(event("u2", "rest", "GET /fhir/Patient/{id}", "MINOR_FAILURE", 403, "pseudo-2",
                T0))).extracting(AlertDraft::rule).containsExactly(Alerts.PATIENT_ACCESS_DENIED);
        assertThat(rules.evaluate(event("u3", "authentication", "lockout", "SERIOUS_FAILURE", null, null, T0)))
                .extracting(AlertDraft::rule).containsExactly(Alerts.ACCOUNT_LOCKOUT);
        assertThat(rules.evaluate(event(null, "audit", "verify", "SERIOUS_FAILURE", null, null, T0)))
                .extracting(AlertDraft::rule).containsExactly(Alerts.AUDIT_VERIFICATION_FAILURE);
        assertThat(rules.evaluate(event(null, "audit", "verify", "SUCCESS", null, null, T0 + 1))).isEmpty();
        assertThat(rules.evaluate(event("u2", "rest", "GET /api/users", "MINOR_FAILURE", 403, null, T0))).isEmpty();
    }

    @Test
    void aDisabledRule_doesNotRaise() {
        AlertSettings settings = new AlertSettings(new Rule(false, null, null), null,
                new Rule(true, 3, Duration.ofMinutes(1)), null, null, null, null, null, null);
        AlertRules custom = new AlertRules(settings);
        StoredEvent breakGlass = new StoredEvent(1, "e", T0, "rest", "GET /x", "R", "SUCCESS", 200, "u1", null,
                null, null, null, null, "ETREAT", null, null, null, null, null, null, null, "n", null, null);
        assertThat(custom.evaluate(breakGlass)).isEmpty();
        assertThat(custom.evaluate(event("u1", "rest", "GET /p", "SUCCESS", 200, "a", T0))).isEmpty();
        assertThat(custom.evaluate(event("u1", "rest", "GET /p", "SUCCESS", 200, "b", T0 + 1))).isEmpty();
        assertThat(custom.evaluate(event("u1", "rest", "GET /p", "SUCCESS", 200, "c", T0 + 2)))
                .extracting(AlertDraft::rule).containsExactly(Alerts.PATIENT_VOLUME);
    }

    @Test
    void windowsStayBoundedPerSubject() {
        SlidingWindows windows = new SlidingWindows(3, Duration.ofMinutes(10));
        for (int i = 0; i < 10_000; i++) {
            windows.distinct("u1", "p" + i, T0 + i, i);
        }
        assertThat(windows.distinct("u1", "p-last", T0 + 10_000, 10_000)).isEqualTo(9_998);
    }

    private List<AlertDraft> touchPatients(String user, int patients, long from, long to) {
        List<AlertDraft> raised = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            long at = T0 + from + (patients == 1 ? 0 : (to - from) * i / (patients - 1));
            raised.addAll(rules.evaluate(event(user, "rest", "GET /fhir/Patient/{id}", "SUCCESS", 200,
                    "pseudo-" + user + "-" + from + "-" + i, at)));
        }
        return raised;
    }

    private StoredEvent event(String user, String type, String subtype, String outcome, Integer status,
                              String patientPseudonym, long at) {
        return new StoredEvent(++seq, "event-" + seq, at, type, subtype, "E", outcome, status, user, null, null, null,
                "10.0.0.1", null, null, null, null, null, patientPseudonym, null, null, null, "node-1", null, null);
    }

    private static AlertSettings defaults() {
        return new AlertSettings(null, null, null, null, null, null, null, null, null);
    }
}
