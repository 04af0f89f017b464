package io.partnerpulse.partner.web;

import java.util.List;

import io.partnerpulse.partner.PartnerForm;
import io.partnerpulse.partner.PartnerHistoryView;
import io.partnerpulse.partner.PartnerManagement;
import io.partnerpulse.partner.PartnerRequests;
import io.partnerpulse.partner.PartnerStatus;
import io.partnerpulse.partner.PartnerTier;
import io.partnerpulse.partner.PartnerView;
import io.partnerpulse.partner.internal.PartnerRepository;
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
@RequestMapping("/api/v1/partners")
@Tag(name = "Partners", description = "Channel partners, their onboarding and status, and their tier")
class PartnerApi {

    private final PartnerManagement partners;

    PartnerApi(PartnerManagement partners) {
        this.partners = partners;
    }

    @GetMapping
    @Operation(summary = "Partners, paged, sorted and filtered")
    Page<PartnerView> list(@RequestParam(required = false) List<PartnerTier> tier, @RequestParam(required = false) List<PartnerStatus> status,
                           @RequestParam(required = false) String country, @RequestParam(required = false) String region,
                           @RequestParam(required = false) Long managerId, @RequestParam(required = false) String q,
                           @RequestParam(required = false) Long distributorId, @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "50") int size) {
        return partners.list(new PartnerRepository.Filter(tier, status, country, region, managerId, q, distributorId), sort, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<PartnerView> get(@PathVariable long id) {
        return Versions.ok(partners.get(id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every change of status (onboarding steps included) and of tier")
    List<PartnerHistoryView> history(@PathVariable long id) {
        return partners.history(id);
    }

    @PostMapping
    @Operation(summary = "Create a partner (as a prospect)")
    ResponseEntity<PartnerView> create(@Valid @RequestBody PartnerForm form) {
        PartnerView view = partners.create(form);
        return Versions.created("/api/v1/partners/" + view.id(), view);
    }

    @PutMapping("/{id}")
    ResponseEntity<PartnerView> edit(@PathVariable long id, @Valid @RequestBody PartnerForm form,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(partners.edit(id, form, Versions.required(ifMatch, form.version())));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move through onboarding (ONBOARDING, ACTIVE), pause (INACTIVE) or end (TERMINATED)")
    ResponseEntity<PartnerView> changeStatus(@PathVariable long id, @Valid @RequestBody PartnerRequests.ChangeStatus request,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(partners.changeStatus(id, request, Versions.required(ifMatch, request.version())));
    }

    @PostMapping("/{id}/tier")
    @Operation(summary = "Promote or demote to another tier")
    ResponseEntity<PartnerView> changeTier(@PathVariable long id, @Valid @RequestBody PartnerRequests.ChangeTier request,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(partners.changeTier(id, request, Versions.required(ifMatch, request.version())));
    }

    @PutMapping("/{id}/distribution")
    @Operation(summary = "Two-tier distribution: make the partner a distributor or not, and set the distributor it buys through",
            description = "A distributor buys through no one; a partner buys only through a distributor; a distributor with resellers stays one (409).")
    ResponseEntity<PartnerView> distribution(@PathVariable long id, @Valid @RequestBody PartnerRequests.Distribution request,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(partners.setDistribution(id, request, Versions.required(ifMatch, request.version())));
    }

    @GetMapping("/{id}/resellers")
    @Operation(summary = "The partners buying through a distributor, by name, paged (a distributor's own users may read theirs)")
    Page<PartnerView> resellers(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        return partners.resellers(id, page, size);
    }
}
