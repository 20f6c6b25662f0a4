package dev.safeguard.records.internal;

import dev.safeguard.access.PatientDirectory;
import org.springframework.stereotype.Component;

/** Tells the access module which patients exist: a current, not deleted Patient resource. */
@Component
class StoredPatients implements PatientDirectory {

    private final RecordStore store;

    StoredPatients(RecordStore store) {
        this.store = store;
    }

    @Override
    public boolean exists(String patientId) {
        return store.current("Patient", patientId).map(c -> !c.deleted()).orElse(false);
    }
}
