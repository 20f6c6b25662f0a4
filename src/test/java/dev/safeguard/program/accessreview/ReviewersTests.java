package dev.safeguard.program.accessreview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguard.identity.Role;
import dev.safeguard.identity.Workforce.Member;
import dev.safeguard.program.Supervision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Items go to the subject's manager when the roster names an active one, else to the security official, else (for
 * the official's own entitlements) to another active security officer, and never to the subject themselves.
 */
class ReviewersTests {

    static final Member OFFICIAL = member("official", Role.SECURITY_OFFICER);
    static final Member DEPUTY = member("deputy", Role.SECURITY_OFFICER);
    static final Member MANAGER = member("manager", Role.STAFF);
    static final Member CLINICIAN = member("clinician", Role.CLINICIAN);

    @Test
    void theManagerReviewsWhenTheRosterNamesAnActiveOne() {
        Reviewers.Chooser chooser = chooser(List.of(OFFICIAL, DEPUTY, MANAGER, CLINICIAN), OFFICIAL.id(),
                Map.of(CLINICIAN.id(), MANAGER.id(), MANAGER.id(), "someone-who-left"));
        assertThat(chooser.reviewerOf(CLINICIAN.id())).isEqualTo(new Reviewers.Choice(MANAGER.id(), "manager"));
        assertThat(chooser.reviewerOf(MANAGER.id())).as("a manager without an active account does not count")
                .isEqualTo(new Reviewers.Choice(OFFICIAL.id(), "security-official"));
    }

    @Test
    void withoutAManagerOnTheRosterTheSecurityOfficialReviews_andAnotherOfficerReviewsTheOfficial() {
        Reviewers.Chooser chooser = chooser(List.of(OFFICIAL, DEPUTY, CLINICIAN), OFFICIAL.id(), Map.of());
        assertThat(chooser.reviewerOf(CLINICIAN.id())).isEqualTo(new Reviewers.Choice(OFFICIAL.id(),
                "security-official"));
        assertThat(chooser.reviewerOf(OFFICIAL.id())).isEqualTo(new Reviewers.Choice(DEPUTY.id(),
                "security-officer"));
        assertThat(chooser.reviewerOf(DEPUTY.id())).isEqualTo(new Reviewers.Choice(OFFICIAL.id(),
                "security-official"));
    }

    @Test
    void nobodyReviewsThemselves_soAnItemWithNobodyElseIsUnassigned() {
        Reviewers.Chooser self = chooser(List.of(OFFICIAL, CLINICIAN), OFFICIAL.id(),
                Map.of(CLINICIAN.id(), CLINICIAN.id()));
        assertThat(self.reviewerOf(CLINICIAN.id())).as("a roster naming the person as their own manager")
                .isEqualTo(new Reviewers.Choice(OFFICIAL.id(), "security-official"));
        assertThat(self.reviewerOf(OFFICIAL.id())).isEqualTo(Reviewers.Choice.UNASSIGNED);
        Reviewers.Chooser noOfficial = chooser(List.of(DEPUTY, CLINICIAN), null, Map.of());
        assertThat(noOfficial.reviewerOf(CLINICIAN.id())).isEqualTo(new Reviewers.Choice(DEPUTY.id(),
                "security-officer"));
    }

    private static Reviewers.Chooser chooser(List<Member> active, String official, Map<String, String> managers) {
        Supervision supervision = userId -> Optional.ofNullable(managers.get(userId));
        return new Reviewers.Chooser(active.stream().collect(java.util.stream.Collectors.toMap(Member::id,
                m -> m)), official, active.stream().filter(m -> m.has(Role.SECURITY_OFFICER)).map(Member::id)
                .sorted().toList(), supervision);
    }

    private static Member member(String name, Role role) {
        return new Member(name + "-id", name, name, Set.of(role), true);
    }
}
