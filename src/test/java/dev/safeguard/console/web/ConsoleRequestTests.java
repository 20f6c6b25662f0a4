package dev.safeguard.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.CurrentSession;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.SessionTicket;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ConsoleRequestTests {

    @Test
    void auditReader_admitsAuditorsAndSecurityOfficers() {
        for (Role role : Set.of(Role.AUDITOR, Role.SECURITY_OFFICER)) {
            assertThat(ConsoleRequest.auditReader(signedIn(Set.of(role))).roles()).containsExactly(role);
        }
    }

    @Test
    void auditReader_isRefusedToEveryOtherRole() {
        Set<Role> others = EnumSet.complementOf(EnumSet.of(Role.AUDITOR, Role.SECURITY_OFFICER));
        assertThat(others).isNotEmpty();
        for (Set<Role> roles : Set.of(others, Set.<Role>of())) {
            assertThatThrownBy(() -> ConsoleRequest.auditReader(signedIn(roles))).as(roles.toString())
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN));
        }
    }

    private static MockHttpServletRequest signedIn(Set<Role> roles) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/audit/events");
        Actor actor = new Actor(Actor.Kind.USER, "u-1", "someone", roles, Set.of(), "ref", null);
        CurrentSession.set(request, new CurrentSession(actor, SessionTicket.Stage.AUTHENTICATED, "csrf",
                Instant.EPOCH.plusSeconds(900), Instant.EPOCH.plusSeconds(28_800)));
        return request;
    }
}
