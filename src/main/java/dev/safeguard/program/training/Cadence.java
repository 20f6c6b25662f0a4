package dev.safeguard.program.training;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When training falls due (164.308(a)(5)): the pure rules behind automatic assignments, deadlines and "on schedule".
 *
 * <ul>
 *   <li>A due date is a UTC calendar day; an assignment is overdue from the start of the next day, and a completion
 *       is on schedule when it happens before then.</li>
 *   <li><b>At hire</b>: a member never assigned an at-hire module gets it due {@code atHireDays} after the later of
 *       the hire date and the day it is assigned (so entering long-serving staff does not make them overdue at
 *       once).</li>
 *   <li><b>Annual</b>: a year after the last completion of the module (29 February gives 28 February), created
 *       {@code leadDays} before that date; a member who never completed an annual-only module gets it due
 *       {@code atHireDays} from the day it is assigned.</li>
 *   <li>Nothing new while the member has an open assignment of the module; cancelled assignments count as never
 *       made.</li>
 * </ul>
 */
public final class Cadence {

    public static final String AT_HIRE = "at-hire";
    public static final String ANNUAL = "annual";
    public static final String ASSIGNED = "assigned";

    private Cadence() {
    }

    /** A module's cadence. */
    public record Module(boolean atHire, boolean annual) {
    }

    /** An earlier assignment of the module to the member. */
    public record Past(LocalDate dueOn, Instant completedAt, boolean cancelled) {
        boolean open() {
            return completedAt == null && !cancelled;
        }
    }

    /** An assignment to create. */
    public record Planned(String reason, LocalDate dueOn) {
    }

    /** The assignment the cadence asks for today, if any. */
    public static Optional<Planned> next(Module module, LocalDate hireDate, List<Past> history, LocalDate today,
                                         int atHireDays, int leadDays) {
        Objects.requireNonNull(module, "module");
        if (history.stream().anyMatch(Past::open)) {
            return Optional.empty();
        }
        Optional<Instant> last = history.stream().map(Past::completedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
        if (last.isPresent()) {
            if (!module.annual()) {
                return Optional.empty();
            }
            LocalDate due = annualDue(LocalDate.ofInstant(last.get(), ZoneOffset.UTC));
            return today.isBefore(due.minusDays(leadDays)) ? Optional.empty()
                    : Optional.of(new Planned(ANNUAL, due));
        }
        if (module.atHire()) {
            return Optional.of(new Planned(AT_HIRE, atHireDue(hireDate, today, atHireDays)));
        }
        if (module.annual()) {
            return Optional.of(new Planned(ANNUAL, today.plusDays(atHireDays)));
        }
        return Optional.empty();
    }

    /** {@code days} after the later of the hire date and today. */
    public static LocalDate atHireDue(LocalDate hireDate, LocalDate today, int days) {
        return (hireDate.isAfter(today) ? hireDate : today).plusDays(days);
    }

    /** A year after the completion day. */
    public static LocalDate annualDue(LocalDate completedOn) {
        return completedOn.plusYears(1);
    }

    /** The exclusive deadline of a due date: the start (UTC) of the day after it. */
    public static Instant deadline(LocalDate dueOn) {
        return dueOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static boolean overdue(LocalDate dueOn, Instant now) {
        return !now.isBefore(deadline(dueOn));
    }

    public static boolean onTime(LocalDate dueOn, Instant completedAt) {
        return completedAt.isBefore(deadline(dueOn));
    }
}
