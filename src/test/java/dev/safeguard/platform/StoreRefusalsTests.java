package dev.safeguard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

/** A database's refusal (constraint, trigger) is told apart from its failure, for SQLite and PostgreSQL. */
class StoreRefusalsTests {

    @ParameterizedTest(name = "SQLState {0}, error code {1}: refused {2}")
    @CsvSource(nullValues = "-", value = {
            "-,     19, true",   // SQLite: SQLITE_CONSTRAINT (UNIQUE, CHECK, RAISE(ABORT) in a trigger)
            "-,     5,  false",  // SQLite: SQLITE_BUSY
            "-,     10, false",  // SQLite: SQLITE_IOERR
            "23505, 0,  true",   // PostgreSQL: unique_violation
            "23514, 0,  true",   // PostgreSQL: check_violation
            "P0001, 0,  true",   // PostgreSQL: a trigger's RAISE EXCEPTION
            "08006, 0,  false",  // PostgreSQL: connection failure
            "53100, 0,  false"}) // PostgreSQL: disk full
    void aRefusalIsAConflict_aFailureIsNot(String state, int code, boolean refused) {
        UncategorizedSQLException e = new UncategorizedSQLException("insert", "INSERT ...",
                new SQLException("reason", state, code));
        assertThat(StoreRefusals.refused(e)).isEqualTo(refused);
    }

    @Test
    void springsIntegrityViolationIsARefusal() {
        assertThat(StoreRefusals.refused(new DataIntegrityViolationException("duplicate key"))).isTrue();
    }
}
