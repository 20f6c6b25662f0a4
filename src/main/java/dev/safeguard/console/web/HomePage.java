package dev.safeguard.console.web;

import dev.safeguard.identity.Accounts;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.UserView;
import dev.safeguard.program.MyTraining;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: the signed-in user's home page: who they are, their roles, their training still to do and unread
 * security reminders, and the pages their roles open. Reached only
 * with a complete sign-in (the security chain sends everyone else to the step they still need).
 */
@Controller
class HomePage {

    private final Accounts accounts;
    private final MyTraining training;

    HomePage(Accounts accounts, MyTraining training) {
        this.accounts = accounts;
        this.training = training;
    }

    @GetMapping("/")
    String home(Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        UserView user = accounts.get(actor, actor.id());
        model.addAttribute("user", user);
        model.addAttribute("training", training.overview(actor));
        return "console/home";
    }
}
