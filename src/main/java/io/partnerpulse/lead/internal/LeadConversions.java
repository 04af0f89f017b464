package io.partnerpulse.lead.internal;

import java.time.Clock;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.deal.LeadConversion;
import io.partnerpulse.lead.LeadEvents;
import io.partnerpulse.lead.LeadStatus;
import io.partnerpulse.lead.LeadView;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Converts a lead when a partner's registration of it is approved. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LeadConversions implements LeadConversion {

    private final LeadStore store;
    private final LeadRepository leads;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CurrentActor actor;
    private final Clock clock;

    LeadConversions(LeadStore store, LeadRepository leads, AuditTrail audit, ApplicationEventPublisher events, CurrentActor actor,
                    Clock clock) {
        this.store = store;
        this.leads = leads;
        this.audit = audit;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public Attribution convertForPartner(long leadId, long partnerId) {
        LeadView lead = leads.find(leadId).orElseThrow(() -> ApiError.notFound("lead", leadId));
        if (lead.partnerId() != null && lead.partnerId() != partnerId) {
            throw ApiError.conflict("lead.illegal-transition", "Lead " + leadId + " belongs to partner " + lead.partnerId() + ".")
                    .saying("problem.lead.other-partner", leadId);
        }
        if (lead.status() == LeadStatus.CONVERTED || lead.status() == LeadStatus.DISQUALIFIED) {
            throw ApiError.conflict("lead.illegal-transition", "Lead " + leadId + " is " + lead.status() + " already.")
                    .saying("problem.lead.closed", leadId);
        }
        LeadStore.Change change = store.convert(leadId, lead.version(), clock.instant());
        audit.record(actor.name(), "lead.converted", "lead", leadId, change.before(), change.after());
        return new Attribution(lead.channelId(), lead.campaignId(), lead.ownerId(), lead.country(), lead.region(), lead.city());
    }

    @Override
    public void linked(long leadId, long opportunityId) {
        LeadView lead = leads.find(leadId).orElseThrow();
        events.publishEvent(new LeadEvents.LeadConverted(leadId, opportunityId, lead.partnerId(), clock.instant()));
    }
}
