package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.SecurityReminders;
import dev.safeguard.program.TrainingAssignment;
import dev.safeguard.program.TrainingAssignments;
import dev.safeguard.program.TrainingModule;
import dev.safeguard.program.TrainingModules;
import dev.safeguard.program.TrainingReports;
import dev.safeguard.program.WorkforceMember;
import dev.safeguard.program.WorkforceRoster;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /program/training}: security awareness and training (164.308(a)(5)) — modules with their cadence and
 * completion figures, the on-schedule rate, pending and overdue assignments, security reminders with how many read
 * them, signed reports; officers assign modules, publish reminders and record reports here.
 */
@Controller
@RequestMapping("/program/training")
class ProgramTrainingPage {

    private final TrainingModules modules;
    private final TrainingAssignments assignments;
    private final SecurityReminders reminders;
    private final TrainingReports reports;
    private final WorkforceRoster roster;
    private final Workforce workforce;

    ProgramTrainingPage(TrainingModules modules, TrainingAssignments assignments, SecurityReminders reminders,
                        TrainingReports reports, WorkforceRoster roster, Workforce workforce) {
        this.modules = modules;
        this.assignments = assignments;
        this.reminders = reminders;
        this.reports = reports;
        this.roster = roster;
        this.workforce = workforce;
    }

    /** One module's figures over every assignment made of it. */
    record ModuleRow(TrainingModule module, long completedOnTime, long completedLate, long open, long overdue) {
    }

    @GetMapping
    String page(@RequestParam(required = false) String done, Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request));
        if (done != null) {
            model.addAttribute("notice", switch (done) {
                case "assigned" -> "Assigned.";
                case "reminder" -> "Published; every user sees it on their training page until they mark it read.";
                case "report" -> "Recorded the training report as signed evidence.";
                default -> "Done.";
            });
        }
        return "console/program-training";
    }

    @PostMapping("/assignments")
    String assign(@RequestParam(defaultValue = "") String memberId, @RequestParam(defaultValue = "") String moduleId,
                  @RequestParam(defaultValue = "") String dueOn, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            assignments.assign(actor, memberId, moduleId, ProgramPages.date(dueOn, "due date"),
                    ConsoleRequest.origin(request));
            return "redirect:/program/training?done=assigned";
        } catch (ProblemException e) {
            return refused(model, response, actor, e);
        }
    }

    @PostMapping("/reminders")
    String publish(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
                   Model model, HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            reminders.publish(actor, Problems.limited(title, 300, "title"), Problems.limited(body, 8000,
                    "reminder text"), ConsoleRequest.origin(request));
            return "redirect:/program/training?done=reminder";
        } catch (ProblemException e) {
            model.addAttribute("reminderForm", Map.of("title", title, "body", body));
            return refused(model, response, actor, e);
        }
    }

    @PostMapping("/reports")
    String report(Model model, HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            reports.record(actor, null, null, ConsoleRequest.origin(request));
            return "redirect:/program/training?done=report";
        } catch (ProblemException e) {
            return refused(model, response, actor, e);
        }
    }

    private String refused(Model model, HttpServletResponse response, Actor actor, ProblemException e) {
        Problems.show(model, response, e);
        render(model, actor);
        return "console/program-training";
    }

    private void render(Model model, Actor actor) {
        Map<String, TrainingAssignments.Progress> progress = assignments.progress(actor);
        TrainingAssignments.Progress none = new TrainingAssignments.Progress(0, 0, 0, 0);
        Map<String, ModuleRow> rows = new LinkedHashMap<>();
        for (TrainingModule m : modules.list(actor)) {
            TrainingAssignments.Progress p = progress.getOrDefault(m.id(), none);
            rows.put(m.id(), new ModuleRow(m, p.completedOnTime(), p.completedLate(), p.open(), p.overdue()));
        }
        List<TrainingAssignment> pending = assignments.list(actor, null, null, "pending");
        model.addAttribute("modules", List.copyOf(rows.values()));
        model.addAttribute("onSchedule", assignments.onSchedule());
        model.addAttribute("pending", pending);
        model.addAttribute("overdue", rows.values().stream().mapToLong(ModuleRow::overdue).sum());
        model.addAttribute("reminders", reminders.list(actor).stream().limit(20).toList());
        model.addAttribute("reports", reports.list(actor).stream().limit(10).toList());
        model.addAttribute("members", roster.list(actor, null).stream().filter(WorkforceMember::current).toList());
        model.addAttribute("activeModules", rows.values().stream().map(ModuleRow::module)
                .filter(TrainingModule::active).toList());
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
        if (!model.containsAttribute("reminderForm")) {
            model.addAttribute("reminderForm", Map.of("title", "", "body", ""));
        }
    }
}
