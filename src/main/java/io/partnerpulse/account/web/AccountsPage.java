package io.partnerpulse.account.web;

import static io.partnerpulse.shared.FormText.blankToNull;
import static io.partnerpulse.shared.FormText.orEmpty;
import static io.partnerpulse.shared.FormText.strip;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.account.AccountManagement;
import io.partnerpulse.account.AccountRecords.AccountForm;
import io.partnerpulse.account.AccountRecords.AccountView;
import io.partnerpulse.deal.OpportunityManagement;
import io.partnerpulse.deal.OpportunityView;
import io.partnerpulse.shared.Amounts;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer accounts: a list to find them by name, sector or country, a form for staff to add one,
 * and a page for each with its details, its parent company and its deals, where staff change it.
 * Staff and analysts only: partner users see the accounts of their own deals on those deals' pages.
 */
@Controller
class AccountsPage {

    static final int PAGE_SIZE = 50;
    /** The deals an account's page lists, newest first; the rest are a link to the deals list. */
    static final int DEALS_SHOWN = 20;

    private final AccountManagement accounts;
    private final OpportunityManagement opportunities;
    private final References references;
    private final TypedNames names;
    private final CurrentActor actor;
    private final OrganizationSettings organization;
    private final MessageSource messages;
    private final jakarta.validation.Validator validator;

    AccountsPage(AccountManagement accounts, OpportunityManagement opportunities, References references, TypedNames names, CurrentActor actor,
                 OrganizationSettings organization, MessageSource messages, jakarta.validation.Validator validator) {
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.references = references;
        this.names = names;
        this.actor = actor;
        this.organization = organization;
        this.messages = messages;
        this.validator = validator;
    }

    /** What the account form holds, as typed (kept when it is shown again with its problems). */
    record AccountDraft(String name, String sector, String country, String region, String city, String employees, String annualRevenue,
                        String yearEstablished, String parent, String externalId, Long version) {

        static final AccountDraft EMPTY = new AccountDraft("", "", "", "", "", "", "", "", "", "", null);

        AccountDraft stripped() {
            return new AccountDraft(strip(name), strip(sector), strip(country).toUpperCase(Locale.ROOT), strip(region), strip(city),
                    strip(employees), strip(annualRevenue), strip(yearEstablished), strip(parent), strip(externalId), version);
        }
    }

    @GetMapping("/accounts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String sector,
                @RequestParam(required = false) String country, @RequestParam(required = false) String sort,
                @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        show(model, q, sector, country, sort, page, locale);
        model.addAttribute("draft", AccountDraft.EMPTY);
        model.addAttribute("fieldErrors", Map.of());
        return "account/list";
    }

    private void show(Model model, String q, String sector, String country, String sort, int page, Locale locale) {
        String sorting = sort != null && SORTS.containsKey(sort) ? sort : "name";
        String code = blankToNull(country);
        Page<AccountView> found = accounts.list(blankToNull(sector), code == null ? null : code.toUpperCase(Locale.ROOT),
                blankToNull(q), sorting, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("accounts", found);
        model.addAttribute("parentNames", references.names(Kind.ACCOUNT, found.items().stream().map(AccountView::parentAccountId)
                .filter(id -> id != null).toList()));
        model.addAttribute("q", q);
        model.addAttribute("sector", sector);
        model.addAttribute("country", country);
        model.addAttribute("sort", sorting);
        model.addAttribute("sorts", SORTS);
        model.addAttribute("format", new Format(locale, organization.currency()));
    }

    /** The sorts the list offers, by the message naming each. */
    static final Map<String, String> SORTS = sorts();

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("name", "accounts.sort.name");
        sorts.put("annualRevenue,desc", "accounts.sort.revenue");
        sorts.put("employees,desc", "accounts.sort.employees");
        return java.util.Collections.unmodifiableMap(sorts);
    }

    @PostMapping("/accounts")
    String create(@ModelAttribute("draft") AccountDraft typed, Model model, RedirectAttributes redirect, Locale locale) {
        actor.requireStaff();
        AccountDraft draft = typed.stripped();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        AccountForm form = form(draft, null, null, fieldErrors, locale);
        AccountView created = FormErrors.submit(fieldErrors, messages, locale, () -> accounts.create(form));
        if (created != null) {
            redirect.addFlashAttribute("flash", messages.getMessage("accounts.created", new Object[] {created.name()}, locale));
            return "redirect:/accounts/" + created.id();
        }
        show(model, null, null, null, null, 0, locale);
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        return "account/list";
    }

