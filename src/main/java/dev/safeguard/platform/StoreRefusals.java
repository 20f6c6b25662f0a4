package dev.safeguard.platform;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Tells a database's refusal of a change (a constraint, or a trigger raising an error) from a failure of the database
 * itself, on SQLite and PostgreSQL alike (Spring translates SQLite's refusals to no specific exception). The first is the caller's conflict (409) and changes nothing; the second must stay a failure
 * (the audit trail answers 503), never be reported as a conflict.
 */
public final class StoreRefusals {

    /** SQLite's result code for a violated constraint, including a trigger's RAISE(ABORT, ...). */
    private static final int SQLITE_CONSTRAINT = 19;

    private StoreRefusals() {
    }

    /** Whether the database refused the statement (constraint or trigger), rather than failing. */
    public static boolean refused(DataAccessException e) {
        if (e instanceof DataIntegrityViolationException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // PostgreSQL: class 23 (integrity constraint violation), P0001 (a trigger's RAISE EXCEPTION).
                return state != null ? state.startsWith("23") || state.equals("P0001")
                        : sql.getErrorCode() == SQLITE_CONSTRAINT;
            }
        }
        return false;
    }
}
