package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Termination;
import dev.safeguard.program.Terminations;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /program/terminations/{id}}: a termination's record — every revocation with its time and its latency from
 * the effective time against the one-hour target, what the member did after the effective time, the signed evidence —
 * and, while it is scheduled, the way to cancel it.
 */
@Controller
@RequestMapping("/program/terminations/{id}")
class TerminationRecordPage {

    private final Terminations terminations;
    private final Workforce workforce;

    TerminationRecordPage(Terminations terminations, Workforce workforce) {
        this.terminations = terminations;
        this.workforce = workforce;
    }

    @GetMapping
    String record(@PathVariable String id, Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request), id);
        return "console/program-termination";
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            terminations.cancel(actor, id, ConsoleRequest.origin(request));
            return "redirect:/program/terminations/" + id;
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            render(model, actor, id);
            return "console/program-termination";
        }
    }

    private void render(Model model, Actor actor, String id) {
        Termination t = terminations.get(actor, id);
        model.addAttribute("t", t);
        model.addAttribute("latency", t.latencySeconds() == null ? null : human(t.latencySeconds()));
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
        model.addAttribute("human", new Latency());
    }

    /** Latencies as a person reads them ("25 min 0 s"). */
    static final class Latency {
        public String of(long seconds) {
            return human(seconds);
        }
    }

    static String human(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min " + d.toSecondsPart() + " s";
        }
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
}
