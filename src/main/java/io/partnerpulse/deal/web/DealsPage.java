package io.partnerpulse.deal.web;

import static io.partnerpulse.shared.FormText.blankToNull;
import static io.partnerpulse.shared.FormText.orEmpty;
import static io.partnerpulse.shared.FormText.strip;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.partnerpulse.deal.OpportunityForm;
import io.partnerpulse.deal.OpportunityManagement;
import io.partnerpulse.deal.OpportunityView;
import io.partnerpulse.deal.RegistrationManagement;
import io.partnerpulse.deal.Stage;
import io.partnerpulse.deal.StageRequests;
import io.partnerpulse.deal.internal.OpportunityRepository;
import io.partnerpulse.deal.internal.RegistrationRepository;
import io.partnerpulse.shared.Amounts;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import io.partnerpulse.shared.TickedRows;
import io.partnerpulse.shared.TypedNames;
import io.partnerpulse.shared.Versions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The deals: a list to find them (by stage, partner, owner or name; exported with the same filters),
 * a form for staff to open one, and a page for each deal with its details, its stage history, its
 * registrations and what can be done to it next (edit, move, win, lose, reopen). Partner users see and
 * move their own partner's deals; analysts read; every change goes through {@link OpportunityManagement}.
 */
@Controller
class DealsPage {

    static final int PAGE_SIZE = 50;
    /** Partners offered by name in the form's list; any other is found by typing its name. */
    static final int PARTNER_CHOICES = 500;
    /** Product lines and channels offered in the form's selects (a program has tens). */
    static final int CHOICES = 1_000;

    private final OpportunityManagement opportunities;
    private final RegistrationManagement registrations;
    private final References references;
    private final CurrentActor actor;
    private final OrganizationSettings organization;
    private final MessageSource messages;
    private final jakarta.validation.Validator validator;
    private final TypedNames names;

    DealsPage(OpportunityManagement opportunities, RegistrationManagement registrations, References references, CurrentActor actor,
              OrganizationSettings organization, MessageSource messages, jakarta.validation.Validator validator, TypedNames names) {
        this.names = names;
        this.opportunities = opportunities;
        this.registrations = registrations;
        this.references = references;
        this.actor = actor;
        this.organization = organization;
        this.messages = messages;
        this.validator = validator;
    }

    /** Which deals the list shows: the open ones (the default), the won, the lost, or all. */
    enum Showing {
        OPEN, OVERDUE, WON, LOST, ALL
    }

    /** The list's filters, as the page's address holds them. */
    record Shown(Showing show, Stage stage, String q, Long partnerId, Long ownerId, Long accountId, String sort, Integer page) {

        public Showing showing() {
            return show == null ? Showing.OPEN : show;
        }

        public OpportunityRepository.Filter filter() {
            List<Stage> stages = stage != null ? List.of(stage) : switch (showing()) {
                case WON -> List.of(Stage.WON);
                case LOST -> List.of(Stage.LOST);
                default -> null;
            };
            boolean overdue = showing() == Showing.OVERDUE;
            return new OpportunityRepository.Filter(partnerId == null ? null : List.of(partnerId), ownerId, stages,
                    (showing() == Showing.OPEN || overdue) && stage == null ? Boolean.TRUE : null, accountId, null, null, null, null, null,
                    q == null || q.isBlank() ? null : q.strip(), overdue ? Boolean.TRUE : null);
        }

        /** The sort the list uses: one of the columns the page offers, the largest amount first by default. */
        public String sorting() {
            return SORTS.containsKey(sort) ? sort : "amount,desc";
        }

