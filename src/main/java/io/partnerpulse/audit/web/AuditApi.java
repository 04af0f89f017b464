package io.partnerpulse.audit.web;

import java.time.Instant;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log", description = "Every write: who, when, what, the record before and after")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first, filtered")
    Page<AuditTrail.Entry> find(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                                @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        return trail.find(new AuditTrail.Filter(entityType, entityId, actor, action, from, to), sort, page, size);
    }
}
