package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.MemberDraft;
import dev.safeguard.program.Terminations;
import dev.safeguard.program.WorkforceMember;
import dev.safeguard.program.WorkforceRoster;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /program/workforce}: the workforce roster (164.308(a)(3)) — members with their job, manager, accounts and
 * status, accounts that belong to nobody, the terminations with their latency, and (for officers) the form that adds
 * a member.
 */
@Controller
@RequestMapping("/program/workforce")
class WorkforcePage {

    private final WorkforceRoster roster;
    private final Terminations terminations;
    private final Workforce workforce;

    WorkforcePage(WorkforceRoster roster, Terminations terminations, Workforce workforce) {
        this.roster = roster;
        this.terminations = terminations;
        this.workforce = workforce;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            model.addAttribute("members", roster.list(actor, status));
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("members", roster.list(actor, null));
        }
        render(model, actor);
        return "console/program-workforce";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String jobTitle,
                  @RequestParam(defaultValue = "") String department,
                  @RequestParam(defaultValue = "") String workforceType,
                  @RequestParam(defaultValue = "") String managerId, @RequestParam(defaultValue = "") String hireDate,
                  @RequestParam(required = false) List<String> userIds, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            WorkforceMember member = roster.create(actor, new MemberDraft(Problems.limited(name, 200, "name"),
                    Problems.limited(jobTitle, 200, "job title"), Problems.limited(department, 200, "department"),
                    workforceType, managerId, ProgramPages.date(hireDate, "hire date"),
                    userIds == null ? List.of() : userIds.stream().limit(20).toList()), ConsoleRequest.origin(request));
            return "redirect:/program/workforce/" + member.id() + "?added";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("members", roster.list(actor, null));
            model.addAttribute("form", Map.of("name", name, "jobTitle", jobTitle, "department", department,
                    "workforceType", workforceType, "managerId", managerId, "hireDate", hireDate));
            render(model, actor);
            return "console/program-workforce";
        }
    }

    private void render(Model model, Actor actor) {
        List<WorkforceMember> all = roster.list(actor, null);
        Set<String> held = new HashSet<>();
        all.forEach(m -> m.accounts().forEach(a -> held.add(a.userId())));
        model.addAttribute("managers", all.stream().filter(WorkforceMember::current).toList());
        model.addAttribute("unheld", ProgramPages.activeMembers(workforce).stream()
                .filter(a -> !held.contains(a.id())).toList());
        model.addAttribute("orphans", roster.orphanAccounts());
        model.addAttribute("terminations", terminations.list(actor).stream().limit(50).toList());
        model.addAttribute("types", WorkforceMember.TYPES);
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("name", "", "jobTitle", "", "department", "", "workforceType",
                    "employee", "managerId", "", "hireDate", ""));
        }
    }
}
