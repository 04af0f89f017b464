package io.partnerpulse.recommendation.web;

import java.util.List;

import io.partnerpulse.partner.PartnerTier;
import io.partnerpulse.partner.TierRequirements;
import io.partnerpulse.partner.TierRequirements.Requirement;
import io.partnerpulse.partner.TierRequirements.RequirementForm;
import io.partnerpulse.recommendation.TierStandings;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tiers")
@Tag(name = "Tier requirements", description = "What a partner must win to hold each tier, and where each active partner stands")
class TierApi {

    private final TierRequirements requirements;
    private final TierStandings standings;

    TierApi(TierRequirements requirements, TierStandings standings) {
        this.requirements = requirements;
        this.standings = standings;
    }

    @GetMapping
    @Operation(summary = "Every tier's requirements, the best tier first")
    List<Requirement> list() {
        return requirements.list();
    }

    @PutMapping("/{tier}")
    @Operation(summary = "Change a tier's requirements (If-Match with the version read; never above the better tier's, never below the lesser's)")
    ResponseEntity<Requirement> edit(@PathVariable PartnerTier tier, @Valid @RequestBody RequirementForm form,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(requirements.edit(tier, form, Versions.required(ifMatch, form.version())));
    }

    @GetMapping("/standings")
    @Operation(summary = "Each active partner's standing: won revenue and deals over its tier's window against its tier's and the better tiers' requirements",
            description = "status: QUALIFIES_HIGHER (meets a better tier's requirements), MEETS, BELOW (with what it is short of). "
                    + "A partner user gets its own partner's standing; a scoped manager those of the partners managed in the scope.")
    List<TierStandings.Standing> standings(@RequestParam(required = false) Long partnerId,
                                           @RequestParam(required = false) TierStandings.Status status) {
        return standings.standings(partnerId, status);
    }
}
