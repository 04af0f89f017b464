package io.partnerpulse.lead;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces leads that were converted around this module (an import whose deals name them, with
 * set-based SQL) the way the module announces its own conversions: a {@link LeadEvents.LeadConverted},
 * inside the caller's transaction, so that the webhook is queued only if it commits.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class LeadConversionAnnouncer {

    private final ApplicationEventPublisher events;

    LeadConversionAnnouncer(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** The lead became the deal {@code opportunityId} at {@code at}; {@code partnerId}: the lead's partner, if any. */
    public void announce(long leadId, long opportunityId, Long partnerId, Instant at) {
        events.publishEvent(new LeadEvents.LeadConverted(leadId, opportunityId, partnerId, at));
    }
}
