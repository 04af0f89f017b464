package io.partnerpulse.task.web;

import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.Versions;
import io.partnerpulse.task.TaskView;
import io.partnerpulse.task.Tasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Follow-ups", description = "What the signed-in user must do by a day, or gave a colleague to do; nobody else sees them.")
class TaskApi {

    private final Tasks tasks;

    TaskApi(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "One's follow-ups: open (earliest due first), overdue, or done; optionally about one deal")
    Page<TaskView> mine(@RequestParam(required = false) Tasks.Showing show, @RequestParam(required = false) Long opportunityId,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return tasks.mine(show, opportunityId, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<TaskView> get(@PathVariable long id) {
        return Versions.ok(tasks.get(id));
    }

    @PostMapping
    @Operation(summary = "Write a follow-up, for oneself or (staff) a channel manager or administrator")
    ResponseEntity<TaskView> create(@Valid @RequestBody TaskView.Form form) {
        TaskView task = tasks.create(form);
        return Versions.created("/api/v1/tasks/" + task.id(), task);
    }

    @PostMapping("/{id}/done")
    @Operation(summary = "Mark it done (If-Match: the version read)")
    ResponseEntity<TaskView> done(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(tasks.finish(id, true, Versions.required(ifMatch, null)));
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Open it again (If-Match: the version read)")
    ResponseEntity<TaskView> reopen(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(tasks.finish(id, false, Versions.required(ifMatch, null)));
    }
}
