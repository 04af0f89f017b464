package io.partnerpulse.deal.web;

import java.time.Instant;
import java.util.List;

import io.partnerpulse.deal.OpportunityForm;
import io.partnerpulse.deal.OpportunityManagement;
import io.partnerpulse.deal.OpportunityView;
import io.partnerpulse.deal.Stage;
import io.partnerpulse.deal.StageChangeView;
import io.partnerpulse.deal.StageRequests;
import io.partnerpulse.deal.internal.OpportunityRepository;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
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
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "Deals and their stages. Changes send the version they read (If-Match or version); "
        + "a stale one is a 409 that changes nothing.")
class OpportunityApi {

    private final OpportunityManagement opportunities;

    OpportunityApi(OpportunityManagement opportunities) {
        this.opportunities = opportunities;
    }

    @GetMapping
    @Operation(summary = "Opportunities, paged, sorted and filtered", description = "sort: name, amount, createdAt, closedAt, stage or"
            + " expectedCloseOn, optionally followed by ,asc or ,desc. amount sorts by worth in the base currency at today's"
            + " rates (the latest on or before today), not by the figure in the deal's own currency. pastExpectedClose=true: only"
            + " open deals whose expected close is before today (in the organization's time zone), the pipeline to clean up.")
    Page<OpportunityView> list(@RequestParam(required = false) List<Long> partnerId, @RequestParam(required = false) Long ownerId,
                               @RequestParam(required = false) List<Stage> stage, @RequestParam(required = false) Boolean open,
                               @RequestParam(required = false) Long accountId, @RequestParam(required = false) Long leadId,
                               @RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
                               @RequestParam(required = false) Instant closedFrom, @RequestParam(required = false) Instant closedTo,
                               @RequestParam(required = false) String q, @RequestParam(required = false) Boolean pastExpectedClose,
                               @RequestParam(required = false) String sort,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return opportunities.list(new OpportunityRepository.Filter(partnerId, ownerId, stage, open, accountId, leadId,
                createdFrom, createdTo, closedFrom, closedTo, q, pastExpectedClose), sort, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<OpportunityView> get(@PathVariable long id) {
        return Versions.ok(opportunities.get(id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The stage history: every stage it entered, when and by whom")
    List<StageChangeView> history(@PathVariable long id) {
        return opportunities.history(id);
    }

    @GetMapping("/{id}/notes")
    @Operation(summary = "Its notes in the order written (a partner user's leave out the vendor's internal ones)")
    List<io.partnerpulse.deal.DealNote> notes(@PathVariable long id) {
        return opportunities.notes(id);
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Write a note on it (staff may keep theirs internal; a partner user's is always shared)")
    ResponseEntity<io.partnerpulse.deal.DealNote> addNote(@PathVariable long id, @Valid @RequestBody io.partnerpulse.deal.DealNote.Form form) {
        io.partnerpulse.deal.DealNote note = opportunities.addNote(id, form);
        return ResponseEntity.created(java.net.URI.create("/api/v1/opportunities/" + id + "/notes")).body(note);
    }

    @PostMapping
    @Operation(summary = "Open an opportunity (in PROSPECTING)")
    ResponseEntity<OpportunityView> open(@Valid @RequestBody OpportunityForm form) {
        OpportunityView view = opportunities.open(form);
        return Versions.created("/api/v1/opportunities/" + view.id(), view);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit its details (not its stage)")
    ResponseEntity<OpportunityView> edit(@PathVariable long id, @Valid @RequestBody OpportunityForm form,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(opportunities.edit(id, form, Versions.required(ifMatch, form.version())));
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Move to another open stage")
    ResponseEntity<OpportunityView> move(@PathVariable long id, @Valid @RequestBody StageRequests.Move request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(opportunities.move(id, request, Versions.required(ifMatch, request.version())));
    }

    @PostMapping("/{id}/win")
    @Operation(summary = "Win it: closes it with the confirmed amount")
    ResponseEntity<OpportunityView> win(@PathVariable long id, @Valid @RequestBody StageRequests.Win request,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(opportunities.win(id, request, Versions.required(ifMatch, request.version())));
    }

    @PostMapping("/{id}/lose")
    @Operation(summary = "Lose it, with a reason and optionally the competitor")
    ResponseEntity<OpportunityView> lose(@PathVariable long id, @Valid @RequestBody StageRequests.Lose request,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(opportunities.lose(id, request, Versions.required(ifMatch, request.version())));
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Reopen a won or lost deal in an open stage")
    ResponseEntity<OpportunityView> reopen(@PathVariable long id, @Valid @RequestBody StageRequests.Reopen request,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(opportunities.reopen(id, request, Versions.required(ifMatch, request.version())));
    }

}
