package dev.safeguard.program.accessreview;

import dev.safeguard.identity.Role;
import dev.safeguard.identity.Workforce;
import dev.safeguard.identity.Workforce.Member;
import dev.safeguard.program.Supervision;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who reviews whose entitlements (164.308(a)(3)(ii)(A), authorization and/or supervision): the subject's manager as
 * the workforce roster names them, otherwise the security official, and when the subject is the official, another
 * active security officer (the first by username). Nobody reviews their own entitlements: when no one else
 * qualifies, the item is unassigned and an officer must name a reviewer.
 */
@Component
public class Reviewers {

    /** A named reviewer and why they were chosen; {@code userId} is {@code null} when unassigned. */
    public record Choice(String userId, String source) {
        static final Choice UNASSIGNED = new Choice(null, "unassigned");
    }

    private final Workforce workforce;
    private final Supervision supervision;

    Reviewers(Workforce workforce, Supervision supervision) {
        this.workforce = workforce;
        this.supervision = supervision;
    }

    /** A chooser over one consistent view of the workforce, for one campaign's snapshot. */
    public Chooser chooser() {
        List<Member> active = workforce.active();
        Map<String, Member> byId = new HashMap<>();
        active.forEach(m -> byId.put(m.id(), m));
        Optional<String> official = workforce.securityOfficial().filter(Member::active).map(Member::id);
        List<String> officers = active.stream().filter(m -> m.has(Role.SECURITY_OFFICER))
                .sorted(Comparator.comparing(Member::username)).map(Member::id).toList();
        return new Chooser(byId, official.orElse(null), officers, supervision);
    }

    /** Chooses reviewers; remembers each subject's choice, so the roster is asked once per subject. */
    public static final class Chooser {
        private final Map<String, Member> active;
        private final String official;
        private final List<String> officers;
        private final Supervision supervision;
        private final Map<String, Choice> chosen = new HashMap<>();

        Chooser(Map<String, Member> active, String official, List<String> officers, Supervision supervision) {
            this.active = active;
            this.official = official;
            this.officers = officers;
            this.supervision = supervision;
        }

        public Choice reviewerOf(String subjectUserId) {
            return chosen.computeIfAbsent(subjectUserId, this::choose);
        }

        private Choice choose(String subject) {
            Optional<String> manager = supervision.managerOf(subject);
            if (manager.isPresent() && !manager.get().equals(subject) && active.containsKey(manager.get())) {
                return new Choice(manager.get(), "manager");
            }
            if (official != null && !official.equals(subject)) {
                return new Choice(official, "security-official");
            }
            return officers.stream().filter(o -> !o.equals(subject)).findFirst()
                    .map(o -> new Choice(o, "security-officer")).orElse(Choice.UNASSIGNED);
        }
    }
}
