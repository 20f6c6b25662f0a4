package dev.safeguard.records.internal;

import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import dev.safeguard.audit.AuditForensics;
import dev.safeguard.records.PatientResidence;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Maps audit-trail patient pseudonyms to stored Patients and counts them by state, for {@link PatientResidence}. Every
 * stored Patient's pseudonym is computed (an HMAC, about a microsecond each), and only the matching patients are
 * decrypted.
 */
@Component
public class ResidenceCounter {

    private final JdbcClient jdbc;
    private final RecordStore store;
    private final ResourceVault vault;
    private final AuditForensics forensics;
    private final Clock clock;

    ResidenceCounter(JdbcClient jdbc, RecordStore store, ResourceVault vault, AuditForensics forensics, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.vault = vault;
        this.forensics = forensics;
        this.clock = clock;
    }

    public PatientResidence.Residence count(Collection<String> pseudonyms) {
        Set<String> wanted = new HashSet<>(pseudonyms);
        Set<String> found = new HashSet<>();
        List<String> matched = new ArrayList<>();
        if (!wanted.isEmpty()) {
            jdbc.sql("SELECT resource_id FROM fhir_current WHERE resource_type = 'Patient'").query(rs -> {
                String id = rs.getString(1);
                String pseudonym = forensics.patientPseudonym("Patient/" + id);
                if (wanted.contains(pseudonym) && found.add(pseudonym)) {
                    matched.add(id);
                }
            });
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, Integer> byState = new TreeMap<>();
        int withoutState = 0;
        int unreadable = 0;
        for (String id : matched) {
            Optional<Patient> patient = lastStored(id);
            Optional<String> state = patient.flatMap(p -> ResidenceState.of(p, today));
            if (patient.isEmpty()) {
                unreadable++;
            } else if (state.isEmpty()) {
                withoutState++;
            }
            byState.merge(state.orElse(PatientResidence.UNKNOWN), 1, Integer::sum);
        }
        return new PatientResidence.Residence(matched.size(), byState, withoutState, unreadable,
                wanted.size() - found.size());
    }

    /** The newest stored, not deleted version of the patient, opened; empty when it cannot be opened. */
    private Optional<Patient> lastStored(String id) {
        Optional<RecordStore.Version> version = store.history("Patient", id).stream().filter(v -> !v.deleted())
                .findFirst();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(vault.read("Patient", id, version.get().version()).resource())
                    .filter(Patient.class::isInstance).map(Patient.class::cast);
        } catch (ResourceGoneException | InternalErrorException e) {
            // Crypto-shredded, or failing its integrity check (the vault has raised the critical alert): the patient
            // still counts as affected, under "unknown".
            return Optional.empty();
        }
    }
}