        /** The same list as an address of the API (its CSV and XLSX exports). */
        public String api() {
            OpportunityRepository.Filter f = filter();
            return UriComponentsBuilder.fromPath("/api/v1/opportunities")
                    .queryParamIfPresent("open", Optional.ofNullable(f.open()))
                    .queryParamIfPresent("stage", Optional.ofNullable(f.stages()).map(s -> s.get(0)))
                    .queryParamIfPresent("partnerId", Optional.ofNullable(partnerId))
                    .queryParamIfPresent("ownerId", Optional.ofNullable(ownerId))
                    .queryParamIfPresent("accountId", Optional.ofNullable(accountId))
                    .queryParamIfPresent("q", Optional.ofNullable(f.q()))
                    .queryParamIfPresent("pastExpectedClose", Optional.ofNullable(f.pastExpectedClose()))
                    .queryParam("sort", sorting()).encode().build().toUriString();
        }
    }

    /** The sorts the list offers, by the message naming each. */
    static final Map<String, String> SORTS = sorts();

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("amount,desc", "deals.sort.amount");
        sorts.put("expectedCloseOn,asc", "deals.sort.expected");
        sorts.put("createdAt,desc", "deals.sort.created");
        sorts.put("closedAt,desc", "deals.sort.closed");
        sorts.put("name,asc", "deals.sort.name");
        return sorts;
    }

    @GetMapping("/deals")
    String list(@ModelAttribute Shown shown, Model model, Locale locale) {
        show(model, shown, locale);
        model.addAttribute("draft", DealDraft.blank(organization.currency()));
        model.addAttribute("fieldErrors", Map.of());
        return "deal/list";
    }

    private void show(Model model, Shown shown, Locale locale) {
        Page<OpportunityView> found = opportunities.list(shown.filter(), shown.sorting(),
                Math.max(0, shown.page() == null ? 0 : shown.page()), PAGE_SIZE);
        List<Long> partnerIds = new ArrayList<>(found.items().stream().map(OpportunityView::partnerId).filter(id -> id != null).toList());
        if (shown.partnerId() != null) {
            partnerIds.add(shown.partnerId());
        }
        Map<Long, String> partnerNames = references.names(Kind.PARTNER, partnerIds);
        List<Long> ownerIds = new ArrayList<>(found.items().stream().map(OpportunityView::ownerId).filter(id -> id != null).toList());
        if (shown.ownerId() != null) {
            ownerIds.add(shown.ownerId());
        }
        Map<Long, String> ownerNames = references.names(Kind.EMPLOYEE, ownerIds);
        model.addAttribute("deals", found);
        model.addAttribute("shown", shown);
        model.addAttribute("partnerNames", partnerNames);
        model.addAttribute("ownerNames", ownerNames);
        // what the list is narrowed to, said above it (a partner user's deals are its own partner's anyway)
        List<String> narrowed = new ArrayList<>();
        if (shown.partnerId() != null && actor.partner().isEmpty()) {
            narrowed.add(partnerNames.getOrDefault(shown.partnerId(), "#" + shown.partnerId()));
        }
        if (shown.ownerId() != null) {
            narrowed.add(ownerNames.getOrDefault(shown.ownerId(), "#" + shown.ownerId()));
        }
        if (shown.accountId() != null) {
            narrowed.add(references.names(Kind.ACCOUNT, List.of(shown.accountId())).getOrDefault(shown.accountId(), "#" + shown.accountId()));
        }
        model.addAttribute("narrowedTo", narrowed);
        model.addAttribute("showings", Showing.values());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("openStages", List.of(Stage.openStages()));
        model.addAttribute("sorts", SORTS);
        model.addAttribute("zone", organization.timeZone());
        model.addAttribute("today", java.time.LocalDate.now(organization.timeZone()));
        model.addAttribute("format", new Format(locale, organization.currency()));
        choices(model);
    }

    /** The form's choices: a partner user is never offered other partners' names. */
    private void choices(Model model) {
        model.addAttribute("partnerChoices", actor.partner().isPresent() ? Map.of() : references.choices(Kind.PARTNER, PARTNER_CHOICES));
        model.addAttribute("productLineChoices", references.choices(Kind.PRODUCT_LINE, CHOICES));
        model.addAttribute("channelChoices", references.choices(Kind.CHANNEL, CHOICES));
    }

    /**
     * What the deal form holds, as typed (kept when the form is shown again with its problems):
     * references by name, the amount and the date as text.
     */
    record DealDraft(String name, String amount, String currency, String partner, String account, String owner, Long productLineId,
                     Long channelId, String campaign, String country, String region, String city, String expectedCloseOn, Long version) {

        static DealDraft blank(String currency) {
            return new DealDraft("", "", currency, "", "", "", null, null, "", "", "", "", "", null);
        }

        DealDraft stripped() {
            return new DealDraft(strip(name), strip(amount), strip(currency).toUpperCase(Locale.ROOT), strip(partner), strip(account),
                    strip(owner), productLineId, channelId, strip(campaign), strip(country).toUpperCase(Locale.ROOT), strip(region),
                    strip(city), strip(expectedCloseOn), version);
        }
    }

    /** Opens a deal (staff) and shows its page. */
    @PostMapping("/deals")
    String open(@ModelAttribute("draft") DealDraft typed, Model model, RedirectAttributes redirect, Locale locale) {
        actor.requireStaff();
        DealDraft draft = typed.stripped();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        OpportunityForm form = form(draft, null, fieldErrors, locale);
        OpportunityView opened = FormErrors.submit(fieldErrors, messages, locale, () -> opportunities.open(form));
        if (opened != null) {
            redirect.addFlashAttribute("flash", messages.getMessage("deals.opened", new Object[] {opened.name()}, locale));
            return "redirect:/deals/" + opened.id();
        }
        show(model, new Shown(null, null, null, null, null, null, null, 0), locale);
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        return "deal/list";
    }

    @GetMapping("/deals/{id}")
    String deal(@PathVariable long id, Model model, Locale locale) {
        OpportunityView deal = opportunities.get(id);
        Names names = namesOf(deal);
        return page(model, deal, names, draftOf(deal, names), Map.of(), locale);
    }

    /** Saves the changed details at the version the page showed; bad fields are named beside them, a stale version writes nothing. */
    @PostMapping("/deals/{id}")
    String edit(@PathVariable long id, @ModelAttribute("draft") DealDraft typed, Model model, RedirectAttributes redirect, Locale locale) {
        actor.requireStaff();
        OpportunityView deal = opportunities.get(id);
        DealDraft draft = typed.stripped();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        OpportunityForm form = form(draft, deal, fieldErrors, locale);
        if (FormErrors.submit(fieldErrors, messages, locale, () -> opportunities.edit(id, form, Versions.required(null, draft.version()))) != null) {
            redirect.addFlashAttribute("flash", messages.getMessage("deals.saved", null, locale));
            return "redirect:/deals/" + id;
        }
        return page(model, deal, namesOf(deal), draft, fieldErrors, locale);
    }

    /**
     * Moves the deal to {@code target} at the version the page showed: another open stage, won (at the
     * amount confirmed, its own when none is typed), lost (with the reason), or, for staff, reopened.
     */
    @PostMapping("/deals/{id}/stage")
    String stage(@PathVariable long id, @RequestParam Stage target, @RequestParam long version,
                 @RequestParam(required = false) String reason, @RequestParam(required = false) String competitor,
                 @RequestParam(required = false) String amount, RedirectAttributes redirect, Locale locale) {
        try {
            OpportunityView deal = opportunities.get(id);
            OpportunityView moved;
            if (deal.stage().isClosed()) {
                moved = opportunities.reopen(id, new StageRequests.Reopen(target.isClosed() ? null : target, version), version);
            } else {
                moved = switch (target) {
                    case WON -> {
                        BigDecimal confirmed = amount == null || amount.isBlank() ? null : Amounts.parse(amount, BigDecimal.ZERO)
                                .orElseThrow(() -> ApiError.invalid("amount", messages.getMessage("deals.amount.invalid", null, locale)));
                        yield opportunities.win(id, new StageRequests.Win(null, confirmed, version), version);
                    }
                    case LOST -> {
                        if (reason == null || reason.isBlank()) {
                            throw ApiError.invalid("reason", messages.getMessage("deals.reason.missing", null, locale));
                        }
                        String why = reason.strip();
                        String who = competitor == null || competitor.isBlank() ? null : competitor.strip();
                        if (why.length() > 200 || (who != null && who.length() > 200)) {
                            throw ApiError.invalid("reason", messages.getMessage("leads.new.tooLong", new Object[] {200}, locale));
                        }
                        yield opportunities.lose(id, new StageRequests.Lose(why, who, null, version), version);
                    }
                    default -> opportunities.move(id, new StageRequests.Move(target, null, version), version);
                };
            }
            redirect.addFlashAttribute("flash", messages.getMessage("deals.moved",
                    new Object[] {messages.getMessage("stage." + moved.stage(), null, locale)}, locale));
        } catch (ApiError e) {
            if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND || e.status() == org.springframework.http.HttpStatus.FORBIDDEN) {
                throw e; // not a deal this user may move: no page to go back to
            }
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/deals/" + id;
    }

    /** What is done to every ticked deal at once. */
    enum Change {
        OWNER, CLOSE_DATE, STAGE
    }

    /**
     * Changes the deals ticked in the list ({@code deal}: "id:version", as shown) at once, each in a
     * transaction of its own at the version the list showed: gives them to the owner typed by name,
     * moves their expected close to a day, or moves the open ones to another open stage. Says how many
     * changed and each one refused with its reason (changed since, closed, not one of the user's), and
     * goes back to the list as it was. Staff only: a partner user moves its deals one by one.
     */
    @PostMapping("/deals/bulk")
    String bulk(@RequestParam(name = "deal", required = false) List<String> picked, @RequestParam(required = false) Change change,
                @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String expectedCloseOn,
                @RequestParam(required = false) Stage stage, @ModelAttribute Shown shown, RedirectAttributes redirect, Locale locale) {
        actor.requireStaff();
        String back = "redirect:" + UriComponentsBuilder.fromPath("/deals")
                .queryParamIfPresent("show", Optional.ofNullable(shown.show())).queryParamIfPresent("stage", Optional.ofNullable(shown.stage()))
                .queryParamIfPresent("q", Optional.ofNullable(shown.q()).filter(t -> !t.isBlank()))
                .queryParamIfPresent("partnerId", Optional.ofNullable(shown.partnerId()))
                .queryParamIfPresent("ownerId", Optional.ofNullable(shown.ownerId()))
                .queryParamIfPresent("accountId", Optional.ofNullable(shown.accountId()))
                .queryParamIfPresent("sort", Optional.ofNullable(shown.sort()))
                .queryParamIfPresent("page", Optional.ofNullable(shown.page()).filter(n -> n > 0)).encode().build().toUriString();
        List<TickedRows.Row> deals = TickedRows.parse(picked);
        Map<String, String> problems = new LinkedHashMap<>();
        if (deals.isEmpty()) {
            problems.put("deal", messages.getMessage("deals.bulk.none", null, locale));
        }
        Long ownerId = null;
        LocalDate day = null;
        if (change == null) {
            problems.put("change", messages.getMessage("deals.bulk.what", null, locale));
        } else if (change == Change.OWNER) {
            if (owner.isBlank()) {
                problems.put("owner", messages.getMessage("deals.bulk.ownerMissing", null, locale));
            } else {
                ownerId = names.id(Kind.EMPLOYEE, owner, null, "owner", "deals.noOwner", "deals.severalOwners", problems, locale);
            }
        } else if (change == Change.CLOSE_DATE) {
            try {
                day = LocalDate.parse(expectedCloseOn.strip());
            } catch (DateTimeParseException e) {
                problems.put("expectedCloseOn", messages.getMessage("deals.date.invalid", null, locale));
            }
        } else if (stage == null || stage.isClosed()) {
            problems.put("stage", messages.getMessage("deals.bulk.stageMissing", null, locale));
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("flashError", String.join(" ", problems.values()));
            return back;
        }
        int changed = 0;
        List<String> refused = new ArrayList<>();
        for (TickedRows.Row deal : deals) {
            try {
                if (deal.version() < 0) {
                    throw ApiError.versionRequired();
                }
                OpportunityView current = opportunities.get(deal.id());
                switch (change) {
                    case OWNER -> opportunities.edit(deal.id(), formOf(current, ownerId, current.expectedCloseOn()), deal.version());
                    case CLOSE_DATE -> opportunities.edit(deal.id(), formOf(current, current.ownerId(), day), deal.version());
                    default -> opportunities.move(deal.id(), new StageRequests.Move(stage, null, deal.version()), deal.version());
                }
                changed++;
            } catch (ApiError e) {
                refused.add("#" + deal.id() + ": " + FormErrors.text(e, messages, locale));
            }
        }
        if (changed > 0) {
            redirect.addFlashAttribute("flash", messages.getMessage("deals.bulk.done", new Object[] {changed}, locale));
        }
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("flashError", messages.getMessage("deals.bulk.refused",
                    new Object[] {refused.size(), String.join("; ", refused)}, locale));
        }
        return back;
    }

    /** The deal's details as they are, but for its owner and its expected close: what a bulk change sends. */
    private static OpportunityForm formOf(OpportunityView d, Long ownerId, LocalDate expectedCloseOn) {
        return new OpportunityForm(d.externalId(), d.name(), d.amount(), d.currency(), d.accountId(), d.partnerId(), ownerId, d.productLineId(),
                d.channelId(), d.campaignId(), d.country(), d.region(), d.city(), expectedCloseOn, null, d.version());
    }

    /** Writes a note on the deal from its page (internal: staff only); back to the page, the note in its place or the problem said. */
    @PostMapping("/deals/{id}/notes")
    String note(@PathVariable long id, @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "false") boolean internal,
                RedirectAttributes redirect, Locale locale) {
        try {
            opportunities.addNote(id, new io.partnerpulse.deal.DealNote.Form(body, internal));
            redirect.addFlashAttribute("flash", messages.getMessage("deals.notes.added", null, locale));
        } catch (ApiError e) {
            if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND || e.status() == org.springframework.http.HttpStatus.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
            redirect.addFlashAttribute("noteDraft", body);
        }
        return "redirect:/deals/" + id + "#notes";
    }

    /** The deal's page: its details, the form holding {@code draft}, its stage history and its registrations. */
    private String page(Model model, OpportunityView deal, Names names, DealDraft draft, Map<String, String> fieldErrors, Locale locale) {
        model.addAttribute("deal", deal);
        model.addAttribute("history", opportunities.history(deal.id()));
        model.addAttribute("notes", opportunities.notes(deal.id()));
        model.addAttribute("registrations", registrations.list(new RegistrationRepository.Filter(null, null, null, deal.id(), null, null, null),
                "submittedAt,desc", 0, 20).items());
        model.addAttribute("partnerName", names.partner());
        model.addAttribute("accountName", names.account());
        model.addAttribute("ownerName", names.owner());
        model.addAttribute("productLineName", name(Kind.PRODUCT_LINE, deal.productLineId()));
        model.addAttribute("channelName", name(Kind.CHANNEL, deal.channelId()));
        model.addAttribute("campaignName", names.campaign());
        model.addAttribute("leadName", name(Kind.LEAD, deal.leadId()));
        model.addAttribute("location", String.join(", ", java.util.stream.Stream.of(deal.city(), deal.region(), deal.country())
                .filter(java.util.Objects::nonNull).toList()));
        model.addAttribute("openStages", List.of(Stage.openStages()));
        // the form offers the stage after this one first (none after the last open stage: winning it)
        List<Stage> open = List.of(Stage.openStages());
        int at = open.indexOf(deal.stage());
        model.addAttribute("nextStage", at >= 0 && at + 1 < open.size() ? open.get(at + 1) : null);
        model.addAttribute("zone", organization.timeZone());
        model.addAttribute("format", new Format(locale, organization.currency()));
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        choices(model);
        return "deal/view";
    }

    private String name(Kind kind, Long id) {
        return id == null ? null : references.names(kind, List.of(id)).getOrDefault(id, "#" + id);
    }

    /** The names of the records a deal refers to that its page shows and its form holds (null for none). */
    private record Names(String partner, String account, String owner, String campaign) {
    }

    private Names namesOf(OpportunityView d) {
        return new Names(name(Kind.PARTNER, d.partnerId()), name(Kind.ACCOUNT, d.accountId()), name(Kind.EMPLOYEE, d.ownerId()),
                name(Kind.CAMPAIGN, d.campaignId()));
    }

    private static DealDraft draftOf(OpportunityView d, Names names) {
        return new DealDraft(d.name(), d.amount().toPlainString(), d.currency(), orEmpty(names.partner()), orEmpty(names.account()),
                orEmpty(names.owner()), d.productLineId(), d.channelId(), orEmpty(names.campaign()), orEmpty(d.country()), orEmpty(d.region()),
                orEmpty(d.city()), d.expectedCloseOn() == null ? "" : d.expectedCloseOn().toString(), d.version());
    }

    /**
     * The form's values as the service takes them, every problem found put beside its field in the
     * page's language: names typed that name no single record, an amount or a date that is not one,
     * and the form's own rules. {@code editing}: the deal changed (null for a new one), whose external
     * id, opening time and lead stay as they are.
     */
    private OpportunityForm form(DealDraft draft, OpportunityView editing, Map<String, String> fieldErrors, Locale locale) {
        if (draft.name().isEmpty()) {
            fieldErrors.put("name", messages.getMessage("deals.name.missing", null, locale));
        }
        BigDecimal amount = Amounts.parse(draft.amount(), BigDecimal.ZERO).orElse(null);
        if (amount == null) {
            fieldErrors.put("amount", messages.getMessage("deals.amount.invalid", null, locale));
        }
        LocalDate expected = null;
        if (!draft.expectedCloseOn().isEmpty()) {
            try {
                expected = LocalDate.parse(draft.expectedCloseOn());
            } catch (DateTimeParseException e) {
                fieldErrors.put("expectedCloseOn", messages.getMessage("deals.date.invalid", null, locale));
            }
        }
        boolean isNew = editing == null;
        Long partnerId = names.id(Kind.PARTNER, draft.partner(), isNew ? null : editing.partnerId(), null, "partner",
                "leads.assign.noPartner", "leads.assign.severalPartners", fieldErrors, locale);
        Long accountId = names.id(Kind.ACCOUNT, draft.account(), isNew ? null : editing.accountId(), null, "account",
                "deals.noAccount", "deals.severalAccounts", fieldErrors, locale);
        Long ownerId = names.id(Kind.EMPLOYEE, draft.owner(), isNew ? null : editing.ownerId(), null, "owner",
                "deals.noOwner", "deals.severalOwners", fieldErrors, locale);
        Long campaignId = names.id(Kind.CAMPAIGN, draft.campaign(), isNew ? null : editing.campaignId(), null, "campaign",
                "leads.new.noCampaign", "leads.new.severalCampaigns", fieldErrors, locale);
        OpportunityForm form = new OpportunityForm(editing == null ? null : editing.externalId(), draft.name(), amount,
                draft.currency().isEmpty() ? organization.currency() : draft.currency(), accountId, partnerId, ownerId, draft.productLineId(),
                draft.channelId(), campaignId, blankToNull(draft.country()), blankToNull(draft.region()), blankToNull(draft.city()), expected,
                null, draft.version());
        // the form's own rules (lengths, the currency's and the country code's shape), in the page's language
        validator.validate(form).forEach(problem -> fieldErrors.putIfAbsent(problem.getPropertyPath().toString(), problem.getMessage()));
        return form;
    }
}
