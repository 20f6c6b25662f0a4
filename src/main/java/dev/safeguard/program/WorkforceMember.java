package dev.safeguard.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A member of the workforce (164.308(a)(3)): a person — employee, contractor, volunteer, trainee or student — who may
 * hold zero or more user accounts. Not to be confused with a user account ({@link dev.safeguard.identity.Workforce}).
 *
 * @param workforceType  {@code employee}, {@code contractor}, {@code volunteer}, {@code trainee} or {@code student}
 * @param managerId      the member who supervises this one (164.308(a)(3)(ii)(A)), or {@code null}
 * @param status         {@code active}, {@code termination-scheduled} or {@code terminated}
 * @param accounts       the user accounts the member holds now
 * @param termination    the termination in force (scheduled or executed), or {@code null}
 */
public record WorkforceMember(String id, String name, String jobTitle, String department, String workforceType,
                              String managerId, String managerName, LocalDate hireDate, String status,
                              List<Account> accounts, TerminationSummary termination, Instant createdAt,
                              String createdBy, Instant updatedAt, String updatedBy) {

    public static final String ACTIVE = "active";
    public static final String TERMINATION_SCHEDULED = "termination-scheduled";
    public static final String TERMINATED = "terminated";
    public static final List<String> TYPES = List.of("employee", "contractor", "volunteer", "trainee", "student");

    public WorkforceMember {
        accounts = List.copyOf(accounts);
    }

    /**
     * A user account the member holds.
     *
     * @param status the account's status: {@code active}, {@code disabled} or {@code terminated}
     */
    public record Account(String userId, String username, String displayName, String status, List<String> roles,
                          Instant linkedAt, String linkedBy) {
        public Account {
            roles = List.copyOf(roles);
        }
    }

    /** When and why the member leaves or left. */
    public record TerminationSummary(String id, String status, Instant effectiveAt, String reason) {
    }

    /** True while the member is not terminated (a scheduled termination has not taken effect). */
    public boolean current() {
        return !TERMINATED.equals(status);
    }
}
