package io.partnerpulse.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the period and filter fields of a KPI view offer (fragments :: selectionFields): the dashboard's and the pivot's. */
@Component
class FilterChoices {

    private final JdbcClient jdbc;
    private final io.partnerpulse.shared.CurrentActor actor;
    private final io.partnerpulse.shared.References references;
    private final org.springframework.context.MessageSource messages;

    private final io.partnerpulse.partner.PartnerManagement partners;

    FilterChoices(JdbcClient jdbc, io.partnerpulse.shared.CurrentActor actor, io.partnerpulse.shared.References references,
                  org.springframework.context.MessageSource messages, io.partnerpulse.partner.PartnerManagement partners) {
        this.partners = partners;
        this.jdbc = jdbc;
        this.actor = actor;
        this.references = references;
        this.messages = messages;
    }

    void addTo(Model model, Selection selection, java.util.Locale locale) {
        model.addAttribute("narrowedTo", narrowedTo(selection, locale));
        model.addAttribute("selection", selection);
        model.addAttribute("periods", Selection.PERIODS);
        model.addAttribute("tiers", List.of("PLATINUM", "GOLD", "SILVER", "REGISTERED"));
        model.addAttribute("channelTypes", List.of("PAID", "EARNED", "OWNED"));
        model.addAttribute("units", jdbc.sql("select id, name from business_unit order by name").query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        model.addAttribute("departments", jdbc.sql("select id, name from department order by name").query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        model.addAttribute("regions", jdbc.sql("select distinct default_region from country order by 1").query(String.class).list());
        // a distributor's whole channel (two-tier distribution), for the organization's people
        model.addAttribute("distributors", actor.partner().isPresent() ? Map.of() : partners.distributors());
    }

    /**
     * The filters of a selection that the dashboard's and the pivot's forms do not show (a partner, an employee or a
     * campaign a link asked for), named, so that a page never shows narrowed numbers as the program's.
     * A partner user's own partner is not one: every number of theirs is its.
     */
    List<String> narrowedTo(Selection selection, Locale locale) {
        List<String> named = new java.util.ArrayList<>();
        if (selection.partnerId() != null && actor.partner().isEmpty()) {
            named.add(messages.getMessage("dashboard.narrowed.partner", new Object[] { name(io.partnerpulse.shared.References.Kind.PARTNER, selection.partnerId())}, locale));
        }
        if (selection.employeeId() != null) {
            named.add(messages.getMessage("dashboard.narrowed.employee", new Object[] { name(io.partnerpulse.shared.References.Kind.EMPLOYEE, selection.employeeId())}, locale));
        }
        if (selection.distributorId() != null) {
            named.add(messages.getMessage("dashboard.narrowed.distributor", new Object[] {
                    actor.partner().isPresent() ? references.names(io.partnerpulse.shared.References.Kind.PARTNER, List.of(selection.distributorId()))
                            .getOrDefault(selection.distributorId(), "#" + selection.distributorId())
                            : name(io.partnerpulse.shared.References.Kind.PARTNER, selection.distributorId())}, locale));
        }
        if (selection.campaignId() != null) {
            named.add(messages.getMessage("dashboard.narrowed.campaign", new Object[] { name(io.partnerpulse.shared.References.Kind.CAMPAIGN, selection.campaignId())}, locale));
        }
        return named;
    }

    /** A record's name for the narrowing line; a partner user, who may not read the organization's records, gets its number. */
    private String name(io.partnerpulse.shared.References.Kind kind, long id) {
        String name = actor.partner().isPresent() ? null : references.names(kind, List.of(id)).get(id);
        return name == null ? "#" + id : name;
    }

}
