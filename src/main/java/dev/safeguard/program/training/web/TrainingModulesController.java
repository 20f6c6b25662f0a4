package dev.safeguard.program.training.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.RequestOrigin;
import dev.safeguard.program.TrainingModuleDraft;
import dev.safeguard.program.TrainingModule;
import dev.safeguard.program.TrainingModules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/training/modules}: security awareness and training modules with their versions. */
@RestController
@RequestMapping("/api/program/training/modules")
@Tag(name = "Program: training", description = "Security awareness and training (164.308(a)(5)): modules, "
        + "assignments, reminders and reports")
class TrainingModulesController {

    private final TrainingModules modules;

    TrainingModulesController(TrainingModules modules) {
        this.modules = modules;
    }

    /** On a change, omitted fields stay as they are. */
    record ModuleBody(String id, String content, List<String> citations, Boolean atHire, Boolean annual,
                      Boolean active, String statement) {
        TrainingModuleDraft draft() {
            return new TrainingModuleDraft(id, content, citations, atHire, annual, active, statement);
        }
    }

    @GetMapping
    @Operation(summary = "Every module with its cadence, current version and version history")
    List<TrainingModule> list(@AuthenticationPrincipal Actor actor) {
        return modules.list(actor);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a module written in Markdown (starting with '# Title')")
    TrainingModule create(@AuthenticationPrincipal Actor actor, @RequestBody ModuleBody body,
                          HttpServletRequest request) {
        return modules.create(actor, body.draft(), RequestOrigin.of(request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a module")
    TrainingModule get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return modules.get(actor, id);
    }

    @GetMapping("/{id}/text")
    @Operation(summary = "A module's Markdown and HTML at its current version or a given one")
    TrainingModule.Text text(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                             @RequestParam(required = false) String version) {
        return modules.text(actor, id, version);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change content (a new version), cadence, citations, statement or whether it is active")
    TrainingModule change(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody ModuleBody body,
                          HttpServletRequest request) {
        return modules.change(actor, id, body.draft(), RequestOrigin.of(request));
    }
}
