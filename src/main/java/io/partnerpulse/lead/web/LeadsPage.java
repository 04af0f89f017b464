package io.partnerpulse.lead.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.lead.LeadForm;
import io.partnerpulse.lead.LeadManagement;
import io.partnerpulse.lead.LeadRequests;
import io.partnerpulse.lead.LeadStatus;
import io.partnerpulse.lead.LeadView;
import io.partnerpulse.lead.internal.LeadRepository;
import io.partnerpulse.partner.PartnerDirectory;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.Amounts;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import io.partnerpulse.shared.TickedRows;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leads work page: open leads to qualify, disqualify or convert; staff assign the ones they
 * select to a partner they name, or route the unassigned ones by the distribution rules; a new lead
 * is added at the foot of the page (a partner user's is its partner's).
 */
@Controller
class LeadsPage {

    /** Partners offered by name in the assign and new-lead forms; any other is found by typing its name. */
    static final int PARTNER_CHOICES = 500;
    /** Marketing channels offered for a new lead (a program has tens). */
    static final int CHANNEL_CHOICES = 1_000;

    private final LeadManagement leads;
    private final PartnerDirectory partners;
    private final References references;
    private final CurrentActor actor;
    private final MessageSource messages;
    private final OrganizationSettings organization;
    private final jakarta.validation.Validator validator;
    private final io.partnerpulse.shared.TypedNames names;

    LeadsPage(LeadManagement leads, PartnerDirectory partners, References references, CurrentActor actor,
              OrganizationSettings organization, MessageSource messages, jakarta.validation.Validator validator,
              io.partnerpulse.shared.TypedNames names) {
        this.validator = validator;
        this.names = names;
        this.leads = leads;
        this.organization = organization;
        this.partners = partners;
        this.references = references;
        this.actor = actor;
        this.messages = messages;
    }

