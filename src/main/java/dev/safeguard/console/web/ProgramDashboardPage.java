package dev.safeguard.console.web;

import dev.safeguard.access.BreakGlass;
import dev.safeguard.identity.Actor;
import dev.safeguard.program.Control;
import dev.safeguard.program.Controls;
import dev.safeguard.program.Evaluation;
import dev.safeguard.program.Metric;
import dev.safeguard.program.MetricPoint;
import dev.safeguard.program.MetricValue;
import dev.safeguard.program.Metrics;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /program/dashboard} (and {@code /program}): the compliance dashboard. Metric tiles measured now, a trend
 * chart of each metric's last 90 recorded days, failing checks, overdue reviews and control coverage by category.
 * Every chart has its data table beside it, so the page reads the same without JavaScript; the charts are drawn by
 * {@code /js/program-dashboard.js} from those tables (the CSP allows no inline script). Officers record a snapshot.
 */
@Controller
class ProgramDashboardPage {

    private final Metrics metrics;
    private final Evaluation evaluation;
    private final Controls controls;
    private final BreakGlass breakGlass;

    ProgramDashboardPage(Metrics metrics, Evaluation evaluation, Controls controls, BreakGlass breakGlass) {
        this.metrics = metrics;
        this.evaluation = evaluation;
        this.controls = controls;
        this.breakGlass = breakGlass;
    }

    @GetMapping("/program")
    String root() {
        return "redirect:/program/dashboard";
    }

    @GetMapping("/program/dashboard")
    String dashboard(@RequestParam(required = false) String recorded, Model model, HttpServletRequest request) {
        Actor actor = ConsoleRequest.actor(request);
        List<MetricValue> current = metrics.current();
        List<MetricTile> tiles = current.stream().map(MetricTile::of).toList();
        model.addAttribute("tiles", tiles.stream().filter(t -> !t.perCategory()).toList());
        model.addAttribute("categories", tiles.stream().filter(MetricTile::perCategory).toList());
        var series = metrics.recent(Metrics.DEFAULT_RANGE_DAYS);
        model.addAttribute("trends", tiles.stream().filter(t -> !t.perCategory())
                .map(t -> Trend.of(t, series.getOrDefault(t.id(), List.of()))).toList());
        model.addAttribute("days", Metrics.DEFAULT_RANGE_DAYS);
        model.addAttribute("failingChecks", evaluation.list().stream()
                .filter(c -> c.latest() != null && c.latest().result().equals("fail")).toList());
        model.addAttribute("overdueControls", controls.list(actor).stream().filter(Control::reviewOverdue).toList());
        model.addAttribute("overdueBreakGlass", breakGlass.overdueCount());
        if (recorded != null) {
            model.addAttribute("notice", "Recorded today's metrics.");
        }
        return "console/program-dashboard";
    }

    @PostMapping("/program/dashboard/snapshot")
    String snapshot(HttpServletRequest request, RedirectAttributes redirect) {
        ConsoleRequest.actor(request);
        metrics.snapshot();
        redirect.addAttribute("recorded", "today");
        return "redirect:/program/dashboard";
    }

    /**
     * A metric trend: its tile and the recorded days, oldest first.
     *
     * @param chartId the id its chart and table are named by
     */
    record Trend(MetricTile metric, String chartId, List<Day> points) {

        static Trend of(MetricTile metric, List<MetricPoint> points) {
            return new Trend(metric, "trend-" + metric.id(), points.stream().map(p -> new Day(p.day().toString(),
                    MetricFormat.number(p.value()), MetricFormat.display(metric.unit(), p.value()))).toList());
        }
    }

    /**
     * One recorded day as the chart and its table show it.
     *
     * @param value   the plain number the chart plots (empty when unmeasured)
     * @param display the value with its unit
     */
    record Day(String day, String value, String display) {
    }

    /**
     * A metric as a tile shows it.
     *
     * @param category the catalog category of a controls-implemented metric, or {@code null}
     */
    record MetricTile(String id, String title, String unit, Double value, Long numerator, Long denominator,
                      String display, String category) {

        static MetricTile of(MetricValue v) {
            String category = v.id().startsWith(Metric.CONTROLS_IMPLEMENTED)
                    ? v.id().substring(Metric.CONTROLS_IMPLEMENTED.length()) : null;
            return new MetricTile(v.id(), v.title(), v.unit(), v.value(), v.numerator(), v.denominator(),
                    MetricFormat.display(v.unit(), v.value()), category);
        }

        boolean perCategory() {
            return category != null;
        }
    }
}
