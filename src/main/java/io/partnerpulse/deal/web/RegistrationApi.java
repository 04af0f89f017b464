package io.partnerpulse.deal.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.partnerpulse.deal.RegistrationManagement;
import io.partnerpulse.deal.RegistrationOutcome;
import io.partnerpulse.deal.RegistrationRequests;
import io.partnerpulse.deal.RegistrationView;
import io.partnerpulse.deal.internal.RegistrationRepository;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/registrations")
@Tag(name = "Deal registrations", description = "Partners claim opportunities; channel managers approve or reject; "
        + "pending ones expire. Conflicts with another partner's registration or an open opportunity are detected at submission.")
class RegistrationApi {

    private final RegistrationManagement registrations;

    RegistrationApi(RegistrationManagement registrations) {
        this.registrations = registrations;
    }

    @GetMapping
    @Operation(summary = "Registrations, paged, sorted and filtered (the queue: outcome=PENDING)")
    Page<RegistrationView> list(@RequestParam(required = false) List<Long> partnerId,
                                @RequestParam(required = false) List<RegistrationOutcome> outcome,
                                @RequestParam(required = false) Boolean flagged, @RequestParam(required = false) Long opportunityId,
                                @RequestParam(required = false) Instant submittedFrom, @RequestParam(required = false) Instant submittedTo,
                                @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return registrations.list(new RegistrationRepository.Filter(partnerId, outcome, flagged, opportunityId, submittedFrom,
                submittedTo, q), sort, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<RegistrationView> get(@PathVariable long id) {
        return Versions.ok(registrations.get(id));
    }

    @PostMapping
    @Operation(summary = "Submit a registration",
            description = "201 with the registration; if it conflicts, it comes back REJECTED (or flagged, by configuration) naming the conflict.")
    ResponseEntity<RegistrationView> submit(@Valid @RequestBody RegistrationRequests.Submit request) {
        RegistrationView view = registrations.submit(request);
        return Versions.created("/api/v1/registrations/" + view.id(), view);
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}")
    @Operation(summary = "Correct a pending registration's details")
    ResponseEntity<RegistrationView> edit(@PathVariable long id, @Valid @RequestBody RegistrationRequests.Edit request,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(registrations.edit(id, request, Versions.required(ifMatch, request.version())));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve: the partner gets the opportunity (opened now if it is not in the CRM yet)")
    ResponseEntity<RegistrationView> approve(@PathVariable long id, @Valid @RequestBody RegistrationRequests.Approve request,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(registrations.approve(id, request, Versions.required(ifMatch, request.version())));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject, with the reason")
    ResponseEntity<RegistrationView> reject(@PathVariable long id, @Valid @RequestBody RegistrationRequests.Reject request,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(registrations.reject(id, request, Versions.required(ifMatch, request.version())));
    }

    @PostMapping("/expire")
    @Operation(summary = "Expire the pending registrations past their expiry now (the app also does it on a schedule)")
    ResponseEntity<Map<String, Integer>> expire() {
        return ResponseEntity.status(HttpStatus.OK).body(Map.of("expired", registrations.expireDue()));
    }

}
