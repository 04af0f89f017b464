package io.partnerpulse.lead.web;

import java.time.Instant;
import java.util.List;

import io.partnerpulse.lead.AssignmentView;
import io.partnerpulse.lead.LeadForm;
import io.partnerpulse.lead.LeadManagement;
import io.partnerpulse.lead.LeadRequests;
import io.partnerpulse.lead.LeadStatus;
import io.partnerpulse.lead.LeadView;
import io.partnerpulse.lead.internal.LeadRepository;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
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
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads", description = "Prospects: qualify, disqualify, assign to a partner, distribute by rules, convert to an opportunity")
class LeadApi {

    private final LeadManagement leads;

    LeadApi(LeadManagement leads) {
        this.leads = leads;
    }

    @GetMapping
    @Operation(summary = "Leads, paged, sorted and filtered")
    Page<LeadView> list(@RequestParam(required = false) List<Long> partnerId, @RequestParam(required = false) Long ownerId,
                        @RequestParam(required = false) List<LeadStatus> status, @RequestParam(required = false) Long channelId,
                        @RequestParam(required = false) Long campaignId, @RequestParam(required = false) String country,
                        @RequestParam(required = false) Boolean unassigned, @RequestParam(required = false) Instant createdFrom,
                        @RequestParam(required = false) Instant createdTo, @RequestParam(required = false) String q,
                        @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        return leads.list(new LeadRepository.Filter(partnerId, ownerId, status, channelId, campaignId, country, unassigned,
                createdFrom, createdTo, q), sort, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<LeadView> get(@PathVariable long id) {
        return Versions.ok(leads.get(id));
    }

    @GetMapping("/{id}/assignments")
    @Operation(summary = "Every assignment of the lead to a partner, with why that partner")
    List<AssignmentView> assignments(@PathVariable long id) {
        return leads.assignments(id);
    }

    @PostMapping
    @Operation(summary = "Create a lead; partnerId when a partner brought it")
    ResponseEntity<LeadView> create(@Valid @RequestBody LeadForm form, @RequestParam(required = false) @Positive Long partnerId) {
        LeadView view = leads.create(form, partnerId);
        return Versions.created("/api/v1/leads/" + view.id(), view);
    }

    @PutMapping("/{id}")
    ResponseEntity<LeadView> edit(@PathVariable long id, @Valid @RequestBody LeadForm form,
                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(leads.edit(id, form, Versions.required(ifMatch, form.version())));
    }

    @PostMapping("/{id}/qualify")
    ResponseEntity<LeadView> qualify(@PathVariable long id, @RequestBody(required = false) LeadRequests.Qualify request,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(leads.qualify(id, Versions.required(ifMatch, request == null ? null : request.version())));
    }

    @PostMapping("/{id}/disqualify")
    ResponseEntity<LeadView> disqualify(@PathVariable long id, @Valid @RequestBody LeadRequests.Disqualify request,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(leads.disqualify(id, request, Versions.required(ifMatch, request.version())));
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Assign to a partner, with the reason")
    ResponseEntity<LeadView> assign(@PathVariable long id, @Valid @RequestBody LeadRequests.Assign request,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(leads.assign(id, request, Versions.required(ifMatch, request.version())));
    }

    @PostMapping("/{id}/convert")
    @Operation(summary = "Convert into an opportunity that keeps the lead's partner, channel, campaign and location")
    ResponseEntity<LeadView> convert(@PathVariable long id, @Valid @RequestBody LeadRequests.Convert request,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(leads.convert(id, request, Versions.required(ifMatch, request.version())));
    }

    @PostMapping("/distribute")
    @Operation(summary = "Route unassigned open leads to partners by country or region, tier weight and open-lead capacity")
    List<AssignmentView> distribute(@Valid @RequestBody LeadRequests.Distribute request) {
        return leads.distribute(request);
    }

}
