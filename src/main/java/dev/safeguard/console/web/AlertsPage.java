package dev.safeguard.console.web;

import dev.safeguard.audit.Alerts;
import dev.safeguard.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /audit/alerts}, for auditors and security officers: the alert inbox, open and acknowledged alerts newest
 * first, each acknowledged or resolved in the name of the signed-in person (the audit module records who and when).
 * A state change redirects back with a fixed notice; a refused one (say, already resolved) shows the reason.
 */
@Controller
@RequestMapping("/audit/alerts")
class AlertsPage {

    /** Alerts shown per state; the page says how many more there are. */
    static final int SHOWN = 100;
    static final Map<String, String> NOTICES = Map.of(
            "acknowledged", "The alert is acknowledged: others see that you are handling it.",
            "resolved", "The alert is resolved.");

    private final Alerts alerts;

    AlertsPage(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    String inbox(@RequestParam(required = false) String done, Model model, HttpServletRequest request) {
        ConsoleRequest.auditReader(request);
        if (done != null && NOTICES.containsKey(done)) {
            model.addAttribute("notice", NOTICES.get(done));
        }
        return render(model);
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response,
                       RedirectAttributes redirect) {
        ConsoleRequest.auditReader(request);
        try {
            alerts.acknowledge(id, ConsoleRequest.agent(request));
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            return render(model);
        }
        redirect.addAttribute("done", "acknowledged");
        return "redirect:/audit/alerts";
    }

    @PostMapping("/{id}/resolve")
    String resolve(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response,
                   RedirectAttributes redirect) {
        ConsoleRequest.auditReader(request);
        try {
            alerts.resolve(id, ConsoleRequest.agent(request));
        } catch (ProblemException e) {
            Problems.show(model, response, e);
            return render(model);
        }
        redirect.addAttribute("done", "resolved");
        return "redirect:/audit/alerts";
    }

    /** One table of the inbox: the alerts in one state. */
    record Group(String state, String heading, Alerts.Page alerts) {

        /** How many are not shown, beyond the newest {@link AlertsPage#SHOWN}. */
        public long hidden() {
            return alerts.total() - alerts.items().size();
        }
    }

    private String render(Model model) {
        model.addAttribute("groups", List.of(
                new Group("open", "Open", alerts.list(Alerts.State.OPEN, null, null, 0, SHOWN)),
                new Group("acknowledged", "Acknowledged",
                        alerts.list(Alerts.State.ACKNOWLEDGED, null, null, 0, SHOWN))));
        return "console/alerts";
    }
}
