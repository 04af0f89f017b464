package io.partnerpulse.webhook.web;

import java.util.List;

import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.Versions;
import io.partnerpulse.webhook.WebhookEvent;
import io.partnerpulse.webhook.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed JSON to ERP and finance systems (administrators only). Each request carries "
        + "X-PartnerPulse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the subscription's secret>.")
class WebhookApi {

    private final Webhooks webhooks;
    private final CurrentActor actor;

    WebhookApi(Webhooks webhooks, CurrentActor actor) {
        this.webhooks = webhooks;
        this.actor = actor;
    }

    @GetMapping("/events")
    @Operation(summary = "The events a subscription can ask for")
    List<String> events() {
        return WebhookEvent.types();
    }

    @GetMapping
    List<Webhooks.Subscription> list() {
        return webhooks.list();
    }

    @PostMapping
    @Operation(summary = "Subscribe a URL to events; the answer shows the signing secret, once")
    ResponseEntity<Webhooks.Subscription> create(@RequestBody Webhooks.SubscriptionForm form) {
        Webhooks.Subscription created = webhooks.create(form, actor.name());
        return Versions.created("/api/v1/webhooks/" + created.id(), created);
    }

    @GetMapping("/{id}")
    ResponseEntity<Webhooks.Subscription> get(@PathVariable long id) {
        return Versions.ok(webhooks.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change the URL, the events, switch it on or off, or set a new secret")
    ResponseEntity<Webhooks.Subscription> edit(@PathVariable long id, @RequestBody Webhooks.SubscriptionForm form,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(webhooks.edit(id, form, Versions.required(ifMatch, null)));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The delivery log, newest first: status, attempts, last answer")
    Page<Webhooks.Delivery> deliveries(@PathVariable long id, @RequestParam(required = false) String status,
                                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return webhooks.deliveries(id, status, page, size);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivery again (a new entry in the log)")
    Webhooks.Delivery replay(@PathVariable long id, @PathVariable long deliveryId) {
        return webhooks.replay(id, deliveryId);
    }
}
