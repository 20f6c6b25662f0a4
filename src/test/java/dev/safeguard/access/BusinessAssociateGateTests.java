package dev.safeguard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguard.access.AccessPolicy.Decision;
import dev.safeguard.access.AccessPolicy.Operation;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Role;
import dev.safeguard.identity.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The access policy consults the business associate gate for every service client on each of its three paths
 * (decide, requireReach, visibility), before scopes; a refusal or a failing gate refuses with its reason code; users
 * are never subject to it.
 */
class BusinessAssociateGateTests {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Actor CLIENT = new Actor(Actor.Kind.SERVICE_CLIENT, "client-1", "app", Set.of(),
            Set.of(new Scope("system/*.read"), new Scope("system/*.write")), null, "owner");

    final List<String> asked = new ArrayList<>();

    AccessPolicy policy(BusinessAssociateGate gate) {
        return new AccessPolicy(null, Clock.fixed(NOW, ZoneOffset.UTC), (client, at) -> {
            asked.add(client + "@" + at);
            return gate.refusal(client, at);
        });
    }

    @Test
    void aRefusingGateRefusesEveryPathOfAServiceClient_withItsReasonCode() {
        AccessPolicy refusing = policy((client, at) -> Optional.of("no agreement for " + client));
        Decision decision = refusing.decide(CLIENT, Operation.READ, "Observation", "p1");
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("no agreement for client-1");
        assertThat(decision.code()).isEqualTo(BusinessAssociateGate.NOT_IN_FORCE);
        assertThat(refusing.decide(CLIENT, Operation.READ, "Organization", null).allowed()).isFalse();
        assertThatThrownBy(() -> refusing.requireReach(CLIENT, Operation.WRITE, "Patient"))
                .isInstanceOfSatisfying(AccessPolicy.Refused.class,
                        e -> assertThat(e.code()).isEqualTo(BusinessAssociateGate.NOT_IN_FORCE));
        assertThatThrownBy(() -> refusing.visibility(CLIENT, "Patient"))
                .isInstanceOfSatisfying(AccessPolicy.Refused.class,
                        e -> assertThat(e.code()).isEqualTo(BusinessAssociateGate.NOT_IN_FORCE));
        assertThat(asked).containsOnly("client-1@" + NOW).hasSize(4);
    }

    @Test
    void aFailingGateRefuses_failClosed() {
        AccessPolicy failing = policy((client, at) -> {
            throw new IllegalStateException("database down");
        });
        Decision decision = failing.decide(CLIENT, Operation.READ, "Observation", "p1");
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.code()).isEqualTo(BusinessAssociateGate.CHECK_FAILED);
        assertThat(decision.reason()).doesNotContain("database down");
        assertThatThrownBy(() -> failing.requireReach(CLIENT, Operation.READ, "Patient"))
                .isInstanceOfSatisfying(AccessPolicy.Refused.class,
                        e -> assertThat(e.code()).isEqualTo(BusinessAssociateGate.CHECK_FAILED));
        assertThatThrownBy(() -> failing.visibility(CLIENT, "Patient")).isInstanceOf(AccessPolicy.Refused.class);
        AccessPolicy nullAnswer = policy((client, at) -> null);
        assertThat(nullAnswer.decide(CLIENT, Operation.READ, "Observation", "p1").allowed()).isFalse();
    }

    @Test
    void anAllowingGateLeavesTheScopeRules_andUsersAreNeverSubjectToIt() {
        AccessPolicy allowing = policy((client, at) -> Optional.empty());
        assertThat(allowing.decide(CLIENT, Operation.READ, "Observation", "p1").allowed()).isTrue();
        Actor narrow = new Actor(Actor.Kind.SERVICE_CLIENT, "client-2", "app", Set.of(),
                Set.of(new Scope("system/Patient.read")), null, "owner");
        Decision scoped = allowing.decide(narrow, Operation.READ, "Observation", "p1");
        assertThat(scoped.allowed()).isFalse();
        assertThat(scoped.code()).isNull();
        allowing.requireReach(CLIENT, Operation.WRITE, "Patient");
        assertThat(allowing.visibility(CLIENT, "Patient").everyPatient()).isTrue();

        asked.clear();
        AccessPolicy refusing = policy((client, at) -> Optional.of("no agreement"));
        Actor auditor = new Actor(Actor.Kind.USER, "u1", "auditor", Set.of(Role.AUDITOR), Set.of(), "s", null);
        assertThat(refusing.decide(auditor, Operation.READ, "Observation", "p1").code()).isNull();
        Actor staff = new Actor(Actor.Kind.USER, "u2", "staff", Set.of(Role.STAFF), Set.of(), "s", null);
        assertThat(refusing.decide(staff, Operation.READ, "Patient", "p1").allowed()).isTrue();
        refusing.requireReach(staff, Operation.READ, "Patient");
        assertThat(asked).isEmpty();
    }
}
