package io.partnerpulse.fund.web;

import io.partnerpulse.fund.ClaimStatus;
import io.partnerpulse.fund.FundManagement;
import io.partnerpulse.fund.FundRecords;
import io.partnerpulse.fund.FundRecords.AllocationForm;
import io.partnerpulse.fund.FundRecords.AllocationView;
import io.partnerpulse.fund.FundRecords.Approval;
import io.partnerpulse.fund.FundRecords.ClaimForm;
import io.partnerpulse.fund.FundRecords.ClaimView;
import io.partnerpulse.fund.FundRecords.FundReturn;
import io.partnerpulse.fund.FundRecords.Payment;
import io.partnerpulse.fund.FundRecords.Refusal;
import io.partnerpulse.fund.FundRecords.RequestForm;
import io.partnerpulse.fund.FundRecords.RequestView;
import io.partnerpulse.fund.FundRecords.Totals;
import io.partnerpulse.fund.RequestStatus;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/funds")
@Tag(name = "Market development funds", description = "Allocations per partner and period, the partners' requests against them, "
        + "claims with proof, payments, and what each fund brought back (the won deals of the campaign it paid for)")
class FundApi {

    private static final String SORTED_BY_WORTH = "Sorted by an amount (amount, requestedAmount), the list compares the amounts"
            + " in the base currency at today's rates (the latest on or before today), not their figures in each allocation's currency.";

    private final FundManagement funds;

    FundApi(FundManagement funds) {
        this.funds = funds;
    }

    @GetMapping("/allocations")
    @Operation(summary = "Allocations with what is approved, claimed, paid and left of each; year keeps those overlapping it",
            description = SORTED_BY_WORTH)
    Page<AllocationView> allocations(@RequestParam(required = false) Long partnerId, @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        return funds.allocations(partnerId, year, sort, page, size);
    }

    @GetMapping("/allocations/{id}")
    ResponseEntity<AllocationView> allocation(@PathVariable long id) {
        return Versions.ok(funds.allocation(id));
    }

    @PostMapping("/allocations")
    @Operation(summary = "Allocate a partner a fund for a period (periodEnd exclusive)")
    ResponseEntity<AllocationView> allocate(@Valid @RequestBody AllocationForm form) {
        AllocationView view = funds.allocate(form);
        return Versions.created("/api/v1/funds/allocations/" + view.id(), view);
    }

    @PutMapping("/allocations/{id}")
    @Operation(summary = "Change an allocation (never below what is approved from it; If-Match with the version read)")
    ResponseEntity<AllocationView> editAllocation(@PathVariable long id, @Valid @RequestBody AllocationForm form,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(funds.editAllocation(id, form, Versions.required(ifMatch, form.version())));
    }

