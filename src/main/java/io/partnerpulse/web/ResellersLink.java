package io.partnerpulse.web;

import io.partnerpulse.partner.PartnerManagement;
import io.partnerpulse.shared.CurrentActor;
import org.springframework.stereotype.Component;

/** The header's "Resellers" link: shown to the users of a distributor (two-tier distribution), for their own partner. */
@Component("resellersLink")
public class ResellersLink {

    private final PartnerManagement partners;
    private final CurrentActor actor;

    ResellersLink(PartnerManagement partners, CurrentActor actor) {
        this.partners = partners;
        this.actor = actor;
    }

    /** The signed-in partner user's partner when it is a distributor; null for anyone else. */
    public Long distributor() {
        return actor.partner().filter(id -> partners.get(id).distributor()).orElse(null);
    }
}
