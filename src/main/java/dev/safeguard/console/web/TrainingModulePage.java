package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.TrainingModule;
import dev.safeguard.program.TrainingModuleDraft;
import dev.safeguard.program.TrainingModules;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /program/training/modules}: one training module as members read it, its versions and cadence, and the
 * officers' forms to write a new module or change one (a change of text is a new version).
 */
@Controller
@RequestMapping("/program/training/modules")
class TrainingModulePage {

    private final TrainingModules modules;
    private final Workforce workforce;

    TrainingModulePage(TrainingModules modules, Workforce workforce) {
        this.modules = modules;
        this.workforce = workforce;
    }

    @GetMapping("/new")
    String blank(Model model, HttpServletRequest request) {
        ConsoleRequest.actor(request);
        model.addAttribute("form", Map.of("id", "", "content", "", "atHire", false, "annual", true));
        return "console/program-training-module-new";
    }

    @PostMapping("/new")
    String create(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String content,
                  @RequestParam(required = false) String atHire, @RequestParam(required = false) String annual,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            TrainingModule created = modules.create(actor, new TrainingModuleDraft(id, Problems.limited(content,
                    200_000, "content"), null, atHire != null, annual != null, true, null),
                    ConsoleRequest.origin(request));
            return "redirect:/program/training/modules/" + created.id() + "?saved";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("form", Map.of("id", id, "content", content, "atHire", atHire != null, "annual",
                    annual != null));
            return "console/program-training-module-new";
        }
    }

    @GetMapping("/{id}")
    String view(@PathVariable String id, @RequestParam(required = false) String saved, Model model,
                HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request), id);
        if (saved != null) {
            model.addAttribute("notice", "Saved.");
        }
        return "console/program-training-module";
    }

    @PostMapping("/{id}")
    String change(@PathVariable String id, @RequestParam(defaultValue = "") String content,
                  @RequestParam(required = false) String atHire, @RequestParam(required = false) String annual,
                  @RequestParam(required = false) String active, @RequestParam(defaultValue = "") String statement,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            modules.change(actor, id, new TrainingModuleDraft(null, content.isBlank() ? null
                    : Problems.limited(content, 200_000, "content"), null, atHire != null, annual != null,
                    active != null, statement.isBlank() ? null : Problems.limited(statement, 1200, "statement")),
                    ConsoleRequest.origin(request));
            return "redirect:/program/training/modules/" + id + "?saved";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            render(model, actor, id);
            model.addAttribute("draft", content);
            return "console/program-training-module";
        }
    }

    private void render(Model model, Actor actor, String id) {
        model.addAttribute("module", modules.get(actor, id));
        model.addAttribute("text", modules.text(actor, id, null));
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
    }
}