    @DeleteMapping("/allocations/{id}")
    @Operation(summary = "Remove an allocation nobody has requested money from (If-Match with the version read)")
    ResponseEntity<Void> deleteAllocation(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        funds.deleteAllocation(id, Versions.required(ifMatch, null));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/requests")
    @Operation(summary = "Fund requests, the ones awaiting a decision first", description = SORTED_BY_WORTH)
    Page<RequestView> requests(@RequestParam(required = false) Long partnerId, @RequestParam(required = false) Integer year,
                               @RequestParam(required = false) Long allocationId, @RequestParam(required = false) RequestStatus status,
                               @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        return funds.requests(partnerId, year, allocationId, status, sort, page, size);
    }

    @GetMapping("/requests/{id}")
    ResponseEntity<RequestView> fundRequest(@PathVariable long id) {
        return Versions.ok(funds.fundRequest(id));
    }

    @PostMapping("/requests")
    @Operation(summary = "Request money from an allocation for an activity (a partner user from its own partner's)")
    ResponseEntity<RequestView> request(@Valid @RequestBody RequestForm form) {
        RequestView view = funds.request(form);
        return Versions.created("/api/v1/funds/requests/" + view.id(), view);
    }

    @PostMapping("/requests/{id}/approve")
    @Operation(summary = "Approve a submitted request, for all it asked or for less (at most what its allocation has left)")
    ResponseEntity<RequestView> approve(@PathVariable long id, @Valid @RequestBody Approval approval,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(funds.approve(id, approval, Versions.required(ifMatch, approval.version())));
    }

    @PostMapping("/requests/{id}/reject")
    @Operation(summary = "Reject a submitted request, with the reason")
    ResponseEntity<RequestView> reject(@PathVariable long id, @Valid @RequestBody Refusal refusal,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(funds.reject(id, refusal, Versions.required(ifMatch, refusal.version())));
    }

    @PostMapping("/requests/{id}/withdraw")
    @Operation(summary = "Withdraw a submitted request, or an approved one with nothing claimed (its money goes back to the allocation)")
    ResponseEntity<RequestView> withdraw(@PathVariable long id, @Valid @RequestBody Refusal refusal,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(funds.withdraw(id, refusal, Versions.required(ifMatch, refusal.version())));
    }

    @GetMapping("/claims")
    @Operation(summary = "Claims, the ones awaiting a decision or payment first", description = SORTED_BY_WORTH)
    Page<ClaimView> claims(@RequestParam(required = false) Long partnerId, @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) Long requestId, @RequestParam(required = false) ClaimStatus status,
                           @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "50") int size) {
        return funds.claims(partnerId, year, requestId, status, sort, page, size);
    }

    @GetMapping("/claims/{id}")
    ResponseEntity<ClaimView> fundClaim(@PathVariable long id) {
        return Versions.ok(funds.fundClaim(id));
    }

    @PostMapping("/claims")
    @Operation(summary = "Claim what was spent on an approved request, with proof (at most what is left of its approval)")
    ResponseEntity<ClaimView> claim(@Valid @RequestBody ClaimForm form) {
        ClaimView view = funds.claim(form);
        return Versions.created("/api/v1/funds/claims/" + view.id(), view);
    }

    @PostMapping(path = "/claims/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a file that proves a claim waiting for its decision (part \"file\": PDF, PNG or JPEG, up to 10 MB, 10 a claim)")
    ResponseEntity<FundRecords.DocumentView> attach(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file) {
        FundRecords.DocumentView view = funds.attach(id, FundUploads.read(file));
        return ResponseEntity.created(java.net.URI.create("/api/v1/funds/claims/" + id + "/documents/" + view.id())).body(view);
    }

    @GetMapping("/claims/{id}/documents")
    @Operation(summary = "The files that prove a claim (without their content)")
    java.util.List<FundRecords.DocumentView> documents(@PathVariable long id) {
        return funds.documents(id);
    }

    @GetMapping("/claims/{id}/documents/{documentId}")
    @Operation(summary = "A file that proves a claim, as it was uploaded (always as an attachment)")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        return FundUploads.download(funds.document(id, documentId));
    }

    @PostMapping("/claims/{id}/approve")
    @Operation(summary = "Approve a submitted claim for payment (sends fund.claim-approved to webhook subscribers)")
    ResponseEntity<ClaimView> approveClaim(@PathVariable long id, @RequestBody(required = false) Approval approval,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(funds.approveClaim(id, Versions.required(ifMatch, approval == null ? null : approval.version())));
    }

    @PostMapping("/claims/{id}/reject")
    @Operation(summary = "Reject a submitted claim, with the reason")
    ResponseEntity<ClaimView> rejectClaim(@PathVariable long id, @Valid @RequestBody Refusal refusal,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(funds.rejectClaim(id, refusal, Versions.required(ifMatch, refusal.version())));
    }

    @PostMapping("/claims/{id}/pay")
    @Operation(summary = "Record the payment of an approved claim: the day paid and the payment's reference")
    ResponseEntity<ClaimView> pay(@PathVariable long id, @Valid @RequestBody Payment payment,
                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(funds.pay(id, payment, Versions.required(ifMatch, payment.version())));
    }

    @GetMapping("/returns")
    @Operation(summary = "What each approved request brought back, in the base currency",
            description = "Per approved request: the leads and won deals of the co-marketing campaign it paid for (of its partner; "
                    + "revenue at the rate of the day won), the campaign's open pipeline (today's rate), what was paid for it (at the "
                    + "rate of the day paid), and its ROI = (revenue − paid) ÷ paid (empty while nothing is paid).")
    Page<FundReturn> returns(@RequestParam(required = false) Long partnerId, @RequestParam(required = false) Integer year,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return funds.returns(partnerId, year, page, size);
    }

    @GetMapping("/totals")
    @Operation(summary = "Allocated, approved, claimed, paid and left, with the funded campaigns' revenue and ROI, in the base currency")
    Totals totals(@RequestParam(required = false) Long partnerId, @RequestParam(required = false) Integer year) {
        return funds.totals(partnerId, year);
    }
}
