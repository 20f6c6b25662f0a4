package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.program.MyTraining;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /me/training}, for every signed-in user: their own training assignments (overdue ones flagged), reading a
 * module, attesting and completing it, and the security reminders they have not read. Nobody reaches another person's
 * assignments here (they answer 404).
 */
@Controller
@RequestMapping("/me/training")
class MyTrainingPage {

    private final MyTraining training;

    MyTrainingPage(MyTraining training) {
        this.training = training;
    }

    @GetMapping
    String overview(@RequestParam(required = false) String completed, Model model, HttpServletRequest request) {
        model.addAttribute("training", training.overview(ConsoleRequest.actor(request)));
        if (completed != null) {
            model.addAttribute("notice", "Completed. Thank you — your attestation is recorded.");
        }
        return "console/me-training";
    }

    @GetMapping("/{id}")
    String read(@PathVariable String id, Model model, HttpServletRequest request) {
        model.addAttribute("item", training.assignment(ConsoleRequest.actor(request), id));
        return "console/me-training-module";
    }

    @PostMapping("/{id}")
    String complete(@PathVariable String id, @RequestParam(required = false) String attest,
                    @RequestParam(defaultValue = "") String version, Model model, HttpServletRequest request,
                    HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            training.complete(actor, id, "yes".equals(attest), Problems.limited(version, 100, "version"),
                    ConsoleRequest.origin(request));
            return "redirect:/me/training?completed";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("item", training.assignment(actor, id));
            return "console/me-training-module";
        }
    }

    @PostMapping("/reminders/{id}/read")
    String markRead(@PathVariable String id, HttpServletRequest request) {
        training.markRead(ConsoleRequest.actor(request), id, ConsoleRequest.origin(request));
        return "redirect:/me/training";
    }
}
