package io.partnerpulse.deal.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Consumer;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.deal.DealEvents;
import io.partnerpulse.deal.OpportunityForm;
import io.partnerpulse.deal.OpportunityView;
import io.partnerpulse.deal.Stage;
import io.partnerpulse.shared.ApiError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps every opportunity change takes: check the version, apply the aggregate's guarded method,
 * write, audit, publish. A change starts from the opportunity as its caller read it with
 * {@link OpportunityRepository#lock} (locked, access checked); the update's {@code version} condition
 * still turns a caller that did not lock into a 409, never a lost write. Shared by the opportunity
 * service and the registration service (which opens the deal of an approved registration).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class OpportunityWorkflow {

    private final OpportunityRepository opportunities;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    OpportunityWorkflow(OpportunityRepository opportunities, AuditTrail audit, ApplicationEventPublisher events) {
        this.opportunities = opportunities;
        this.audit = audit;
        this.events = events;
    }

    public OpportunityView open(OpportunityForm form, Long leadId, Long channelId, Long campaignId, String by, Instant now) {
        Opportunity o = Opportunity.open(form, leadId, now, by);
        o.attributeTo(channelId, campaignId);
        OpportunityView view = opportunities.insert(o);
        long id = view.id();
        audit.record(by, "opportunity.opened", "opportunity", id, null, view);
        events.publishEvent(new DealEvents.OpportunityOpened(id, view.partnerId(), leadId, view.createdAt()));
        return view;
    }

    public OpportunityView edit(OpportunityView before, OpportunityForm form, long version, String by) {
        return change(before, version, by, "opportunity.edited", o -> o.change(form));
    }

    public OpportunityView move(OpportunityView before, Stage stage, Instant at, long version, String by) {
        long id = before.id();
        Stage[] from = new Stage[1];
        OpportunityView view = change(before, version, by, "opportunity.moved", o -> {
            from[0] = o.stage();
            o.moveTo(stage, at, by);
        });
        events.publishEvent(new DealEvents.OpportunityStageChanged(id, from[0], stage, at, by));
        return view;
    }

    public OpportunityView win(OpportunityView before, Instant at, BigDecimal amount, long version, String by) {
        long id = before.id();
        Stage[] from = new Stage[1];
        OpportunityView view = change(before, version, by, "opportunity.won", o -> {
            from[0] = o.stage();
            o.win(at, amount, by);
        });
        events.publishEvent(new DealEvents.OpportunityStageChanged(id, from[0], Stage.WON, at, by));
        events.publishEvent(new DealEvents.DealWon(id, view.partnerId(), view.amount(), view.currency(), at));
        return view;
    }

    public OpportunityView lose(OpportunityView before, Instant at, String reason, String competitor, long version, String by) {
        long id = before.id();
        Stage[] from = new Stage[1];
        OpportunityView view = change(before, version, by, "opportunity.lost", o -> {
            from[0] = o.stage();
            o.lose(at, reason, competitor, by);
        });
        events.publishEvent(new DealEvents.OpportunityStageChanged(id, from[0], Stage.LOST, at, by));
        events.publishEvent(new DealEvents.DealLost(id, view.partnerId(), view.lostReason(), view.competitor(), at));
        return view;
    }

    public OpportunityView reopen(OpportunityView before, Stage stage, Instant at, long version, String by) {
        long id = before.id();
        Stage[] was = new Stage[1];
        OpportunityView view = change(before, version, by, "opportunity.reopened", o -> was[0] = o.reopen(stage, at, by));
        events.publishEvent(new DealEvents.OpportunityStageChanged(id, was[0], view.stage(), at, by));
        events.publishEvent(new DealEvents.DealReopened(id, view.partnerId(), was[0], at));
        return view;
    }

    /**
     * {@code before}: the opportunity as the caller read and locked it ({@link OpportunityRepository#lock})
     * to check access; the audit log's "before".
     */
    private OpportunityView change(OpportunityView before, long version, String by, String action, Consumer<Opportunity> change) {
        long id = before.id();
        Opportunity o = Opportunity.restore(before);
        if (o.version() != version) {
            throw ApiError.staleVersion("opportunity", id, version);
        }
        change.accept(o);
        OpportunityView after = opportunities.update(o, version);
        audit.record(by, action, "opportunity", id, before, after);
        return after;
    }
}
