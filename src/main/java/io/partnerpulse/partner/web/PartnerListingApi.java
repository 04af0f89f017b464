package io.partnerpulse.partner.web;

import io.partnerpulse.partner.PartnerListing;
import io.partnerpulse.partner.PartnerListings;
import io.partnerpulse.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/partners/{id}/listing")
@Tag(name = "Partner directory", description = "How a partner appears in the public directory (/directory).")
class PartnerListingApi {

    private final PartnerListings listings;

    PartnerListingApi(PartnerListings listings) {
        this.listings = listings;
    }

    @GetMapping
    @Operation(summary = "A partner's listing: listed or not, its website and summary")
    ResponseEntity<PartnerListing> get(@PathVariable long id) {
        return Versions.ok(listings.get(id));
    }

    @PutMapping
    @Operation(summary = "Change it at the version read (If-Match): website and summary by the partner's users or staff; listed by staff")
    ResponseEntity<PartnerListing> change(@PathVariable long id, @Valid @RequestBody PartnerListing.Form form,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(listings.change(id, form, Versions.required(ifMatch, null)));
    }
}
