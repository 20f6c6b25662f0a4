package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Clearance;
import dev.safeguard.program.ClearanceDraft;
import dev.safeguard.program.MemberDraft;
import dev.safeguard.program.Sanction;
import dev.safeguard.program.SanctionDraft;
import dev.safeguard.program.TrainingAssignments;
import dev.safeguard.program.WorkforceMember;
import dev.safeguard.program.WorkforceRecords;
import dev.safeguard.program.WorkforceRoster;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /program/workforce/{id}}: one workforce member — job, manager and hire date (editable by officers), the
 * accounts they hold, clearance records (164.308(a)(3)(ii)(B)), sanctions (164.308(a)(1)(ii)(C)), training, and the
 * way to terminate them.
 */
@Controller
@RequestMapping("/program/workforce/{id}")
class WorkforceMemberPage {

    private final WorkforceRoster roster;
    private final WorkforceRecords records;
    private final TrainingAssignments training;
    private final Workforce workforce;

    WorkforceMemberPage(WorkforceRoster roster, WorkforceRecords records, TrainingAssignments training,
                        Workforce workforce) {
        this.roster = roster;
        this.records = records;
        this.training = training;
        this.workforce = workforce;
    }

    @GetMapping
    String detail(@PathVariable String id, @RequestParam(required = false) String added,
                  @RequestParam(required = false) String saved, Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request), id);
        if (added != null) {
            model.addAttribute("notice", "Added to the roster; at-hire training is assigned to members who hold an "
                    + "active account.");
        } else if (saved != null) {
            model.addAttribute("notice", "Saved.");
        }
        return "console/program-workforce-member";
    }

    @PostMapping
    String update(@PathVariable String id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String jobTitle, @RequestParam(defaultValue = "") String department,
                  @RequestParam(defaultValue = "") String workforceType,
                  @RequestParam(defaultValue = "") String managerId, @RequestParam(defaultValue = "") String hireDate,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        return act(id, model, request, response, actor -> roster.update(actor, id, new MemberDraft(
                Problems.limited(name, 200, "name"), Problems.limited(jobTitle, 200, "job title"),
                Problems.limited(department, 200, "department"), workforceType, managerId,
                ProgramPages.date(hireDate, "hire date"), List.of()), ConsoleRequest.origin(request)));
    }

    @PostMapping("/accounts")
    String link(@PathVariable String id, @RequestParam(defaultValue = "") String userId, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return act(id, model, request, response, actor -> roster.linkAccount(actor, id, userId,
                ConsoleRequest.origin(request)));
    }

    @PostMapping("/accounts/{userId}/unlink")
    String unlink(@PathVariable String id, @PathVariable String userId, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        return act(id, model, request, response, actor -> roster.unlinkAccount(actor, id, userId,
                ConsoleRequest.origin(request)));
    }

    @PostMapping("/clearances")
    String clearance(@PathVariable String id, @RequestParam(defaultValue = "") String kind,
                     @RequestParam(defaultValue = "") String completedOn,
                     @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String notes,
                     Model model, HttpServletRequest request, HttpServletResponse response) {
        return act(id, model, request, response, actor -> records.addClearance(actor, id, new ClearanceDraft(kind,
                ProgramPages.date(completedOn, "completion date"), outcome, Problems.limited(notes, 4000, "notes")),
                ConsoleRequest.origin(request)));
    }

    @PostMapping("/sanctions")
    String sanction(@PathVariable String id, @RequestParam(defaultValue = "") String imposedOn,
                    @RequestParam(defaultValue = "") String policy,
                    @RequestParam(defaultValue = "") String description,
                    @RequestParam(defaultValue = "") String sanction,
                    @RequestParam(defaultValue = "") String imposedBy, Model model, HttpServletRequest request,
                    HttpServletResponse response) {
        return act(id, model, request, response, actor -> records.addSanction(actor, id, new SanctionDraft(
                ProgramPages.date(imposedOn, "date imposed"), Problems.limited(policy, 400, "policy"),
                Problems.limited(description, 8000, "description"), sanction, imposedBy),
                ConsoleRequest.origin(request)));
    }

    /** Runs a change; on success back to the page (a fresh GET), on a refusal the page with the error. */
    private String act(String id, Model model, HttpServletRequest request, HttpServletResponse response,
                       Consumer<Actor> change) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            change.accept(actor);
            return "redirect:/program/workforce/" + id + "?saved";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            render(model, actor, id);
            return "console/program-workforce-member";
        }
    }

    private void render(Model model, Actor actor, String id) {
        WorkforceMember member = roster.get(actor, id);
        List<WorkforceMember> all = roster.list(actor, null);
        Set<String> held = new HashSet<>();
        all.forEach(m -> m.accounts().forEach(a -> held.add(a.userId())));
        model.addAttribute("member", member);
        model.addAttribute("managers", all.stream().filter(m -> m.current() && !m.id().equals(id)).toList());
        model.addAttribute("linkable", ProgramPages.activeMembers(workforce).stream()
                .filter(a -> !held.contains(a.id())).toList());
        model.addAttribute("clearances", records.clearances(actor, id));
        model.addAttribute("sanctions", records.sanctions(actor, id));
        model.addAttribute("training", training.list(actor, id, null, null));
        model.addAttribute("types", WorkforceMember.TYPES);
        model.addAttribute("clearanceKinds", Clearance.KINDS);
        model.addAttribute("clearanceOutcomes", Clearance.OUTCOMES);
        model.addAttribute("sanctionKinds", Sanction.SANCTIONS);
        model.addAttribute("people", ProgramPages.activeMembers(workforce));
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
    }
}
