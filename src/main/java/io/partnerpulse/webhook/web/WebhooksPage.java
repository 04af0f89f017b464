package io.partnerpulse.webhook.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.webhook.WebhookEvent;
import io.partnerpulse.webhook.Webhooks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' webhooks pages: the subscribers with how their deliveries went and a form to add
 * one (its signing secret is shown once, after it is made); a subscriber's page to change its address,
 * events, secret or switch it off, and its delivery log, newest first, each delivery sendable again.
 */
@Controller
class WebhooksPage {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Webhooks webhooks;
    private final CurrentActor actor;
    private final MessageSource messages;

    WebhooksPage(Webhooks webhooks, CurrentActor actor, MessageSource messages) {
        this.webhooks = webhooks;
        this.actor = actor;
        this.messages = messages;
    }

    /** What a subscription form holds, as typed (kept when the form comes back with its problems). */
    record Draft(String url, List<String> events, boolean active) {
    }

    @GetMapping("/webhooks")
    String list(Model model) {
        return showList(model, new Draft("", List.of(), true), Map.of());
    }

    @PostMapping("/webhooks")
    String create(@RequestParam(required = false) String url, @RequestParam(required = false) List<String> events,
                  @RequestParam(required = false) String secret, @RequestParam(defaultValue = "false") boolean active,
                  Model model, RedirectAttributes flash, Locale locale) {
        try {
            Webhooks.Subscription created = webhooks.create(new Webhooks.SubscriptionForm(url, secret, events, active), actor.name());
            flash.addFlashAttribute("flash", messages.getMessage("webhooks.created", new Object[] {String.valueOf(created.id())}, locale));
            flash.addFlashAttribute("secret", created.secret());
            return "redirect:/webhooks/" + created.id();
        } catch (ApiError e) {
            return showList(model, new Draft(url, events == null ? List.of() : events, active), FormErrors.fields(e, messages, locale));
        }
    }

    @GetMapping("/webhooks/{id}")
    String view(@PathVariable long id, @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                Model model) {
        Webhooks.Subscription subscription = webhooks.get(id);
        return showOne(model, subscription, new Draft(subscription.url(), subscription.events(), subscription.active()), status, page, Map.of());
    }

    @PostMapping("/webhooks/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) String url, @RequestParam(required = false) List<String> events,
                @RequestParam(required = false) String secret, @RequestParam(defaultValue = "false") boolean active,
                @RequestParam(required = false) Long version, Model model, RedirectAttributes flash, Locale locale) {
        Webhooks.Subscription subscription = webhooks.get(id);
        try {
            if (version == null) {
                throw ApiError.versionRequired();
            }
            webhooks.edit(id, new Webhooks.SubscriptionForm(url, secret, events, active), version);
            flash.addFlashAttribute("flash", messages.getMessage("webhooks.changed", new Object[] {String.valueOf(id)}, locale));
            return "redirect:/webhooks/" + id;
        } catch (ApiError e) {
            return showOne(model, subscription, new Draft(url, events == null ? List.of() : events, active), null, 0, FormErrors.fields(e, messages, locale));
        }
    }

    @PostMapping("/webhooks/{id}/deliveries/{deliveryId}/replay")
    String replay(@PathVariable long id, @PathVariable long deliveryId, RedirectAttributes flash, Locale locale) {
        try {
            Webhooks.Delivery replay = webhooks.replay(id, deliveryId);
            flash.addFlashAttribute("flash", messages.getMessage("webhooks.replayed",
                    new Object[] {String.valueOf(deliveryId), String.valueOf(replay.id())}, locale));
        } catch (ApiError e) {
            if (e.status().value() == 404) {
                throw e;
            }
            flash.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/webhooks/" + id;
    }

    private String showList(Model model, Draft draft, Map<String, String> fieldErrors) {
        model.addAttribute("subscriptions", webhooks.list());
        model.addAttribute("counts", webhooks.deliveryCounts());
        model.addAttribute("eventTypes", WebhookEvent.types());
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("utc", UTC);
        return "webhook/list";
    }

    private String showOne(Model model, Webhooks.Subscription subscription, Draft draft, String status, int page,
                           Map<String, String> fieldErrors) {
        String shown = status != null && Webhooks.DELIVERY_STATUSES.contains(status) ? status : null;
        model.addAttribute("subscription", subscription);
        model.addAttribute("deliveries", webhooks.deliveries(subscription.id(), shown, Math.max(0, page), 50));
        model.addAttribute("status", shown);
        model.addAttribute("statuses", Webhooks.DELIVERY_STATUSES);
        model.addAttribute("eventTypes", WebhookEvent.types());
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("utc", UTC);
        return "webhook/view";
    }
}
