package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Evidence;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /program/evidence}: evidence newest first (optionally of one control, superseded evidence on request), and
 * one piece of evidence with its hash and signature and a "verify signature" action that checks it on the server
 * (in place with htmx, as a page without JavaScript). Verifying is a read: auditors may do it too.
 */
@Controller
@RequestMapping("/program/evidence")
class ProgramEvidencePage {

    private final Evidence evidence;
    private final Workforce workforce;

    ProgramEvidencePage(Evidence evidence, Workforce workforce) {
        this.evidence = evidence;
        this.workforce = workforce;
    }

    @GetMapping
    String list(@RequestParam(required = false) String control,
                @RequestParam(defaultValue = "false") boolean superseded, Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        model.addAttribute("records", evidence.list(actor, control, superseded));
        model.addAttribute("control", control == null ? "" : control.strip());
        model.addAttribute("superseded", superseded);
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
        return "console/program-evidence";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        model.addAttribute("record", evidence.get(actor, id));
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
        return "console/program-evidence-detail";
    }

    @GetMapping("/{id}/verification")
    String verify(@PathVariable String id, Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        model.addAttribute("verification", evidence.verify(actor, id, ConsoleRequest.origin(request)));
        return show(id, model, request);
    }
}
