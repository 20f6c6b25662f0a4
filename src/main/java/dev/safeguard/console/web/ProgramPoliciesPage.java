package dev.safeguard.console.web;

import dev.safeguard.identity.Actor;
import dev.safeguard.identity.Workforce;
import dev.safeguard.program.Catalog;
import dev.safeguard.program.CatalogView;
import dev.safeguard.program.Policies;
import dev.safeguard.program.Policy;
import dev.safeguard.program.PolicyAcknowledgments;
import dev.safeguard.program.PolicyDraft;
import dev.safeguard.program.PolicyTemplate;
import dev.safeguard.program.PolicyTemplates;
import dev.safeguard.program.EvidenceRecord;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /program/policies}: the policy documents (164.316) with state, owner, next review and acknowledgment
 * coverage; creating one from a shipped template or from scratch; the coverage report as evidence.
 */
@Controller
@RequestMapping("/program/policies")
class ProgramPoliciesPage {

    private final Policies policies;
    private final PolicyTemplates templates;
    private final PolicyAcknowledgments acknowledgments;
    private final Catalog catalog;
    private final Workforce workforce;

    ProgramPoliciesPage(Policies policies, PolicyTemplates templates, PolicyAcknowledgments acknowledgments,
                        Catalog catalog, Workforce workforce) {
        this.policies = policies;
        this.templates = templates;
        this.acknowledgments = acknowledgments;
        this.catalog = catalog;
        this.workforce = workforce;
    }

    /** A template and whether a policy of its topic exists already. */
    record TemplateChoice(PolicyTemplate template, boolean used) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String reported, Model model, HttpServletRequest request) {
        render(model, ConsoleRequest.actor(request));
        if (reported != null) {
            model.addAttribute("notice", "Acknowledgment coverage recorded as signed evidence.");
            model.addAttribute("reportId", reported);
        }
        return "console/program-policies";
    }

    @PostMapping
    String fromTemplate(@RequestParam(defaultValue = "") String template,
                        @RequestParam(defaultValue = "") String organization,
                        @RequestParam(defaultValue = "") String ownerId, Model model, HttpServletRequest request,
                        HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        try {
            String id = policies.create(actor, new PolicyDraft(template, Problems.limited(organization, 400,
                    "organization"), null, null, ownerId.isBlank() ? null : ownerId, null, null, null, null),
                    ConsoleRequest.origin(request)).policy().id();
            return "redirect:/program/policies/" + id + "?created";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            render(model, actor);
            return "console/program-policies";
        }
    }

    @GetMapping("/new")
    String blank(Model model, HttpServletRequest request) {
        form(model, new Form("", "", "", "", "12", true, ""));
        return "console/program-policy-new";
    }

    /** The fields of the new-policy form, shown again after a refusal. */
    record Form(String title, String topic, String ownerId, String citations, String reviewMonths,
                boolean acknowledgmentRequired, String markdown) {
    }

    @PostMapping("/new")
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String topic,
                  @RequestParam(defaultValue = "") String ownerId, @RequestParam(defaultValue = "") String citations,
                  @RequestParam(defaultValue = "12") String reviewMonths,
                  @RequestParam(required = false) String acknowledgmentRequired,
                  @RequestParam(defaultValue = "") String markdown, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        Actor actor = ConsoleRequest.actor(request);
        Form entered = new Form(title, topic, ownerId, citations, reviewMonths, acknowledgmentRequired != null,
                markdown);
        try {
            String id = policies.create(actor, new PolicyDraft(null, null, Problems.limited(title, 400, "title"),
                    topic.isBlank() ? null : topic, ownerId.isBlank() ? null : ownerId, ProgramPages.ids(citations),
                    ProgramPolicyPage.months(reviewMonths), acknowledgmentRequired != null,
                    Problems.limited(markdown, 200_000, "text")), ConsoleRequest.origin(request)).policy().id();
            return "redirect:/program/policies/" + id + "?created";
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            form(model, entered);
            return "console/program-policy-new";
        }
    }

    @PostMapping("/coverage-report")
    String report(RedirectAttributes redirect, HttpServletRequest request) {
        EvidenceRecord record = acknowledgments.report(ConsoleRequest.actor(request), ConsoleRequest.origin(request));
        redirect.addAttribute("reported", record.id());
        return "redirect:/program/policies";
    }

    private void render(Model model, Actor actor) {
        List<Policy> all = policies.list(actor);
        Set<String> used = all.stream().map(Policy::topic).filter(t -> t != null).collect(Collectors.toSet());
        model.addAttribute("policies", all);
        model.addAttribute("templates", templates.list(actor).stream()
                .map(t -> new TemplateChoice(t, used.contains(t.id()))).toList());
        model.addAttribute("members", ProgramPages.activeMembers(workforce));
        model.addAttribute("usernames", ProgramPages.usernames(workforce));
    }

    private void form(Model model, Form form) {
        model.addAttribute("form", form);
        model.addAttribute("topics", templates.all());
        model.addAttribute("members", ProgramPages.activeMembers(workforce));
        model.addAttribute("specifications", catalog.specifications(CatalogView.CURRENT));
    }
}