    @GetMapping("/leads")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean unassigned,
                @RequestParam(required = false) String q, @RequestParam(required = false) Long partnerId,
                @RequestParam(defaultValue = "0") int page, Model model) {
        show(model, status, unassigned, q, partnerId, page);
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("draft", NewLead.EMPTY);
        return "lead/list";
    }

    /**
     * The list; {@code partnerId} narrows it to one partner's leads (a partner user's are its own
     * partner's anyway, and naming another is refused).
     */
    private void show(Model model, String status, Boolean unassigned, String q, Long partnerId, int page) {
        List<LeadStatus> statuses = statuses(status);
        Page<LeadView> found = leads.list(new LeadRepository.Filter(partnerId == null ? null : List.of(partnerId), null, statuses, null,
                null, null, unassigned, null, null, q), null, Math.max(0, page), 50);
        // the names of the listed leads' partners and of the one the list is narrowed to, in one query
        List<Long> named = new ArrayList<>(found.items().stream().map(LeadView::partnerId).filter(id -> id != null).toList());
        if (partnerId != null) {
            named.add(partnerId);
        }
        Map<Long, String> partnerNames = partners.names(named);
        // where each lead came from, and when
        model.addAttribute("channelNames", references.names(Kind.CHANNEL,
                found.items().stream().map(LeadView::channelId).filter(id -> id != null).distinct().toList()));
        model.addAttribute("zone", organization.timeZone());
        model.addAttribute("partnerId", partnerId);
        model.addAttribute("partnerName", partnerId == null || actor.partner().isPresent() ? null
                : partnerNames.getOrDefault(partnerId, "#" + partnerId));
        model.addAttribute("leads", found);
        model.addAttribute("partnerNames", partnerNames);
        model.addAttribute("status", status == null || status.isBlank() ? null : status);
        // the same leads through the API, for the exports (which without a status would hold every lead)
        model.addAttribute("apiStatus", statuses == null ? null : String.join(",", statuses.stream().map(Enum::name).toList()));
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("unassigned", unassigned);
        model.addAttribute("q", q);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("currency", organization.currency());
        // a partner user is never offered other partners' names
        model.addAttribute("partnerChoices", actor.partner().isPresent() ? Map.of() : references.choices(Kind.PARTNER, PARTNER_CHOICES));
        model.addAttribute("channelChoices", references.choices(Kind.CHANNEL, CHANNEL_CHOICES));
    }

    /** What the new-lead form holds, kept when it is shown again with its problems. */
    record NewLead(String companyName, String contactName, String email, String country, String city, String partner,
                   Long channelId, String campaign, String owner) {
        static final NewLead EMPTY = new NewLead("", "", "", "", "", "", null, "", "");
    }

    /** Adds a lead; staff may name the partner who brought it, a partner user's lead is its own partner's. */
    @PostMapping("/leads")
    String create(@RequestParam(defaultValue = "") String companyName, @RequestParam(defaultValue = "") String contactName,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String country,
                  @RequestParam(defaultValue = "") String city, @RequestParam(defaultValue = "") String partner,
                  @RequestParam(required = false) Long channelId, @RequestParam(defaultValue = "") String campaign,
                  @RequestParam(defaultValue = "") String owner, Model model, RedirectAttributes redirect, Locale locale) {
        NewLead draft = new NewLead(companyName.strip(), contactName.strip(), email.strip(), country.strip(), city.strip(), partner.strip(),
                channelId, campaign.strip(), owner.strip());
        String code = draft.country().toUpperCase(Locale.ROOT);
        LeadForm form = new LeadForm(null, blankToNull(draft.contactName()), blankToNull(draft.companyName()), blankToNull(draft.email()),
                draft.channelId(), null, null, code.isEmpty() ? null : code, null, blankToNull(draft.city()), null, null);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (draft.companyName().isEmpty() && draft.contactName().isEmpty()) {
            fieldErrors.put("companyName", messages.getMessage("leads.new.nameless", null, locale));
        }
        // the form's own rules (lengths, the email's and the country code's shape), in the page's language
        validator.validate(form).forEach(problem -> fieldErrors.putIfAbsent(problem.getPropertyPath().toString(), problem.getMessage()));
        Long partnerId = null;
        if (!draft.partner().isEmpty() && actor.partner().isEmpty()) {
            References.Named named = references.named(Kind.PARTNER, draft.partner(), 5, null);
            partnerId = named.id();
            if (partnerId == null) {
                fieldErrors.put("partner", partnerNotFound(draft.partner(), named, locale));
            }
        }
        Long campaignId = null;
        // campaigns can be a partner's own (co-marketing): a partner user is offered none by name
        if (!draft.campaign().isEmpty() && actor.partner().isEmpty()) {
            References.Named named = references.named(Kind.CAMPAIGN, draft.campaign(), 5, null);
            campaignId = named.id();
            if (campaignId == null) {
                fieldErrors.put("campaign", notNamed("leads.new.noCampaign", "leads.new.severalCampaigns", draft.campaign(), named, locale));
            }
        }
        // staff may name who owns it in the team (a manager of one unit or department must: one of its people)
        Long ownerId = actor.partner().isPresent() ? null
                : names.id(Kind.EMPLOYEE, draft.owner(), null, "owner", "deals.noOwner", "deals.severalOwners", fieldErrors, locale);
        if (fieldErrors.isEmpty()) {
            try {
                LeadView created = leads.create(new LeadForm(null, form.contactName(), form.companyName(), form.email(), form.channelId(),
                        campaignId, ownerId, form.country(), null, form.city(), null, null), partnerId);
                redirect.addFlashAttribute("flash", messages.getMessage("leads.created", new Object[] {String.valueOf(created.id())}, locale));
                return "redirect:/leads?q=" + java.net.URLEncoder.encode(created.companyName() != null ? created.companyName()
                        : created.contactName(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (ApiError e) {
                fieldErrors.putAll(FormErrors.fields(e, messages, locale));
            }
        }
        show(model, null, null, null, null, 0);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("draft", draft);
        return "lead/list";
    }

    /**
     * Assigns the leads ticked on the page ({@code lead}: "id:version", as shown) to the partner named
     * ({@code partner}), each in a transaction of its own: the ones assigned are said, and each one
     * refused with its reason (changed since the page was shown, not open any more, that partner's already).
     */
    @PostMapping("/leads/assign")
    String assign(@RequestParam(name = "lead", required = false) List<String> picked, @RequestParam(defaultValue = "") String partner,
                  @RequestParam(defaultValue = "") String reason, Shown shown, RedirectAttributes redirect, Locale locale) {
        actor.requireStaff();
        if (partner.isBlank()) {
            return refuse("leads.assign.partnerMissing", shown, redirect, locale);
        }
        References.Named named = references.named(Kind.PARTNER, partner, 5, null);
        if (named.id() == null) {
            redirect.addFlashAttribute("flashError", partnerNotFound(partner.strip(), named, locale));
            return shown.back();
        }
        String why = reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            redirect.addFlashAttribute("flashError", messages.getMessage("leads.new.tooLong", new Object[] {500}, locale));
            return shown.back();
        }
        String name = partners.names(List.of(named.id())).getOrDefault(named.id(), "#" + named.id());
        return onTicked(picked, shown, "leads.assigned", name, redirect, locale,
                (id, version) -> leads.assign(id, new LeadRequests.Assign(named.id(), why, version), version));
    }

    /** Qualifies the ticked leads (a partner user's own), each on its own, as {@link #assign} does. */
    @PostMapping("/leads/qualify")
    String qualifyTicked(@RequestParam(name = "lead", required = false) List<String> picked, Shown shown, RedirectAttributes redirect,
                         Locale locale) {
        return onTicked(picked, shown, "leads.qualifiedTicked", null, redirect, locale, (id, version) -> leads.qualify(id, version));
    }

    /** Disqualifies the ticked leads with the one reason given, each on its own, as {@link #assign} does. */
    @PostMapping("/leads/disqualify")
    String disqualifyTicked(@RequestParam(name = "lead", required = false) List<String> picked,
                            @RequestParam(defaultValue = "") String reason, Shown shown, RedirectAttributes redirect, Locale locale) {
        if (reason.isBlank()) {
            return refuse("leads.ticked.reasonMissing", shown, redirect, locale);
        }
        if (reason.strip().length() > 200) {
            redirect.addFlashAttribute("flashError", messages.getMessage("leads.new.tooLong", new Object[] {200}, locale));
            return shown.back();
        }
        LeadRequests.Disqualify why = new LeadRequests.Disqualify(reason.strip(), null);
        return onTicked(picked, shown, "leads.disqualifiedTicked", null, redirect, locale,
                (id, version) -> leads.disqualify(id, new LeadRequests.Disqualify(why.reason(), version), version));
    }

    /** The list a form was posted from, to go back to it: its filters and page. */
    /**
     * The statuses a list's {@code status} choice shows: none chosen, the open ones (new or qualified);
     * {@value #EVERY_STATUS}, every lead (null: no narrowing); else the one named.
     */
    static List<LeadStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return List.of(LeadStatus.NEW, LeadStatus.QUALIFIED);
        }
        if (EVERY_STATUS.equals(status)) {
            return null;
        }
        try {
            return List.of(LeadStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("status", "must be ALL or one of " + java.util.Arrays.toString(LeadStatus.values()), "problem.field.choose");
        }
    }

    /** The list's choice of every lead, whatever its status. */
    static final String EVERY_STATUS = "ALL";

    record Shown(String status, Boolean unassigned, String q, Long shownPartnerId, Integer page) {

        String back() {
            return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/leads")
                    .queryParamIfPresent("status", java.util.Optional.ofNullable(status).filter(t -> !t.isBlank()))
                    .queryParamIfPresent("unassigned", java.util.Optional.ofNullable(unassigned))
                    .queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(t -> !t.isBlank()))
                    .queryParamIfPresent("partnerId", java.util.Optional.ofNullable(shownPartnerId))
                    .queryParamIfPresent("page", java.util.Optional.ofNullable(page).filter(n -> n > 0))
                    .encode().build().toUriString();
        }
    }

    /** What is done to one ticked lead, at the version the page showed. */
    private interface OnLead {
        void apply(long id, long version);
    }

    /**
     * Does {@code action} to each ticked lead ("id:version", as the page wrote it) in a transaction of
     * its own, then says how many it was done to ({@code done}, with {@code about}) and each one refused
     * with its reason; back to the list as it was shown.
     */
    private String onTicked(List<String> picked, Shown shown, String done, Object about, RedirectAttributes redirect, Locale locale,
                            OnLead action) {
        List<TickedRows.Row> chosen = TickedRows.parse(picked);
        if (chosen.isEmpty()) {
            return refuse("leads.ticked.none", shown, redirect, locale);
        }
        int count = 0;
        List<String> refused = new ArrayList<>();
        for (TickedRows.Row lead : chosen) {
            try {
                if (lead.version() < 0) {
                    throw ApiError.invalid("version", "the page's version of lead " + lead.id() + " is missing", "problem.version-missing");
                }
                action.apply(lead.id(), lead.version());
                count++;
            } catch (ApiError e) {
                refused.add("#" + lead.id() + ": " + FormErrors.text(e, messages, locale));
            }
        }
        if (count > 0) {
            redirect.addFlashAttribute("flash", messages.getMessage(done, new Object[] {count, about}, locale));
        }
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("flashError", messages.getMessage("leads.assign.refused",
                    new Object[] {refused.size(), String.join("; ", refused)}, locale));
        }
        return shown.back();
    }

    /** Routes the ticked leads that have no partner by the distribution rules, as the button above the list does for all. */
    @PostMapping("/leads/route")
    String routeTicked(@RequestParam(name = "lead", required = false) List<String> picked, Shown shown, RedirectAttributes redirect,
                       Locale locale) {
        actor.requireStaff();
        List<Long> ids = TickedRows.parse(picked).stream().map(TickedRows.Row::id).toList();
        if (ids.isEmpty()) {
            return refuse("leads.ticked.none", shown, redirect, locale);
        }
        try {
            int routed = leads.distribute(new LeadRequests.Distribute(ids, ids.size())).size();
            redirect.addFlashAttribute(routed == ids.size() ? "flash" : "flashError",
                    messages.getMessage("leads.routed.ticked", new Object[] {routed, ids.size()}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return shown.back();
    }

    private String refuse(String key, Shown shown, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("flashError", messages.getMessage(key, null, locale));
        return shown.back();
    }

    /** "No partner is named X" or "Several partners match X: A, B, C". */
    private String partnerNotFound(String typed, References.Named named, Locale locale) {
        return notNamed("leads.assign.noPartner", "leads.assign.severalPartners", typed, named, locale);
    }

    /** What a name that found no single record says: none by that name ({@code none}), or the several it matches ({@code several}). */
    private String notNamed(String none, String several, String typed, References.Named named, Locale locale) {
        return named.candidates().isEmpty() ? messages.getMessage(none, new Object[] {typed}, locale)
                : messages.getMessage(several, new Object[] {typed, String.join(", ", named.candidates().values())}, locale);
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    @PostMapping("/leads/{id}/qualify")
    String qualify(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String from, RedirectAttributes redirect,
                   Locale locale) {
        return run(() -> leads.qualify(id, version), "leads.qualified", id, from, redirect, locale);
    }

    @PostMapping("/leads/{id}/disqualify")
    String disqualify(@PathVariable long id, @RequestParam long version, @RequestParam String reason,
                      @RequestParam(defaultValue = "") String from, RedirectAttributes redirect, Locale locale) {
        return run(() -> {
            if (reason.isBlank()) {
                throw ApiError.invalid("reason", messages.getMessage("leads.reason", null, locale));
            }
            leads.disqualify(id, new LeadRequests.Disqualify(reason.trim(), version), version);
        }, "leads.disqualified", id, from, redirect, locale);
    }

    /** Turns a qualified lead into a deal worth {@code amount}, named after the company, keeping its partner, channel and place. */
    @PostMapping("/leads/{id}/convert")
    String convert(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String amount,
                   @RequestParam(required = false) String currency, @RequestParam(defaultValue = "") String from,
                   RedirectAttributes redirect, Locale locale) {
        try {
            java.math.BigDecimal value = Amounts.parse(amount, java.math.BigDecimal.ZERO).orElseThrow(() ->
                    ApiError.invalid("amount", messages.getMessage("leads.amount.invalid", null, locale)));
            String code = currency == null || currency.isBlank() ? organization.currency() : currency.trim().toUpperCase(Locale.ROOT);
            LeadView lead = leads.get(id);
            LeadView converted = leads.convert(id, new LeadRequests.Convert(lead.companyName(), value, code, null, null, null, null, version),
                    version);
            redirect.addFlashAttribute("flash", messages.getMessage("leads.converted", new Object[] {String.valueOf(id), String.valueOf(converted.opportunityId())}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return back(id, from);
    }

    /** Back to the lead's own page when the action was taken there ({@code from} "page"), else to the list. */
    private static String back(long id, String from) {
        return "page".equals(from) ? "redirect:/leads/" + id : "redirect:/leads";
    }

    @PostMapping("/leads/distribute")
    String distribute(RedirectAttributes redirect, Locale locale) {
        try {
            int routed = leads.distribute(new LeadRequests.Distribute(null, 500)).size();
            redirect.addFlashAttribute("flash", messages.getMessage("leads.routed", new Object[] {routed}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/leads";
    }

    private String run(Runnable action, String done, long id, String from, RedirectAttributes redirect, Locale locale) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage(done, new Object[] {String.valueOf(id)}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return back(id, from);
    }
}
