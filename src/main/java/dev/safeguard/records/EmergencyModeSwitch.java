package dev.safeguard.records;

import java.time.Instant;

/**
 * One switch of the vault's emergency mode, or the state it left (the latest switch is the current state).
 *
 * @param seq        the switch's sequence number; 0 for the initial state (never switched)
 * @param active     whether the vault is read-only from then on
 * @param switchedAt when, by the server's clock; {@code null} for the initial state
 * @param switchedBy the security officer's user id; {@code null} for the initial state
 * @param reason     the officer's reason, shown to the workforce (never PHI); {@code null} when none was given
 */
public record EmergencyModeSwitch(long seq, boolean active, Instant switchedAt, String switchedBy, String reason) {

    /** The state of a vault that was never switched: writable. */
    public static final EmergencyModeSwitch NEVER_SWITCHED = new EmergencyModeSwitch(0, false, null, null, null);
}
