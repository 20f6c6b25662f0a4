package dev.safeguard.backup;

import java.time.Instant;

/**
 * One restore drill (164.308(a)(7)(ii)(D)): a backup restored into a scratch directory and verified, with the
 * measured recovery time.
 *
 * @param status             {@link #RUNNING}, {@link #PASSED} or {@link #FAILED}
 * @param recoveryMillis     measured from the start of the restore to the end of its verification
 * @param tables             tables whose row counts matched the manifest
 * @param rows               rows restored
 * @param auditEvents        audit events whose Merkle tree verified in the copy
 * @param auditHeads         signed tree heads checked in the copy (database and checkpoint file)
 * @param sampleSize         resource versions sampled for decryption
 * @param sampleDecrypted    of those, how many opened under the copy's keys
 * @param targetDatabase     what the drill restored into ({@code sqlite})
 * @param failure            why it failed, or {@code null}
 */
public record RestoreDrill(String id, String trigger, String requestedBy, String backupId, Instant startedAt,
                           Instant finishedAt, String status, Long recoveryMillis, Integer tables, Long rows,
                           Long auditEvents, Integer auditHeads, Integer sampleSize, Integer sampleDecrypted,
                           String targetDatabase, String failure) {

    public static final String RUNNING = "running";
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
}
