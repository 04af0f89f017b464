package io.partnerpulse.web;

import java.util.Locale;

import io.partnerpulse.account.AccountManagement;
import io.partnerpulse.deal.OpportunityManagement;
import io.partnerpulse.lead.LeadManagement;
import io.partnerpulse.organization.OrganizationManagement;
import io.partnerpulse.partner.PartnerManagement;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The header's search: the partners, deals, leads, customer accounts and employees whose names hold
 * the words typed, a few of each with a link to the whole list filtered by them. What it finds is
 * what the reader may see: a partner user its own partner, deals and leads; a scoped manager its scope.
 */
@Controller
class SearchPage {

    /** Records of each kind shown; the kind's list holds the rest. */
    static final int EACH = 10;

    private final PartnerManagement partners;
    private final OpportunityManagement deals;
    private final LeadManagement leads;
    private final AccountManagement accounts;
    private final OrganizationManagement organization;
    private final CurrentActor actor;
    private final OrganizationSettings settings;

    SearchPage(PartnerManagement partners, OpportunityManagement deals, LeadManagement leads, AccountManagement accounts,
               OrganizationManagement organization, CurrentActor actor, OrganizationSettings settings) {
        this.partners = partners;
        this.deals = deals;
        this.leads = leads;
        this.accounts = accounts;
        this.organization = organization;
        this.actor = actor;
        this.settings = settings;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, Model model, Locale locale) {
        String text = q.strip();
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        model.addAttribute("q", text);
        model.addAttribute("format", new Format(locale, settings.currency()));
        if (text.isEmpty() || text.indexOf('\0') >= 0) {
            model.addAttribute("searched", false);
            return "search";
        }
        model.addAttribute("searched", true);
        model.addAttribute("partners", partners.search(text, EACH));
        model.addAttribute("deals", deals.search(text, EACH));
        model.addAttribute("leads", leads.search(text, EACH));
        boolean staff = actor.partner().isEmpty();
        model.addAttribute("accounts", staff ? accounts.list(null, null, text, "name", 0, EACH) : null);
        model.addAttribute("employees", staff ? organization.employees(null, null, null, text, "fullName", 0, EACH) : null);
        return "search";
    }
}