    @GetMapping("/accounts/{id}")
    String account(@PathVariable long id, Model model, Locale locale) {
        AccountView account = accounts.get(id);
        String parent = parentName(account);
        return page(model, account, parent, draftOf(account, parent), Map.of(), locale);
    }

    /** Saves the changed account at the version the page showed; bad fields are named beside them, a stale version writes nothing. */
    @PostMapping("/accounts/{id}")
    String edit(@PathVariable long id, @ModelAttribute("draft") AccountDraft typed, Model model, RedirectAttributes redirect, Locale locale) {
        actor.requireStaff();
        AccountView account = accounts.get(id);
        AccountDraft draft = typed.stripped();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        AccountForm form = form(draft, id, account, fieldErrors, locale);
        if (FormErrors.submit(fieldErrors, messages, locale, () -> accounts.edit(id, form, Versions.required(null, draft.version()))) != null) {
            redirect.addFlashAttribute("flash", messages.getMessage("deals.saved", null, locale));
            return "redirect:/accounts/" + id;
        }
        return page(model, account, parentName(account), draft, fieldErrors, locale);
    }

    /** The account's page: its details, its parent, its newest deals (within what the reader may see), the form holding {@code draft}. */
    private String page(Model model, AccountView account, String parentName, AccountDraft draft, Map<String, String> fieldErrors,
                        Locale locale) {
        Page<OpportunityView> deals = opportunities.forAccount(account.id(), 0, DEALS_SHOWN);
        model.addAttribute("account", account);
        model.addAttribute("parentName", parentName);
        model.addAttribute("deals", deals);
        model.addAttribute("partnerNames", references.names(Kind.PARTNER, deals.items().stream().map(OpportunityView::partnerId)
                .filter(id -> id != null).toList()));
        model.addAttribute("zone", organization.timeZone());
        model.addAttribute("format", new Format(locale, organization.currency()));
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        return "account/view";
    }

    /** The name of the account's parent company; null when it has none. */
    private String parentName(AccountView a) {
        Long parent = a.parentAccountId();
        return parent == null ? null : references.names(Kind.ACCOUNT, List.of(parent)).getOrDefault(parent, "#" + parent);
    }

    private static AccountDraft draftOf(AccountView a, String parentName) {
        String parent = orEmpty(parentName);
        return new AccountDraft(a.name(), orEmpty(a.sector()), orEmpty(a.country()), orEmpty(a.region()), orEmpty(a.city()),
                a.employees() == null ? "" : a.employees().toString(), a.annualRevenue() == null ? "" : a.annualRevenue().toPlainString(),
                a.yearEstablished() == null ? "" : a.yearEstablished().toString(), parent, orEmpty(a.externalId()), a.version());
    }

    /**
     * The form's values as the service takes them, each problem beside its field in the page's
     * language: numbers that are not, a parent company typed that names no single account (never the
     * account itself), and the form's own rules.
     */
    private AccountForm form(AccountDraft draft, Long editing, AccountView current, Map<String, String> fieldErrors, Locale locale) {
        if (draft.name().isEmpty()) {
            fieldErrors.put("name", messages.getMessage("accounts.name.missing", null, locale));
        }
        Integer employees = whole(draft.employees(), "employees", fieldErrors, locale);
        Integer year = whole(draft.yearEstablished(), "yearEstablished", fieldErrors, locale);
        BigDecimal revenue = null;
        if (!draft.annualRevenue().isEmpty()) {
            revenue = Amounts.parse(draft.annualRevenue(), BigDecimal.ZERO).orElse(null);
            if (revenue == null) {
                fieldErrors.put("annualRevenue", messages.getMessage("deals.amount.invalid", null, locale));
            }
        }
        Long parent = names.id(Kind.ACCOUNT, draft.parent(), current == null ? null : current.parentAccountId(), editing, "parent",
                "deals.noAccount", "deals.severalAccounts", fieldErrors, locale);
        AccountForm form = new AccountForm(blankToNull(draft.externalId()), draft.name(), blankToNull(draft.sector()), blankToNull(draft.country()),
                blankToNull(draft.region()), blankToNull(draft.city()), employees, revenue, year, parent, draft.version());
        validator.validate(form).forEach(problem -> fieldErrors.putIfAbsent(problem.getPropertyPath().toString(), problem.getMessage()));
        return form;
    }

    /** A whole number typed into {@code field}; none when blank; when not one, why beside it. */
    private Integer whole(String text, String field, Map<String, String> fieldErrors, Locale locale) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text.replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            fieldErrors.put(field, messages.getMessage("accounts.whole", null, locale));
            return null;
        }
    }
}
