package io.partnerpulse.target.web;

import java.time.LocalDate;

import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.Versions;
import io.partnerpulse.target.TargetManagement;
import io.partnerpulse.target.TargetManagement.TargetForm;
import io.partnerpulse.target.TargetManagement.TargetView;
import io.partnerpulse.target.TargetMetric;
import io.partnerpulse.target.TargetScope;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/targets")
@Tag(name = "Targets", description = "Revenue, deal count or pipeline targets per partner, employee, department, unit or program")
class TargetApi {

    private final TargetManagement targets;

    TargetApi(TargetManagement targets) {
        this.targets = targets;
    }

    @GetMapping
    Page<TargetView> list(@RequestParam(required = false) TargetScope scope, @RequestParam(required = false) Long scopeId,
                          @RequestParam(required = false) TargetMetric metric, @RequestParam(required = false) LocalDate from,
                          @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String sort,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return targets.list(scope, scopeId, metric, from, to, sort, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<TargetView> get(@PathVariable long id) {
        TargetView view = targets.get(id);
        return Versions.ok(view);
    }

    @PostMapping
    ResponseEntity<TargetView> create(@Valid @RequestBody TargetForm form) {
        TargetView view = targets.create(form);
        return Versions.created("/api/v1/targets/" + view.id(), view);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/{id}")
    @io.swagger.v3.oas.annotations.Operation(summary = "Remove a target (If-Match with the version read)")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        targets.delete(id, Versions.required(ifMatch, null));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}")
    ResponseEntity<TargetView> edit(@PathVariable long id, @Valid @RequestBody TargetForm form,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        TargetView view = targets.edit(id, form, Versions.required(ifMatch, form.version()));
        return Versions.ok(view);
    }
}
