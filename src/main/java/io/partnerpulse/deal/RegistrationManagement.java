package io.partnerpulse.deal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.deal.internal.ConflictReasons;
import io.partnerpulse.deal.internal.OpportunityRepository;
import io.partnerpulse.deal.internal.OpportunityWorkflow;
import io.partnerpulse.deal.internal.RegistrationRepository;
import io.partnerpulse.deal.internal.RegistrationStore;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deal registration: a partner submits an opportunity it found, a channel manager approves (which
 * opens the opportunity for the partner) or rejects it, and a pending one expires after
 * {@code partnerpulse.registration.expiry}. A submission that collides with another partner's live
 * registration, or with an open opportunity, for the same customer and product line is rejected
 * (or flagged) naming what it collides with; submissions of one customer and product line are
 * serialized so that of two at the same moment exactly one goes through.
 */
@Service
@Transactional
public class RegistrationManagement {

    private final RegistrationRepository registrations;
    private final RegistrationStore store;
    private final OpportunityRepository opportunities;
    private final OpportunityWorkflow workflow;
    private final References references;
    private final java.util.Optional<LeadConversion> leads;
    private final RegistrationProperties properties;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CurrentActor actor;
    private final Clock clock;
    private final io.partnerpulse.shared.OrganizationSettings organization;

    RegistrationManagement(io.partnerpulse.shared.OrganizationSettings organization, RegistrationRepository registrations, RegistrationStore store, OpportunityRepository opportunities,
                           OpportunityWorkflow workflow, References references, java.util.Optional<LeadConversion> leads,
                           RegistrationProperties properties,
                           AuditTrail audit, ApplicationEventPublisher events, CurrentActor actor, Clock clock) {
        this.registrations = registrations;
        this.store = store;
        this.opportunities = opportunities;
        this.workflow = workflow;
        this.references = references;
        this.leads = leads;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
        this.organization = organization;
    }

    public RegistrationView submit(RegistrationRequests.Submit request) {
        actor.partnerFilter(java.util.List.of(request.partnerId()));
        references.check()
                .exists("partnerId", Kind.PARTNER, request.partnerId())
                .exists("accountId", Kind.ACCOUNT, request.accountId())
                .exists("productLineId", Kind.PRODUCT_LINE, request.productLineId())
                .exists("opportunityId", Kind.OPPORTUNITY, request.opportunityId())
                .exists("leadId", Kind.LEAD, request.leadId())
                .rule(request.leadId() == null || request.opportunityId() == null, "leadId", "name a lead or an opportunity, not both", "problem.registration.lead-or-deal")
                .rule(request.estimatedAmount() == null || request.currency() != null, "currency", "is required with an estimated amount", "problem.registration.currency")
                .currency("currency", request.currency(), organization.currency())
                .orThrow();
        if (request.opportunityId() != null) {
            OpportunityView opportunity = opportunities.find(request.opportunityId()).orElseThrow();
            if (opportunity.partnerId() != null && !opportunity.partnerId().equals(request.partnerId())) {
                throw ApiError.invalid("opportunityId", "belongs to another partner", "problem.registration.other-partner");
            }
        }
        Instant now = clock.instant();
        RegistrationView saved = store.submit(request, now, properties);
        audit.record(actor.name(), "registration.submitted", "registration", saved.id(), null, saved);
        events.publishEvent(new DealEvents.RegistrationSubmitted(saved.id(), saved.partnerId(),
                saved.conflictingRegistrationId() != null || saved.conflictingOpportunityId() != null, now));
        if (saved.outcome() == RegistrationOutcome.REJECTED) {
            events.publishEvent(new DealEvents.RegistrationRejected(saved.id(), saved.partnerId(), saved.reason(), now));
        }
        return seenByActor(saved);
    }

    /** Corrects a pending registration's details; a decided one is history and cannot change. */
    public RegistrationView edit(long id, RegistrationRequests.Edit request, long version) {
        references.check()
                .exists("accountId", Kind.ACCOUNT, request.accountId())
                .exists("productLineId", Kind.PRODUCT_LINE, request.productLineId())
                .rule(request.estimatedAmount() == null || request.currency() != null, "currency", "is required with an estimated amount", "problem.registration.currency")
                .currency("currency", request.currency(), organization.currency())
                .orThrow();
        RegistrationView before = pending(id, version);
        store.edit(before, version, request);
        RegistrationView after = get(id);
        audit.record(actor.name(), "registration.edited", "registration", id, before, after);
        return seenByActor(after);
    }

