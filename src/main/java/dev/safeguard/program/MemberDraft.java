package dev.safeguard.program;

import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A member as an officer enters or changes them.
 *
 * @param name          the person's name, 1 to 100 characters
 * @param jobTitle      job role or title, 1 to 100 characters
 * @param department    optional, at most 100 characters
 * @param workforceType one of {@link WorkforceMember#TYPES}; {@code null}: employee
 * @param managerId     another member who is not terminated, or {@code null}
 * @param hireDate      from 1900-01-01 to a year from today
 * @param userIds       accounts to link when the member is created (ignored on change), each held by no other member
 */
public record MemberDraft(String name, String jobTitle, String department, String workforceType, String managerId,
                          LocalDate hireDate, List<String> userIds) {

    public MemberDraft {
        if (userIds != null && userIds.stream().anyMatch(Objects::isNull)) {
            throw new ProblemException(ProblemKind.VALIDATION, "userIds lists account ids; null is not one");
        }
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }
}
