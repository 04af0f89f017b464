package io.partnerpulse.partner.web;

import java.util.Locale;
import java.util.Map;

import io.partnerpulse.partner.PartnerListing;
import io.partnerpulse.partner.PartnerListings;
import io.partnerpulse.partner.PartnerManagement;
import io.partnerpulse.partner.PartnerTier;
import io.partnerpulse.partner.PartnerView;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.FormText;
import io.partnerpulse.shared.Page;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public partner directory ({@code /directory}, no sign-in: the listed, active partners, by
 * words, country and tier) and a partner's listing form ({@code /partners/{id}/listing}: its users
 * and the channel team write its website and summary; the team lists or unlists it).
 */
@Controller
class DirectoryPage {

    private final PartnerListings listings;
    private final PartnerManagement partners;
    private final CurrentActor actor;
    private final MessageSource messages;

    DirectoryPage(PartnerListings listings, PartnerManagement partners, CurrentActor actor, MessageSource messages) {
        this.listings = listings;
        this.partners = partners;
        this.actor = actor;
        this.messages = messages;
    }

    @GetMapping("/directory")
    String directory(@RequestParam(required = false) String q, @RequestParam(required = false) String country,
                     @RequestParam(required = false) String tier, @RequestParam(defaultValue = "0") int page, Model model) {
        PartnerTier chosen = tier(tier);
        String text = q == null ? null : q.strip();
        model.addAttribute("entries", entries(q, country, chosen, page));
        model.addAttribute("q", text);
        model.addAttribute("country", country);
        model.addAttribute("countries", listings.countries());
        model.addAttribute("tier", chosen);
        model.addAttribute("tiers", PartnerTier.values());
        return "partner/directory";
    }

    /**
     * The same directory as JSON, for the vendor's own website to show (any origin may read it: it
     * holds only what the directory shows anyone).
     */
    @GetMapping(value = "/directory.json", produces = "application/json")
    @ResponseBody
    ResponseEntity<Page<PartnerListing.Entry>> directoryJson(
            @RequestParam(required = false) String q, @RequestParam(required = false) String country, @RequestParam(required = false) String tier,
            @RequestParam(defaultValue = "0") int page) {
        return ResponseEntity.ok().header("Access-Control-Allow-Origin", "*").body(entries(q, country, tier(tier), page));
    }

    /** A tier the directory knows, or none (any other value shows every tier). */
    private static PartnerTier tier(String tier) {
        return java.util.Arrays.stream(PartnerTier.values()).filter(t -> t.name().equals(tier)).findFirst().orElse(null);
    }

    /** A page of the directory; words longer than a search box takes are not searched. */
    private Page<PartnerListing.Entry> entries(String q, String country, PartnerTier tier, int page) {
        String text = q == null ? null : q.strip();
        return listings.directory(text == null || text.length() > 100 ? null : text, country, tier, Math.max(0, page), 30);
    }

    @GetMapping("/partners/{id}/listing")
    String listing(@PathVariable long id, Model model) {
        PartnerListing listing = listings.get(id);
        return form(model, partners.get(id), listing, FormText.orEmpty(listing.website()), FormText.orEmpty(listing.summary()), Map.of());
    }

    @PostMapping("/partners/{id}/listing")
    String change(@PathVariable long id, @RequestParam(defaultValue = "") String website, @RequestParam(defaultValue = "") String summary,
                  @RequestParam(required = false) Boolean listed, @RequestParam(required = false) Long version, Model model,
                  RedirectAttributes redirect, Locale locale) {
        PartnerListing current = listings.get(id);
        // a partner user's form has no box: it keeps what the team decided
        Boolean list = actor.partner().isPresent() ? null : Boolean.TRUE.equals(listed);
        Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
        PartnerListing saved = FormErrors.submit(fieldErrors, messages, locale,
                () -> listings.change(id, new PartnerListing.Form(list, website, summary), version == null ? -1 : version));
        if (saved == null) {
            return form(model, partners.get(id), current, website, summary, fieldErrors);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("directory.saved", null, locale));
        return "redirect:/partners/" + id + "/listing";
    }

    private String form(Model model, PartnerView partner, PartnerListing listing, String website, String summary, Map<String, String> fieldErrors) {
        model.addAttribute("partner", partner);
        model.addAttribute("listing", listing);
        model.addAttribute("website", website);
        model.addAttribute("summary", summary);
        model.addAttribute("fieldErrors", fieldErrors);
        return "partner/listing";
    }
}
