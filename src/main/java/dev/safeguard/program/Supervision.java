package dev.safeguard.program;

import java.util.Optional;

/**
 * Who supervises a workforce user (164.308(a)(3)(ii)(A), authorization and/or supervision): the manager the
 * workforce roster names for the member who holds the account. Access-review items go to that manager.
 */
public interface Supervision {

    /**
     * The user id of the manager of the workforce member who holds {@code userId}, when the roster names a manager
     * who has an active account; empty otherwise.
     */
    Optional<String> managerOf(String userId);
}
