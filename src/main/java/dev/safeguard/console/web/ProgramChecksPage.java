package dev.safeguard.console.web;

import dev.safeguard.program.CheckRun;
import dev.safeguard.program.Evaluation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /program/checks}: the evaluation checks (164.308(a)(8)) with their latest result and evidence, "run now"
 * for one or all (officers), and the open findings. Auditors read.
 */
@Controller
@RequestMapping("/program/checks")
class ProgramChecksPage {

    private final Evaluation evaluation;

    ProgramChecksPage(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    @GetMapping
    String list(@RequestParam(required = false) String ran, Model model, HttpServletRequest request) {
        ConsoleRequest.actor(request);
        List<Evaluation.CheckView> checks = evaluation.list();
        model.addAttribute("checks", checks);
        model.addAttribute("failing", checks.stream().filter(c -> c.latest() != null
                && c.latest().result().equals("fail")).count());
        model.addAttribute("findings", evaluation.findings(true));
        if (ran != null) {
            model.addAttribute("notice", ran.equals("all") ? "Ran every check." : "Ran " + ran + ".");
        }
        return "console/program-checks";
    }

    @PostMapping("/run")
    String runAll(HttpServletRequest request, RedirectAttributes redirect) {
        ConsoleRequest.actor(request);
        evaluation.runAll();
        redirect.addAttribute("ran", "all");
        return "redirect:/program/checks";
    }

    @PostMapping("/{id}/run")
    String run(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        ConsoleRequest.actor(request);
        CheckRun run = evaluation.run(id);
        redirect.addAttribute("ran", run.checkId());
        return "redirect:/program/checks#check-" + run.checkId().replace('.', '-');
    }
}
