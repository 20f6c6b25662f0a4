package dev.safeguard.console.web;

import dev.safeguard.backup.BackupRun;
import dev.safeguard.backup.BackupVerification;
import dev.safeguard.backup.CommandOutput;
import dev.safeguard.backup.RestoreDrill;
import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Asset;
import dev.safeguard.program.ContingencyPlan;
import dev.safeguard.program.CriticalityDraft;
import dev.safeguard.program.CriticalityEntry;
import dev.safeguard.program.CriticalityList;
import dev.safeguard.program.TechnologyInventory;
import dev.safeguard.shared.ProblemException;
import dev.safeguard.shared.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /program/contingency}: the contingency plan (164.308(a)(7)) at a glance: backups with size and verification,
 * restore drills with their measured recovery time and evidence, the key backup, and the applications and data
 * criticality list with its forms. Officers take a backup or run a drill now; auditors read. While a backup or drill
 * runs, htmx refreshes the runs section (the page works without JavaScript: reload it).
 */
@Controller
@RequestMapping("/program/contingency")
class ContingencyPage {

    private final ContingencyPlan plan;
    private final CriticalityList criticality;
    private final TechnologyInventory inventory;
    private final Workforce workforce;

    ContingencyPage(ContingencyPlan plan, CriticalityList criticality, TechnologyInventory inventory,
                    Workforce workforce) {
        this.plan = plan;
        this.criticality = criticality;
        this.inventory = inventory;
        this.workforce = workforce;
    }

    /** How the page shows one drill. */
    record DrillRow(RestoreDrill drill, String recovery, String evidenceId) {
    }

    /** How the page shows one backup. */
    record BackupRow(BackupRun run, String size, String duration) {
    }

