package io.partnerpulse.fund.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.partnerpulse.fund.ClaimStatus;
import io.partnerpulse.fund.FundManagement;
import io.partnerpulse.fund.FundRecords.AllocationForm;
import io.partnerpulse.fund.FundRecords.AllocationView;
import io.partnerpulse.fund.FundRecords.Approval;
import io.partnerpulse.fund.FundRecords.ClaimForm;
import io.partnerpulse.fund.FundRecords.ClaimView;
import io.partnerpulse.fund.FundRecords.FundReturn;
import io.partnerpulse.fund.FundRecords.Payment;
import io.partnerpulse.fund.FundRecords.Refusal;
import io.partnerpulse.fund.FundRecords.RequestForm;
import io.partnerpulse.fund.FundRecords.RequestView;
import io.partnerpulse.fund.RequestStatus;
import io.partnerpulse.partner.PartnerDirectory;
import io.partnerpulse.shared.Amounts;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funds page: what has been allocated, approved, claimed and paid, and what it brought back
 * (above every tab), then one tab at a time — the allocations (staff allocate and change them), the
 * requests (partners ask, staff approve for all or part, or reject; the asker withdraws), the claims
 * (partners claim with proof, staff approve, reject and record payments) and the returns (each
 * approved request's campaign's leads, won deals and revenue against what was paid, with a chart).
 */
@Controller
class FundsPage {

    /** The tabs, in the order the page shows them. */
    enum Tab { allocations, requests, claims, returns }

    /** How many funded activities the chart compares: those with the most won revenue. */
    static final int CHART_ACTIVITIES = 10;
    private static final int PARTNER_CHOICES = 500;

    private final FundManagement funds;
    private final PartnerDirectory partners;
    private final References references;
    private final OrganizationSettings organization;
    private final CurrentActor actor;
    private final MessageSource messages;
    private final Validator validator;
    private final JsonMapper json;

    FundsPage(FundManagement funds, PartnerDirectory partners, References references, OrganizationSettings organization,
              CurrentActor actor, MessageSource messages, Validator validator, JsonMapper json) {
        this.funds = funds;
        this.partners = partners;
        this.references = references;
        this.organization = organization;
        this.actor = actor;
        this.messages = messages;
        this.validator = validator;
        this.json = json;
    }

    /** What the page was asked to show; kept by every form on it, so that it comes back the same. */
    record Shown(Tab tab, Long partnerId, Integer year, String status, Long allocationId, Long requestId, int page) {

        String back() {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/funds").queryParam("show", tab.name());
            if (partnerId != null) {
                uri.queryParam("partnerId", partnerId);
            }
            if (year != null) {
                uri.queryParam("year", year);
            }
            if (status != null) {
                uri.queryParam("status", status);
            }
            if (allocationId != null) {
                uri.queryParam("allocationId", allocationId);
            }
            if (requestId != null) {
                uri.queryParam("requestId", requestId);
            }
            return "redirect:" + uri.build().toUriString();
        }
    }

    /** The allocation form as typed; {@code through} is the period's last day. */
    record AllocationDraft(String partner, String periodStart, String through, String amount, String currency, String note, Long version) {
    }

    record RequestDraft(Long allocationId, String activity, String description, Long campaignId, String startsOn, String endsOn,
                        String requestedAmount) {
        static final RequestDraft EMPTY = new RequestDraft(null, "", "", null, "", "", "");
    }

    record ClaimDraft(Long requestId, String amount, String proof) {
    }

