package dev.safeguard.access;

/**
 * Whether a patient exists, answered by the module that stores patients (records), so that assignments and
 * break-glass grants name real patients without this module depending on the vault.
 */
public interface PatientDirectory {

    /** Whether {@code Patient/<patientId>} exists and is not deleted. */
    boolean exists(String patientId);
}