    @GetMapping
    String page(@RequestParam(required = false) String started, @RequestParam(required = false) String verified,
                @RequestParam(required = false) String saved, Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request));
        if ("backup".equals(started)) {
            model.addAttribute("notice", "Backup started; this page shows it when it is done.");
        } else if ("drill".equals(started)) {
            model.addAttribute("notice", "Restore drill started; this page shows its measured recovery time when it "
                    + "is done.");
        } else if (verified != null) {
            model.addAttribute("notice", verified.equals("ok") ? "The backup verified: signature, SHA-256 of every "
                    + "file, the whole encrypted stream and the row counts." : "The backup FAILED verification; see "
                    + "its row below.");
        } else if (saved != null) {
            model.addAttribute("notice", "Criticality entry saved.");
        }
        return "console/program-contingency";
    }

    @PostMapping("/backups")
    String backup(Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            plan.startBackup(actor, ConsoleRequest.origin(request));
            redirect.addAttribute("started", "backup");
            return "redirect:/program/contingency";
        } catch (ProblemException e) {
            return failed(model, response, actor, e);
        }
    }

    @PostMapping("/backups/{id}/verification")
    String verify(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            BackupVerification result = plan.verifyBackup(actor, id, ConsoleRequest.origin(request));
            redirect.addAttribute("verified", result.ok() ? "ok" : "failed");
            return "redirect:/program/contingency";
        } catch (ProblemException e) {
            return failed(model, response, actor, e);
        }
    }

    @PostMapping("/drills")
    String drill(Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            plan.startDrill(actor, null, ConsoleRequest.origin(request));
            redirect.addAttribute("started", "drill");
            return "redirect:/program/contingency";
        } catch (ProblemException e) {
            return failed(model, response, actor, e);
        }
    }

    @PostMapping("/criticality")
    String create(@RequestParam(defaultValue = "") String assetId, @RequestParam(defaultValue = "") String tier,
                  @RequestParam(defaultValue = "") String rtoHours, @RequestParam(defaultValue = "") String rpoHours,
                  @RequestParam(required = false) List<String> dependencies,
                  @RequestParam(defaultValue = "") String notes, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            criticality.create(actor, draft(assetId, tier, rtoHours, rpoHours, dependencies, notes, null),
                    ConsoleRequest.origin(request));
            redirect.addAttribute("saved", "1");
            return "redirect:/program/contingency";
        } catch (ProblemException e) {
            return failed(model, response, actor, e);
        }
    }

    @GetMapping("/criticality/{id}")
    String entry(@PathVariable String id, Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        model.addAttribute("entry", criticality.get(actor, id));
        model.addAttribute("assets", assets(actor));
        model.addAttribute("tiers", tiers());
        return "console/program-criticality";
    }

    @PostMapping("/criticality/{id}")
    String update(@PathVariable String id, @RequestParam(defaultValue = "") String tier,
                  @RequestParam(defaultValue = "") String rtoHours, @RequestParam(defaultValue = "") String rpoHours,
                  @RequestParam(required = false) List<String> dependencies,
                  @RequestParam(defaultValue = "") String notes, @RequestParam(defaultValue = "") String baseVersion,
                  Model model, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            criticality.update(actor, id, draft(null, tier, rtoHours, rpoHours, dependencies, notes,
                    integer(baseVersion, "version")), ConsoleRequest.origin(request));
            redirect.addAttribute("saved", "1");
            return "redirect:/program/contingency";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            model.addAttribute("entry", criticality.get(actor, id));
            model.addAttribute("assets", assets(actor));
            model.addAttribute("tiers", tiers());
            return "console/program-criticality";
        }
    }

    private String failed(Model model, HttpServletResponse response, Actor actor, ProblemException e) {
        Problems.show(model, response, e);
        render(model, actor);
        return "console/program-contingency";
    }

    private void render(Model model, Actor actor) {
        ContingencyPlan.Status status = plan.status(actor);
        model.addAttribute("status", status);
        model.addAttribute("running", status.backupRunning() || status.drillRunning());
        model.addAttribute("backups", plan.backups(actor).stream().limit(30).map(b -> new BackupRow(b,
                CommandOutput.size(b.sizeBytes()), CommandOutput.duration(b.durationMillis()))).toList());
        model.addAttribute("drills", plan.drills(actor).stream().limit(30).map(d -> new DrillRow(d,
                CommandOutput.duration(d.recoveryMillis()), plan.drillEvidence(d.id()).orElse(null))).toList());
        model.addAttribute("keyBackups", plan.keyBackups(actor).stream().limit(5).toList());
        List<CriticalityEntry> entries = criticality.list(actor);
        model.addAttribute("entries", entries);
        List<Asset> assets = assets(actor);
        model.addAttribute("assets", assets);
        model.addAttribute("assetNames", assets.stream().collect(Collectors.toMap(Asset::id, Asset::name)));
        model.addAttribute("unassessed", assets.stream().filter(a -> a.active() && entries.stream()
                .noneMatch(e -> e.assetId().equals(a.id()))).toList());
        model.addAttribute("tiers", tiers());
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
    }

    private List<Asset> assets(Actor actor) {
        return inventory.list(actor).stream().filter(Asset::active).toList();
    }

    private static Map<Integer, String> tiers() {
        Map<Integer, String> tiers = new HashMap<>(CriticalityList.TIERS);
        return new java.util.TreeMap<>(tiers);
    }

    private static CriticalityDraft draft(String assetId, String tier, String rtoHours, String rpoHours,
                                          List<String> dependencies, String notes, Integer baseVersion) {
        Integer t = integer(tier, "tier");
        Integer rto = integer(rtoHours, "recovery time objective (hours)");
        Integer rpo = integer(rpoHours, "recovery point objective (hours)");
        return new CriticalityDraft(assetId, t, rto == null ? null : rto * 60L, rpo == null ? null : rpo * 60L,
                dependencies == null ? List.of() : dependencies, Problems.limited(notes, 4000, "notes"), baseVersion);
    }

    private static Integer integer(String value, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemKind.VALIDATION, "Enter the " + label + " as a whole number");
        }
    }
}
