package io.partnerpulse.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Arranging one's dashboard: each KPI card and chart shown or not, at a place (a number: the lower, the
 * earlier), and the follow-ups due and the plan kept or not; or back to the standard arrangement.
 */
@Controller
class DashboardLayoutPage {

    private final DashboardLayouts layouts;
    private final MessageSource messages;

    DashboardLayoutPage(DashboardLayouts layouts, MessageSource messages) {
        this.layouts = layouts;
        this.messages = messages;
    }

    /** One line of the form: a card or a chart, shown or not, at its place. */
    public record Line(String key, String label, boolean shown, int place) {
    }

    @GetMapping("/dashboard/layout")
    String form(Model model, Locale locale) {
        DashboardLayouts.Layout layout = layouts.mine();
        model.addAttribute("cardLines", lines(DashboardLayouts.CARDS, layout.cards(), "kpi.", locale));
        model.addAttribute("chartLines", lines(DashboardLayouts.CHARTS, layout.charts(), "chart.", locale));
        model.addAttribute("layout", layout);
        return "dashboard-layout";
    }

    @PostMapping("/dashboard/layout")
    String save(@RequestParam Map<String, String> form, @RequestParam(name = "card", required = false) List<String> cards,
                @RequestParam(name = "chart", required = false) List<String> charts, @RequestParam(defaultValue = "false") boolean followUps,
                @RequestParam(defaultValue = "false") boolean plan, @RequestParam(defaultValue = "false") boolean reset,
                RedirectAttributes redirect, Locale locale) {
        if (reset) {
            layouts.reset();
        } else {
            layouts.save(ordered(cards, "card.", form, DashboardLayouts.CARDS), ordered(charts, "chart.", form, DashboardLayouts.CHARTS),
                    followUps, plan);
        }
        redirect.addFlashAttribute("flash", messages.getMessage(reset ? "layout.reset" : "layout.saved", null, locale));
        return "redirect:/";
    }

    /** The ticked keys by the places typed beside them (a place that is no number goes last), ties in the standard order. */
    private static List<String> ordered(List<String> ticked, String prefix, Map<String, String> form, List<String> standard) {
        List<String> shown = new ArrayList<>(ticked == null ? List.of() : ticked);
        shown.sort(Comparator.comparingInt((String key) -> place(form.get(prefix + key))).thenComparingInt(standard::indexOf));
        return shown;
    }

    private static int place(String typed) {
        try {
            return typed == null ? Integer.MAX_VALUE : Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Every card or chart: the shown ones first in their order, then the hidden ones in the standard order. */
    private List<Line> lines(List<String> all, List<String> shown, String labels, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (String key : shown) {
            lines.add(new Line(key, label(labels, key, locale), true, lines.size() + 1));
        }
        for (String key : all) {
            if (!shown.contains(key)) {
                lines.add(new Line(key, label(labels, key, locale), false, lines.size() + 1));
            }
        }
        return lines;
    }

    private String label(String prefix, String key, Locale locale) {
        return messages.getMessage(prefix + key, null, key, locale);
    }
}