    @GetMapping("/funds")
    String show(@RequestParam(defaultValue = "allocations") String show, @RequestParam(required = false) Long partnerId,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) String status,
                @RequestParam(required = false) Long allocationId, @RequestParam(required = false) Long requestId,
                @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Shown shown = new Shown(tab(show), partnerId, year == null || year < 1900 || year > 2200 ? null : year, status, allocationId,
                requestId, Math.max(0, page));
        return page(model, locale, shown, null, RequestDraft.EMPTY, new ClaimDraft(requestId, "", ""), Map.of());
    }

    // ----- allocations

    @PostMapping("/funds/allocations")
    String allocate(@RequestParam(defaultValue = "") String partner, @RequestParam(defaultValue = "") String periodStart,
                    @RequestParam(defaultValue = "") String through, @RequestParam(defaultValue = "") String amount,
                    @RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String note,
                    @RequestParam(required = false) Long partnerId, @RequestParam(required = false) Integer year,
                    Model model, Locale locale, RedirectAttributes redirect) {
        return saveAllocation(null, null, new AllocationDraft(partner.strip(), periodStart.strip(), through.strip(), amount.strip(),
                currency.strip().toUpperCase(Locale.ROOT), note.strip(), null), new Shown(Tab.allocations, partnerId, year, null, null, null, 0),
                model, locale, redirect);
    }

    /** The allocations tab with the form filled in with an allocation, to change it. */
    @GetMapping("/funds/allocations/{id}/edit")
    String editForm(@PathVariable long id, Model model, Locale locale) {
        AllocationView a = funds.allocation(id);
        AllocationDraft draft = new AllocationDraft(partners.names(List.of(a.partnerId())).getOrDefault(a.partnerId(), ""),
                a.periodStart().toString(), a.periodEnd().minusDays(1).toString(), a.amount().toPlainString(), a.currency(),
                a.note() == null ? "" : a.note(), a.version());
        model.addAttribute("editing", id);
        return page(model, locale, new Shown(Tab.allocations, a.partnerId(), null, null, null, null, 0), draft, RequestDraft.EMPTY,
                new ClaimDraft(null, "", ""), Map.of());
    }

    @PostMapping("/funds/allocations/{id}")
    String edit(@PathVariable long id, @RequestParam(defaultValue = "") String periodStart, @RequestParam(defaultValue = "") String through,
                @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String currency,
                @RequestParam(defaultValue = "") String note, @RequestParam(required = false) Long version, Model model, Locale locale,
                RedirectAttributes redirect) {
        AllocationView current = funds.allocation(id);
        AllocationDraft draft = new AllocationDraft(partners.names(List.of(current.partnerId())).getOrDefault(current.partnerId(), ""),
                periodStart.strip(), through.strip(), amount.strip(), currency.strip().toUpperCase(Locale.ROOT), note.strip(), version);
        model.addAttribute("editing", id);
        return saveAllocation(id, current.partnerId(), draft, new Shown(Tab.allocations, current.partnerId(), null, null, null, null, 0),
                model, locale, redirect);
    }

    /** @param fixedPartner the partner of the allocation changed (its name on the form is only shown), or null for a new one named there */
    private String saveAllocation(Long id, Long fixedPartner, AllocationDraft draft, Shown shown, Model model, Locale locale,
                                  RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long partnerId = fixedPartner;
        if (fixedPartner != null) {
            // the allocation's partner stays: its name is not looked up again (another partner may share it)
        } else if (draft.partner().isEmpty()) {
            errors.put("partner", messages.getMessage("funds.partner.required", null, locale));
        } else {
            References.Named named = references.named(Kind.PARTNER, draft.partner(), 5, null);
            partnerId = named.id();
            if (partnerId == null) {
                errors.put("partner", named.candidates().isEmpty()
                        ? messages.getMessage("leads.assign.noPartner", new Object[] {draft.partner()}, locale)
                        : messages.getMessage("leads.assign.severalPartners", new Object[] {draft.partner(),
                                String.join(", ", named.candidates().values())}, locale));
            }
        }
        LocalDate start = date("periodStart", draft.periodStart(), errors, locale);
        LocalDate last = date("through", draft.through(), errors, locale);
        BigDecimal value = amount("amount", draft.amount(), errors, locale);
        AllocationForm form = new AllocationForm(partnerId, start, last == null ? null : last.plusDays(1), value,
                draft.currency().isEmpty() ? organization.currency() : draft.currency(), draft.note(), draft.version());
        validate(form, errors, Map.of("periodEnd", "through", "partnerId", "partner"));
        if (errors.isEmpty()) {
            try {
                AllocationView saved = id == null ? funds.allocate(form) : funds.editAllocation(id, form, requireVersion(draft.version()));
                String name = partners.names(List.of(saved.partnerId())).getOrDefault(saved.partnerId(), "#" + saved.partnerId());
                redirect.addFlashAttribute("flash", messages.getMessage(id == null ? "funds.allocation.created" : "funds.allocation.saved",
                        new Object[] {name, new Format(locale, organization.currency()).money(saved.amount(), saved.currency())}, locale));
                return new Shown(Tab.allocations, saved.partnerId(), shown.year(), null, null, null, 0).back();
            } catch (ApiError e) {
                FormErrors.fields(e, messages, locale).forEach((field, reason) ->
                        errors.putIfAbsent(Map.of("periodEnd", "through", "partnerId", "partner").getOrDefault(field, field), reason));
            }
        }
        return page(model, locale, shown, draft, RequestDraft.EMPTY, new ClaimDraft(null, "", ""), errors);
    }

    @PostMapping("/funds/allocations/{id}/delete")
    String delete(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect, Locale locale) {
        try {
            funds.deleteAllocation(id, version);
            redirect.addFlashAttribute("flash", messages.getMessage("funds.allocation.deleted", new Object[] {String.valueOf(id)}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/funds?show=allocations";
    }

    // ----- requests

    @PostMapping("/funds/requests")
    String request(@RequestParam(required = false) Long allocationId, @RequestParam(defaultValue = "") String activity,
                   @RequestParam(defaultValue = "") String description, @RequestParam(required = false) Long campaignId,
                   @RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "") String endsOn,
                   @RequestParam(defaultValue = "") String requestedAmount, @RequestParam(required = false) Long partnerId,
                   @RequestParam(required = false) Integer year, Model model, Locale locale, RedirectAttributes redirect) {
        RequestDraft draft = new RequestDraft(allocationId, activity.strip(), description.strip(), campaignId, startsOn.strip(),
                endsOn.strip(), requestedAmount.strip());
        Shown shown = new Shown(Tab.requests, partnerId, year, null, null, null, 0);
        Map<String, String> errors = new LinkedHashMap<>();
        if (allocationId == null) {
            errors.put("allocationId", messages.getMessage("funds.allocation.required", null, locale));
        }
        RequestForm form = new RequestForm(allocationId, draft.activity(), draft.description().isEmpty() ? null : draft.description(),
                campaignId, date("startsOn", draft.startsOn(), errors, locale), date("endsOn", draft.endsOn(), errors, locale),
                amount("requestedAmount", draft.requestedAmount(), errors, locale));
        validate(form, errors, Map.of());
        if (errors.isEmpty()) {
            try {
                RequestView saved = funds.request(form);
                redirect.addFlashAttribute("flash", messages.getMessage("funds.request.submitted", new Object[] {String.valueOf(saved.id())}, locale));
                return shown.back();
            } catch (ApiError e) {
                FormErrors.fields(e, messages, locale).forEach(errors::putIfAbsent);
            }
        }
        return page(model, locale, shown, null, draft, new ClaimDraft(null, "", ""), errors);
    }

    @PostMapping("/funds/requests/{id}/approve")
    String approve(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String approvedAmount,
                   @RequestParam(required = false) Long partnerId, @RequestParam(required = false) Integer year,
                   RedirectAttributes redirect, Locale locale) {
        return act(new Shown(Tab.requests, partnerId, year, null, null, null, 0), redirect, locale, () -> {
            Map<String, String> errors = new LinkedHashMap<>();
            BigDecimal amount = approvedAmount.isBlank() ? null : amount("approvedAmount", approvedAmount.strip(), errors, locale);
            if (!errors.isEmpty()) {
                throw ApiError.invalid("approvedAmount", errors.get("approvedAmount"));
            }
            RequestView saved = funds.approve(id, new Approval(amount, version), version);
            return messages.getMessage("funds.request.approved", new Object[] {String.valueOf(id),
                    new Format(locale, organization.currency()).money(saved.approvedAmount(), saved.currency())}, locale);
        });
    }

    @PostMapping("/funds/requests/{id}/reject")
    String reject(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(required = false) Long partnerId, @RequestParam(required = false) Integer year,
                  RedirectAttributes redirect, Locale locale) {
        return act(new Shown(Tab.requests, partnerId, year, null, null, null, 0), redirect, locale, () -> {
            funds.reject(id, new Refusal(reason(reason, locale), version), version);
            return messages.getMessage("funds.request.rejected", new Object[] {String.valueOf(id)}, locale);
        });
    }

    @PostMapping("/funds/requests/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) Long partnerId,
                    @RequestParam(required = false) Integer year, RedirectAttributes redirect, Locale locale) {
        return act(new Shown(Tab.requests, partnerId, year, null, null, null, 0), redirect, locale, () -> {
            funds.withdraw(id, new Refusal(null, version), version);
            return messages.getMessage("funds.request.withdrawn", new Object[] {String.valueOf(id)}, locale);
        });
    }

    // ----- claims

    @PostMapping("/funds/claims")
    String claim(@RequestParam(required = false) Long requestId, @RequestParam(defaultValue = "") String amount,
                 @RequestParam(defaultValue = "") String proof, @RequestParam(required = false) Long partnerId,
                 @RequestParam(required = false) Integer year,
                 @RequestParam(name = "document", required = false) List<org.springframework.web.multipart.MultipartFile> documents,
                 Model model, Locale locale, RedirectAttributes redirect) {
        ClaimDraft draft = new ClaimDraft(requestId, amount.strip(), proof.strip());
        Shown shown = new Shown(Tab.claims, partnerId, year, null, null, null, 0);
        Map<String, String> errors = new LinkedHashMap<>();
        if (requestId == null) {
            errors.put("requestId", messages.getMessage("funds.request.required", null, locale));
        }
        ClaimForm form = new ClaimForm(requestId, amount("amount", draft.amount(), errors, locale), draft.proof());
        validate(form, errors, Map.of());
        List<io.partnerpulse.fund.FundRecords.Upload> uploads = new ArrayList<>();
        try {
            for (org.springframework.web.multipart.MultipartFile file : documents == null ? List.<org.springframework.web.multipart.MultipartFile>of() : documents) {
                if (!file.isEmpty()) {
                    uploads.add(FundUploads.read(file));
                }
            }
        } catch (ApiError e) {
            FormErrors.fields(e, messages, locale).forEach((field, reason) -> errors.putIfAbsent("document", reason));
        }
        if (errors.isEmpty()) {
            try {
                ClaimView saved = funds.claim(form, uploads);
                redirect.addFlashAttribute("flash", messages.getMessage("funds.claim.submitted", new Object[] {String.valueOf(saved.id())}, locale));
                return shown.back();
            } catch (ApiError e) {
                FormErrors.fields(e, messages, locale).forEach((field, reason) -> errors.putIfAbsent("file".equals(field) ? "document" : field, reason));
            }
        }
        return page(model, locale, shown, null, RequestDraft.EMPTY, draft, errors);
    }

    /** Adds a file to a claim that waits for its decision. */
    @PostMapping("/funds/claims/{id}/documents")
    String attach(@PathVariable long id, @RequestParam(name = "document", required = false) org.springframework.web.multipart.MultipartFile file,
                  @RequestParam(required = false) Long partnerId, @RequestParam(required = false) Integer year,
                  RedirectAttributes redirect, Locale locale) {
        return act(new Shown(Tab.claims, partnerId, year, null, null, null, 0), redirect, locale, () -> {
            io.partnerpulse.fund.FundRecords.DocumentView added = funds.attach(id, FundUploads.read(file));
            return messages.getMessage("funds.document.added", new Object[] {added.fileName(), String.valueOf(id)}, locale);
        });
    }

    /** A claim's file, as an attachment. */
    @GetMapping("/funds/claims/{id}/documents/{documentId}")
    org.springframework.http.ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        return FundUploads.download(funds.document(id, documentId));
    }

    @PostMapping("/funds/claims/{id}/approve")
    String approveClaim(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) Long partnerId,
                        @RequestParam(required = false) Integer year, RedirectAttributes redirect, Locale locale) {
        return act(new Shown(Tab.claims, partnerId, year, null, null, null, 0), redirect, locale, () -> {
            funds.approveClaim(id, version);
            return messages.getMessage("funds.claim.approved", new Object[] {String.valueOf(id)}, locale);
        });
    }

    @PostMapping("/funds/claims/{id}/reject")
    String rejectClaim(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String reason,
                       @RequestParam(required = false) Long partnerId, @RequestParam(required = false) Integer year,
                       RedirectAttributes redirect, Locale locale) {
        return act(new Shown(Tab.claims, partnerId, year, null, null, null, 0), redirect, locale, () -> {
            funds.rejectClaim(id, new Refusal(reason(reason, locale), version), version);
            return messages.getMessage("funds.claim.rejected", new Object[] {String.valueOf(id)}, locale);
        });
    }

    @PostMapping("/funds/claims/{id}/pay")
    String pay(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String paidOn,
               @RequestParam(defaultValue = "") String paymentReference, @RequestParam(required = false) Long partnerId,
               @RequestParam(required = false) Integer year, RedirectAttributes redirect, Locale locale) {
        return act(new Shown(Tab.claims, partnerId, year, null, null, null, 0), redirect, locale, () -> {
            Map<String, String> errors = new LinkedHashMap<>();
            LocalDate day = date("paidOn", paidOn.strip(), errors, locale);
            if (day == null) {
                throw ApiError.invalid("paidOn", errors.getOrDefault("paidOn", messages.getMessage("funds.date.required", null, locale)));
            }
            String reference = paymentReference.strip();
            if (reference.length() > 200) {
                throw ApiError.invalid("paymentReference", messages.getMessage("leads.new.tooLong", new Object[] {200}, locale));
            }
            funds.pay(id, new Payment(day, reference, version), version);
            return messages.getMessage("funds.claim.paid", new Object[] {String.valueOf(id), new Format(locale, organization.currency()).date(day)},
                    locale);
        });
    }

    // ----- the page

    private String page(Model model, Locale locale, Shown shown, AllocationDraft allocationDraft, RequestDraft requestDraft,
                        ClaimDraft claimDraft, Map<String, String> errors) {
        Format format = new Format(locale, organization.currency());
        Long partner = actor.partner().orElse(shown.partnerId());
        model.addAttribute("shown", shown);
        model.addAttribute("tabs", Tab.values());
        model.addAttribute("format", format);
        model.addAttribute("totals", funds.totals(partner, shown.year()));
        model.addAttribute("currency", organization.currency());
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("allocationDraft", allocationDraft != null ? allocationDraft
                : new AllocationDraft(partner == null ? "" : partners.names(List.of(partner)).getOrDefault(partner, ""), "", "", "",
                        organization.currency(), "", null));
        model.addAttribute("requestDraft", requestDraft);
        model.addAttribute("claimDraft", claimDraft);
        model.addAttribute("requestStatuses", RequestStatus.values());
        model.addAttribute("claimStatuses", ClaimStatus.values());
        Set<Long> partnerIds = new HashSet<>();
        if (partner != null) {
            partnerIds.add(partner);
        }
        switch (shown.tab()) {
            case allocations -> {
                Page<AllocationView> list = funds.allocations(partner, shown.year(), null, shown.page(), 50);
                list.items().forEach(a -> partnerIds.add(a.partnerId()));
                model.addAttribute("list", list);
                model.addAttribute("partnerChoices", actor.partner().isPresent() ? Map.of() : references.choices(Kind.PARTNER, PARTNER_CHOICES));
            }
            case requests -> {
                RequestStatus status = parse(RequestStatus.class, shown.status());
                Page<RequestView> list = funds.requests(partner, shown.year(), shown.allocationId(), status, null, shown.page(), 50);
                list.items().forEach(r -> partnerIds.add(r.partnerId()));
                model.addAttribute("list", list);
                model.addAttribute("status", status);
                List<AllocationView> open = funds.allocations(partner, shown.year(), "periodStart,desc", 0, 200).items().stream()
                        .filter(a -> a.available().signum() > 0).toList();
                open.forEach(a -> partnerIds.add(a.partnerId()));
                model.addAttribute("openAllocations", open);
                model.addAttribute("campaignChoices", funds.campaignChoices(partner));
                model.addAttribute("campaignNames", references.names(Kind.CAMPAIGN,
                        list.items().stream().map(RequestView::campaignId).filter(java.util.Objects::nonNull).toList()));
            }
            case claims -> {
                ClaimStatus status = parse(ClaimStatus.class, shown.status());
                Page<ClaimView> list = funds.claims(partner, shown.year(), shown.requestId(), status, null, shown.page(), 50);
                list.items().forEach(c -> partnerIds.add(c.partnerId()));
                model.addAttribute("list", list);
                model.addAttribute("documents", funds.documentsOf(list.items().stream().map(ClaimView::id).toList()));
                model.addAttribute("status", status);
                List<RequestView> claimable = funds.requests(partner, shown.year(), null, RequestStatus.APPROVED, null, 0, 200).items()
                        .stream().filter(r -> r.claimable().signum() > 0).toList();
                claimable.forEach(r -> partnerIds.add(r.partnerId()));
                model.addAttribute("claimable", claimable);
                model.addAttribute("today", LocalDate.now(organization.timeZone()));
            }
            case returns -> {
                Page<FundReturn> list = funds.returns(partner, shown.year(), shown.page(), 50);
                list.items().forEach(r -> partnerIds.add(r.partnerId()));
                model.addAttribute("list", list);
                model.addAttribute("campaignNames", references.names(Kind.CAMPAIGN,
                        list.items().stream().map(FundReturn::campaignId).filter(java.util.Objects::nonNull).toList()));
                // the list is ordered by won revenue: its first page holds the chart's best, other pages ask for them
                model.addAttribute("chart", chart(shown.page() == 0 ? list.items()
                        : funds.returns(partner, shown.year(), 0, CHART_ACTIVITIES).items(), locale));
            }
        }
        model.addAttribute("partnerNames", partners.names(partnerIds));
        model.addAttribute("partnerId", partner);
        return "fund/list";
    }

    /** The chart's data: the funded activities with the most won revenue, each with its revenue beside what was paid for it. */
    private String chart(List<FundReturn> returns, Locale locale) {
        List<FundReturn> best = returns.stream().filter(r -> r.revenue().signum() > 0 || r.paid().signum() > 0)
                .sorted(Comparator.comparing(FundReturn::revenue).reversed()).limit(CHART_ACTIVITIES).toList();
        if (best.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        best.forEach(r -> names.add(r.activity() + " · " + r.partnerName()));
        return json.writeValueAsString(Map.of(
                "currency", organization.currency(),
                "names", names,
                "revenue", best.stream().map(FundReturn::revenue).toList(),
                "spend", best.stream().map(FundReturn::paid).toList(),
                "series", List.of(messages.getMessage("funds.returns.revenue", null, locale),
                        messages.getMessage("funds.returns.paid", null, locale))));
    }

    // ----- the forms' common parts

    /** One of the page's actions on a record: said in the flash, refused or not, and back to the tab it was on. */
    private String act(Shown shown, RedirectAttributes redirect, Locale locale, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (ApiError e) {
            // a refused field says why in the page's language; a refused step (409, 404) by its own message
            redirect.addFlashAttribute("flashError", messages.getMessage("action.failed",
                    new Object[] {String.join(" ", FormErrors.fields(e, messages, locale).values())}, locale));
        }
        return shown.back();
    }

    private String reason(String typed, Locale locale) {
        String reason = typed.strip();
        if (reason.isEmpty()) {
            throw ApiError.invalid("reason", messages.getMessage("funds.reason.required", null, locale));
        }
        if (reason.length() > 1000) {
            throw ApiError.invalid("reason", messages.getMessage("leads.new.tooLong", new Object[] {1000}, locale));
        }
        return reason;
    }

    /** The form's own rules (sizes, minimums), in the page's language; {@code renamed} maps the form's fields to the page's. */
    private void validate(Object form, Map<String, String> errors, Map<String, String> renamed) {
        validator.validate(form).forEach(problem -> {
            String field = problem.getPropertyPath().toString();
            errors.putIfAbsent(renamed.getOrDefault(field, field), problem.getMessage());
        });
    }

    /** A typed day (ISO, as a date field sends it); a problem beside the field when it is none. */
    private LocalDate date(String field, String text, Map<String, String> errors, Locale locale) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() >= 1900 && day.getYear() <= 2200) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        errors.putIfAbsent(field, messages.getMessage("funds.date.invalid", new Object[] {text}, locale));
        return null;
    }

    /** A typed amount (a decimal point or comma, at least 0.01); a problem beside the field when it is none. */
    private BigDecimal amount(String field, String text, Map<String, String> errors, Locale locale) {
        if (text.isEmpty()) {
            return null;
        }
        return Amounts.parse(text, new BigDecimal("0.01")).orElseGet(() -> {
            errors.putIfAbsent(field, messages.getMessage("funds.amount.invalid", new Object[] {text}, locale));
            return null;
        });
    }

    private static long requireVersion(Long version) {
        if (version == null) {
            throw ApiError.versionRequired();
        }
        return version;
    }

    private static Tab tab(String name) {
        for (Tab tab : Tab.values()) {
            if (tab.name().equals(name)) {
                return tab;
            }
        }
        return Tab.allocations;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }
}
