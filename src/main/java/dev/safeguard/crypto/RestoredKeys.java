package dev.safeguard.crypto;

import javax.sql.DataSource;

/**
 * The key hierarchy of another copy of Safeguard's database (a backup restored into a scratch directory for a
 * restore drill), opened with this installation's master key.
 *
 * <p>Security guarantees: the copy's key-encryption keys, data keys, blind-index and record-MAC keys are read from
 * the copy itself and unwrapped with this installation's master key exactly as the live hierarchy is; nothing is
 * shared with the live hierarchy's caches. A copy whose keysets were made under another master key fails to open.
 */
public interface RestoredKeys {

    /** The copy's keys; the caller owns {@code database} and keeps it open while it uses them. */
    Hierarchy open(DataSource database);

    /** The primitives of a copy's key hierarchy, as the vault uses them. */
    record Hierarchy(CompartmentKeys compartments, BlindIndex index, RecordMac mac) {
    }
}
