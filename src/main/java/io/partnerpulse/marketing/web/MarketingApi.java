package io.partnerpulse.marketing.web;

import static io.partnerpulse.marketing.MarketingRecords.*;

import java.time.LocalDate;

import io.partnerpulse.marketing.ChannelType;
import io.partnerpulse.marketing.MarketingManagement;
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
@RequestMapping("/api/v1")
@Tag(name = "Marketing", description = "Marketing channels (PAID, EARNED, OWNED) and campaigns with their spend")
class MarketingApi {

    private final MarketingManagement marketing;

    MarketingApi(MarketingManagement marketing) {
        this.marketing = marketing;
    }

    @GetMapping("/channels")
    Page<ChannelView> channels(@RequestParam(required = false) ChannelType type, @RequestParam(required = false) String q,
                               @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        return marketing.channels(type, q, sort, page, size);
    }

    @GetMapping("/channels/{id}")
    ResponseEntity<ChannelView> channel(@PathVariable long id) {
        ChannelView view = marketing.channel(id);
        return Versions.ok(view);
    }

    @PostMapping("/channels")
    ResponseEntity<ChannelView> createChannel(@Valid @RequestBody ChannelForm form) {
        ChannelView view = marketing.createChannel(form);
        return Versions.created("/api/v1/channels/" + view.id(), view);
    }

    @PutMapping("/channels/{id}")
    ResponseEntity<ChannelView> editChannel(@PathVariable long id, @Valid @RequestBody ChannelForm form,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ChannelView view = marketing.editChannel(id, form, Versions.required(ifMatch, form.version()));
        return Versions.ok(view);
    }

    @GetMapping("/campaigns")
    @Operation(summary = "Campaigns; sort by name, startsOn or cost (optionally followed by ,asc or ,desc). cost sorts by the cost in"
            + " the base currency at today's rates (the latest on or before today), not by the figure in the campaign's own currency.")
    Page<CampaignView> campaigns(@RequestParam(required = false) Long channelId, @RequestParam(required = false) Long partnerId,
                                 @RequestParam(required = false) LocalDate activeOn, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        return marketing.campaigns(channelId, partnerId, activeOn, q, sort, page, size);
    }

    @GetMapping("/campaigns/{id}")
    ResponseEntity<CampaignView> campaign(@PathVariable long id) {
        CampaignView view = marketing.campaign(id);
        return Versions.ok(view);
    }

    @PostMapping("/campaigns")
    ResponseEntity<CampaignView> createCampaign(@Valid @RequestBody CampaignForm form) {
        CampaignView view = marketing.createCampaign(form);
        return Versions.created("/api/v1/campaigns/" + view.id(), view);
    }

    @PutMapping("/campaigns/{id}")
    ResponseEntity<CampaignView> editCampaign(@PathVariable long id, @Valid @RequestBody CampaignForm form,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CampaignView view = marketing.editCampaign(id, form, Versions.required(ifMatch, form.version()));
        return Versions.ok(view);
    }

    @PostMapping("/campaigns/{id}/spend")
    @Operation(summary = "Record spend: it is added to the campaign's cost")
    ResponseEntity<CampaignView> spend(@PathVariable long id, @Valid @RequestBody Spend spend,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CampaignView view = marketing.recordSpend(id, spend, Versions.required(ifMatch, spend.version()));
        return Versions.ok(view);
    }
}
