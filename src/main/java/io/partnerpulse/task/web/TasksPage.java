package io.partnerpulse.task.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.task.TaskView;
import io.partnerpulse.task.Tasks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One's follow-ups: the open ones (overdue first, in red), the overdue ones, the done ones; a form to
 * write one; ticking one done. A deal's page shows its part of them through {@code /tasks/deal/{id}}
 * (loaded into that page), with a form to write one about the deal.
 */
@Controller
class TasksPage {

    static final int PAGE_SIZE = 50;

    private final Tasks tasks;
    private final OrganizationSettings organization;
    private final MessageSource messages;

    TasksPage(Tasks tasks, OrganizationSettings organization, MessageSource messages) {
        this.tasks = tasks;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) Tasks.Showing show, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Tasks.Showing showing = show == null ? Tasks.Showing.OPEN : show;
        model.addAttribute("tasks", tasks.mine(showing, null, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("show", showing);
        model.addAttribute("showings", Tasks.Showing.values());
        common(model, locale);
        return "task/list";
    }

    /** The follow-ups about one deal (the current user's), with a form for another: a part of the deal's page. */
    @GetMapping("/tasks/deal/{opportunityId}")
    String ofDeal(@PathVariable long opportunityId, Model model, Locale locale) {
        model.addAttribute("tasks", tasks.mine(Tasks.Showing.OPEN, opportunityId, 0, PAGE_SIZE));
        model.addAttribute("opportunityId", opportunityId);
        common(model, locale);
        return "task/deal :: tasks";
    }

    private void common(Model model, Locale locale) {
        model.addAttribute("today", tasks.today());
        model.addAttribute("assignees", tasks.assignees());
        model.addAttribute("format", new Format(locale, organization.currency()));
        model.addAttribute("zone", organization.timeZone());
    }

    /** Writes a follow-up; back to where it was written (the list, or the deal's page), its problem said there. */
    @PostMapping("/tasks")
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String dueOn,
                  @RequestParam(required = false) Long assigneeId, @RequestParam(required = false) Long opportunityId,
                  RedirectAttributes redirect, Locale locale) {
        String back = opportunityId == null ? "redirect:/tasks" : "redirect:/deals/" + opportunityId + "#tasks";
        try {
            LocalDate due;
            try {
                due = LocalDate.parse(dueOn.strip());
            } catch (DateTimeParseException e) {
                throw ApiError.invalid("dueOn", messages.getMessage("deals.date.invalid", null, locale));
            }
            if (title.isBlank()) {
                throw ApiError.invalid("title", messages.getMessage("tasks.title.missing", null, locale));
            }
            TaskView made = tasks.create(new TaskView.Form(title, due, assigneeId, opportunityId));
            redirect.addFlashAttribute("flash", messages.getMessage("tasks.created", new Object[] {made.title(), made.assignee()}, locale));
        } catch (ApiError e) {
            if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND || e.status() == org.springframework.http.HttpStatus.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return back;
    }

    /** Ticks a follow-up done (or open again) at the version shown; back to where it was ticked. */
    @PostMapping("/tasks/{id}/done")
    String done(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "true") boolean done,
                @RequestParam(required = false) Long opportunityId, RedirectAttributes redirect, Locale locale) {
        try {
            TaskView task = tasks.finish(id, done, version);
            redirect.addFlashAttribute("flash", messages.getMessage(done ? "tasks.done" : "tasks.reopened", new Object[] {task.title()}, locale));
        } catch (ApiError e) {
            if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return opportunityId == null ? "redirect:/tasks" : "redirect:/deals/" + opportunityId + "#tasks";
    }
}