    public RegistrationView approve(long id, RegistrationRequests.Approve request, long version) {
        actor.requireStaff();
        references.check().exists("ownerId", Kind.EMPLOYEE, request.ownerId()).orThrow();
        RegistrationView before = pending(id, version);
        Instant now = clock.instant();
        Long opportunityId = before.opportunityId();
        if (opportunityId == null) {
            LeadConversion.Attribution from = before.leadId() == null ? null
                    : leads.orElseThrow().convertForPartner(before.leadId(), before.partnerId());
            OpportunityForm form = new OpportunityForm(null, before.customerName(),
                    before.estimatedAmount() == null ? java.math.BigDecimal.ZERO.setScale(2) : before.estimatedAmount(),
                    before.currency() == null ? "USD" : before.currency(), before.accountId(), before.partnerId(),
                    request.ownerId() != null ? request.ownerId() : from == null ? null : from.ownerId(), before.productLineId(),
                    from == null ? null : from.channelId(), from == null ? null : from.campaignId(),
                    from == null ? null : from.country(), from == null ? null : from.region(), from == null ? null : from.city(),
                    null, null, null);
            opportunityId = workflow.open(form, before.leadId(), null, null, actor.name(), now).id();
            if (before.leadId() != null) {
                leads.orElseThrow().linked(before.leadId(), opportunityId);
            }
        } else if (store.approvedFor(opportunityId)) {
            throw ApiError.conflict("registration.already-registered",
                    "Opportunity " + opportunityId + " already has an approved registration.")
                    .saying("problem.registration.already-registered", opportunityId);
        }
        store.decide(before, version, RegistrationOutcome.APPROVED, now, actor.name(), null, opportunityId);
        RegistrationView after = get(id);
        audit.record(actor.name(), "registration.approved", "registration", id, before, after);
        events.publishEvent(new DealEvents.RegistrationApproved(id, after.partnerId(), opportunityId, now));
        return after;
    }

    public RegistrationView reject(long id, RegistrationRequests.Reject request, long version) {
        actor.requireStaff();
        RegistrationView before = pending(id, version);
        Instant now = clock.instant();
        store.decide(before, version, RegistrationOutcome.REJECTED, now, actor.name(), request.reason().trim(), null);
        RegistrationView after = get(id);
        audit.record(actor.name(), "registration.rejected", "registration", id, before, after);
        events.publishEvent(new DealEvents.RegistrationRejected(id, after.partnerId(), after.reason(), now));
        return after;
    }

    /** Expires the pending registrations past their expiry; returns how many. */
    public int expireDue() {
        actor.requireStaff();
        Instant now = clock.instant();
        int expired = 0;
        for (RegistrationView due : store.lockExpired(now, 1_000)) {
            store.decide(due, due.version(), RegistrationOutcome.EXPIRED, due.expiresAt(), "system",
                    "No progress within " + properties.expiry().toDays() + " days", null);
            RegistrationView after = get(due.id());
            audit.record("system", "registration.expired", "registration", due.id(), due, after);
            events.publishEvent(new DealEvents.RegistrationExpired(due.id(), due.partnerId(), due.expiresAt()));
            expired++;
        }
        return expired;
    }

    @Transactional(readOnly = true)
    public RegistrationView get(long id) {
        RegistrationView view = registrations.find(id).orElseThrow(() -> ApiError.notFound("registration", id));
        actor.requireOwn(view.partnerId(), "registration", id);
        if (actor.orgScope().isPresent() && !inScope(view, actor.orgScope().get())) {
            throw ApiError.notFound("registration", id);
        }
        return seenByActor(view);
    }

    /** A partner's registrations, newest first (within what the current user may see). */
    @Transactional(readOnly = true)
    public Page<RegistrationView> forPartner(long partnerId, int page, int size) {
        return list(new RegistrationRepository.Filter(List.of(partnerId), null, null, null, null, null, null), null, page, size);
    }

    @Transactional(readOnly = true)
    public Page<RegistrationView> list(RegistrationRepository.Filter filter, String sort, int page, int size) {
        return registrations.list(filter.withPartners(actor.partnerFilter(filter.partnerIds())), actor.orgScope().orElse(null), sort, page, size)
                .map(this::seenByActor);
    }

    /**
     * A registration as the current user may see it: staff see which partner's registration or which
     * deal it conflicts with; a partner user learns only that the customer is taken, never by whom (the
     * competing partner, its registration or the deal are another partner's business).
     */
    private RegistrationView seenByActor(RegistrationView view) {
        if (actor.partner().isEmpty() || (view.reason() == null && view.conflictingRegistrationId() == null
                && view.conflictingOpportunityId() == null)) {
            return view;
        }
        String reason = ConflictReasons.forPartner(view.reason());
        return new RegistrationView(view.id(), view.externalId(), view.partnerId(), view.opportunityId(), view.leadId(), view.accountId(),
                view.productLineId(), view.customerName(), view.estimatedAmount(), view.currency(), view.submittedAt(), view.expiresAt(),
                view.decidedAt(), view.decidedBy(), view.outcome(), reason, null, null, view.flagged(), view.version());
    }

    private boolean inScope(RegistrationView view, io.partnerpulse.shared.CurrentActor.OrgScope scope) {
        Long owner = view.opportunityId() == null ? null : opportunities.find(view.opportunityId()).map(OpportunityView::ownerId).orElse(null);
        return references.inScope(owner, scope) || references.inScope(partnerManager(view.partnerId()), scope);
    }

    private Long partnerManager(long partnerId) {
        return store.partnerManager(partnerId);
    }

    private RegistrationView pending(long id, long version) {
        get(id);
        RegistrationView current = store.lock(id).orElseThrow(() -> ApiError.notFound("registration", id));
        if (current.version() != version) {
            throw ApiError.staleVersion("registration", id, version);
        }
        if (current.outcome() != RegistrationOutcome.PENDING) {
            throw ApiError.conflict("registration.illegal-transition",
                    "Registration " + id + " is " + current.outcome() + " already; only a pending registration can be decided.")
                    .saying("problem.registration.decided", id);
        }
        return current;
    }

}
