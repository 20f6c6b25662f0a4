package dev.safeguard.program.checks.web;

import dev.safeguard.program.CheckRun;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.Finding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/program/checks} and {@code /api/program/findings}: the evaluation checks, their runs and findings. */
@RestController
@RequestMapping("/api/program")
@Tag(name = "Evaluation", description = "Live evaluation checks (164.308(a)(8)) and the findings they open")
class EvaluationController {

    private final Evaluation evaluation;

    EvaluationController(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    @GetMapping("/checks")
    @Operation(summary = "Every check with the specifications it supports and its latest run")
    List<Evaluation.CheckView> checks() {
        return evaluation.list();
    }

    @PostMapping("/checks/run")
    @Operation(summary = "Run every check now; each run is recorded as signed evidence")
    List<CheckRun> runAll() {
        return evaluation.runAll();
    }

    @PostMapping("/checks/{id}/run")
    @Operation(summary = "Run one check now")
    CheckRun run(@PathVariable String id) {
        return evaluation.run(id);
    }

    @GetMapping("/findings")
    @Operation(summary = "Findings opened by failing checks, open ones first")
    List<Finding> findings(@RequestParam(defaultValue = "false") boolean open) {
        return evaluation.findings(open);
    }
}
