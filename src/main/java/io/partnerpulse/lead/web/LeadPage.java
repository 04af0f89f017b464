package io.partnerpulse.lead.web;

import static io.partnerpulse.shared.FormText.blankToNull;
import static io.partnerpulse.shared.FormText.orEmpty;
import static io.partnerpulse.shared.FormText.strip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.lead.LeadForm;
import io.partnerpulse.lead.LeadManagement;
import io.partnerpulse.lead.LeadView;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import io.partnerpulse.shared.TypedNames;
import io.partnerpulse.shared.Versions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A lead's own page: who it is, where it came from, its status, which partners it was given to and
 * why, the deal it became; a form to correct its contact details and place (staff, and a partner user
 * on its own leads); its next steps through the list's actions, which come back here.
 */
@Controller
class LeadPage {

    private final LeadManagement leads;
    private final References references;
    private final TypedNames names;
    private final CurrentActor actor;
    private final OrganizationSettings organization;
    private final MessageSource messages;
    private final jakarta.validation.Validator validator;

    LeadPage(LeadManagement leads, References references, TypedNames names, CurrentActor actor, OrganizationSettings organization,
             MessageSource messages, jakarta.validation.Validator validator) {
        this.leads = leads;
        this.references = references;
        this.names = names;
        this.actor = actor;
        this.organization = organization;
        this.messages = messages;
        this.validator = validator;
    }

    /** What the lead form holds, as typed (kept when it is shown again with its problems). */
    record LeadDraft(String companyName, String contactName, String email, Long channelId, String owner, String country, String region,
                     String city, Long version) {

        LeadDraft stripped() {
            return new LeadDraft(strip(companyName), strip(contactName), strip(email), channelId, strip(owner),
                    strip(country).toUpperCase(Locale.ROOT), strip(region), strip(city), version);
        }
    }

    @GetMapping("/leads/{id}")
    String lead(@PathVariable long id, Model model, Locale locale) {
        LeadView lead = leads.get(id);
        String owner = name(Kind.EMPLOYEE, lead.ownerId());
        return page(model, lead, owner, new LeadDraft(orEmpty(lead.companyName()), orEmpty(lead.contactName()), orEmpty(lead.email()),
                lead.channelId(), orEmpty(owner), orEmpty(lead.country()), orEmpty(lead.region()), orEmpty(lead.city()), lead.version()),
                Map.of(), locale);
    }

    /** Saves the corrected details at the version shown; each problem beside its field, a stale version writes nothing. */
    @PostMapping("/leads/{id}")
    String edit(@PathVariable long id, @ModelAttribute("draft") LeadDraft typed, Model model, RedirectAttributes redirect, Locale locale) {
        LeadView lead = leads.get(id);
        LeadDraft draft = typed.stripped();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (draft.companyName().isEmpty() && draft.contactName().isEmpty()) {
            fieldErrors.put("companyName", messages.getMessage("leads.new.nameless", null, locale));
        }
        // a partner user keeps the owner its channel team gave the lead; staff name one
        Long owner = actor.partner().isPresent() ? lead.ownerId()
                : names.id(Kind.EMPLOYEE, draft.owner(), lead.ownerId(), null, "owner", "deals.noOwner", "deals.severalOwners", fieldErrors, locale);
        LeadForm form = new LeadForm(lead.externalId(), blankToNull(draft.contactName()), blankToNull(draft.companyName()),
                blankToNull(draft.email()), draft.channelId(), lead.campaignId(), owner, blankToNull(draft.country()), blankToNull(draft.region()),
                blankToNull(draft.city()), null, draft.version());
        validator.validate(form).forEach(problem -> fieldErrors.putIfAbsent(problem.getPropertyPath().toString(), problem.getMessage()));
        if (FormErrors.submit(fieldErrors, messages, locale, () -> leads.edit(id, form, Versions.required(null, draft.version()))) != null) {
            redirect.addFlashAttribute("flash", messages.getMessage("deals.saved", null, locale));
            return "redirect:/leads/" + id;
        }
        return page(model, lead, name(Kind.EMPLOYEE, lead.ownerId()), draft, fieldErrors, locale);
    }

    private String page(Model model, LeadView lead, String ownerName, LeadDraft draft, Map<String, String> fieldErrors, Locale locale) {
        model.addAttribute("lead", lead);
        model.addAttribute("assignments", leads.assignments(lead.id()));
        model.addAttribute("partnerName", name(Kind.PARTNER, lead.partnerId()));
        model.addAttribute("channelName", name(Kind.CHANNEL, lead.channelId()));
        model.addAttribute("campaignName", name(Kind.CAMPAIGN, lead.campaignId()));
        model.addAttribute("ownerName", ownerName);
        model.addAttribute("dealName", name(Kind.OPPORTUNITY, lead.opportunityId()));
        model.addAttribute("location", String.join(", ", java.util.stream.Stream.of(lead.city(), lead.region(), lead.country())
                .filter(java.util.Objects::nonNull).toList()));
        model.addAttribute("channelChoices", references.choices(Kind.CHANNEL, LeadsPage.CHANNEL_CHOICES));
        model.addAttribute("currency", organization.currency());
        model.addAttribute("zone", organization.timeZone());
        model.addAttribute("format", new Format(locale, organization.currency()));
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        return "lead/view";
    }

    private String name(Kind kind, Long id) {
        return id == null ? null : references.names(kind, List.of(id)).getOrDefault(id, "#" + id);
    }
}
