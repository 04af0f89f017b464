package io.partnerpulse.lead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.deal.OpportunityForm;
import io.partnerpulse.deal.OpportunityManagement;
import io.partnerpulse.deal.OpportunityView;
import io.partnerpulse.lead.internal.LeadRepository;
import io.partnerpulse.lead.internal.LeadStore;
import io.partnerpulse.partner.PartnerDirectory;
import io.partnerpulse.partner.PartnerStatus;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads: created, qualified or disqualified, assigned to a partner (by hand or by the distribution
 * rules) and converted into an opportunity.
 */
@Service
@Transactional
public class LeadManagement {

    private final LeadRepository leads;
    private final LeadStore store;
    private final OpportunityManagement opportunities;
    private final PartnerDirectory partners;
    private final References references;
    private final LeadProperties properties;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CurrentActor actor;
    private final Clock clock;

    LeadManagement(LeadRepository leads, LeadStore store, OpportunityManagement opportunities, PartnerDirectory partners,
                   References references, LeadProperties properties, AuditTrail audit, ApplicationEventPublisher events,
                   CurrentActor actor, Clock clock) {
        this.leads = leads;
        this.store = store;
        this.opportunities = opportunities;
        this.partners = partners;
        this.references = references;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    /** Creates a lead; {@code partnerId} when a partner brought it. */
    public LeadView create(LeadForm form, Long requestedPartnerId) {
        Long partnerId = actor.partner().isPresent() ? actor.partnerFilter(requestedPartnerId == null ? null
                : java.util.List.of(requestedPartnerId)).get(0) : requestedPartnerId;
        check(form);
        references.check().exists("partnerId", Kind.PARTNER, partnerId).orThrow();
        LeadView view = store.create(form, partnerId, clock.instant());
        audit.record(actor.name(), "lead.created", "lead", view.id(), null, view);
        return view;
    }

    public LeadView edit(long id, LeadForm form, long version) {
        get(id);
        check(form);
        return audited("lead.edited", store.edit(id, version, form));
    }

    public LeadView qualify(long id, long version) {
        get(id);
        return audited("lead.qualified", store.qualify(id, version, clock.instant()));
    }

    public LeadView disqualify(long id, LeadRequests.Disqualify request, long version) {
        get(id);
        return audited("lead.disqualified", store.disqualify(id, version, request.reason(), clock.instant()));
    }

    public LeadView assign(long id, LeadRequests.Assign request, long version) {
        actor.requireStaff();
        get(id);
        PartnerStatus status = partners.status(request.partnerId())
                .orElseThrow(() -> ApiError.invalid("partnerId", "there is no partner with id " + request.partnerId(),
                        "problem.field.no-record", request.partnerId()));
        if (status != PartnerStatus.ACTIVE && status != PartnerStatus.ONBOARDING) {
            throw ApiError.invalid("partnerId", "partner " + request.partnerId() + " is " + status + " and takes no leads",
                    "problem.lead.partner-inactive", request.partnerId());
        }
        String reason = request.reason() == null || request.reason().isBlank() ? "Assigned by " + actor.name() : request.reason().trim();
        LeadView view = audited("lead.assigned", store.assign(id, version, request.partnerId(), clock.instant(), actor.name(), reason));
        events.publishEvent(new LeadEvents.LeadAssigned(id, request.partnerId(), reason, clock.instant()));
        return view;
    }

    /** Converts the lead into an opportunity that keeps its partner, channel, campaign and location. */
    public LeadView convert(long id, LeadRequests.Convert request, long version) {
        get(id);
        LeadStore.Change change = store.convert(id, version, clock.instant());
        LeadView lead = change.before();
        OpportunityView opened = opportunities.openFromLead(new OpportunityForm(null, request.name(), request.amount(),
                request.currency(), request.accountId(), lead.partnerId(),
                request.ownerId() != null ? request.ownerId() : lead.ownerId(), request.productLineId(), lead.channelId(),
                lead.campaignId(), lead.country(), lead.region(), lead.city(), request.expectedCloseOn(), null, null),
                id, lead.channelId(), lead.campaignId());
        LeadView after = leads.find(id).orElseThrow();
        audit.record(actor.name(), "lead.converted", "lead", id, lead, after);
        events.publishEvent(new LeadEvents.LeadConverted(id, opened.id(), opened.partnerId(), clock.instant()));
        return after;
    }

    /**
     * Routes unassigned open leads to active partners. For each lead, the candidates are the active
     * partners in its country (else in its region, else all) that have room under their open-lead
     * capacity; the one with the highest tier weight × free share of capacity wins (ties: fewer open
     * leads, then the lower id). Each assignment records why.
     */
    public List<AssignmentView> distribute(LeadRequests.Distribute request) {
        actor.requireStaff();
        if (actor.orgScope().isPresent()) {
            throw ApiError.conflict("lead.distribution-unscoped", "Lead distribution routes the whole program's leads; a manager scoped to a unit or department cannot run it.");
        }
        List<PartnerDirectory.Candidate> candidates = partners.activePartners();
        Map<Long, Integer> open = store.openLeadsByPartner();
        int capacity = properties.partnerCapacity();
        List<AssignmentView> assigned = new ArrayList<>();
        Instant now = clock.instant();
        for (long leadId : store.lockUnassigned(request.leadIds(), request.limit() == null ? 1_000 : request.limit())) {
            LeadView lead = leads.find(leadId).orElseThrow();
            List<PartnerDirectory.Candidate> pool = candidates.stream().filter(c -> c.country().equals(lead.country())).toList();
            String scope = "country " + lead.country();
            if (pool.stream().noneMatch(c -> open.getOrDefault(c.id(), 0) < capacity)) {
                pool = candidates.stream().filter(c -> c.region().equals(lead.region())).toList();
                scope = "region " + lead.region();
            }
            if (pool.stream().noneMatch(c -> open.getOrDefault(c.id(), 0) < capacity)) {
                pool = candidates;
                scope = "no partner in its country or region";
            }
            Optional<PartnerDirectory.Candidate> best = pool.stream()
                    .filter(c -> open.getOrDefault(c.id(), 0) < capacity)
                    .max(Comparator.comparing((PartnerDirectory.Candidate c) -> score(c, open.getOrDefault(c.id(), 0), capacity))
                            .thenComparing(c -> -open.getOrDefault(c.id(), 0))
                            .thenComparing(c -> -c.id()));
            if (best.isEmpty()) {
                continue;
            }
            PartnerDirectory.Candidate partner = best.get();
            int held = open.getOrDefault(partner.id(), 0);
            String reason = "Routed: " + scope + "; tier " + partner.tier() + " weight " + partner.leadWeight().stripTrailingZeros().toPlainString()
                    + "; " + held + " of " + capacity + " open leads";
            audited("lead.routed", store.assign(leadId, lead.version(), partner.id(), now, "distribution", reason));
            events.publishEvent(new LeadEvents.LeadAssigned(leadId, partner.id(), reason, now));
            open.merge(partner.id(), 1, Integer::sum);
            assigned.add(new AssignmentView(leadId, partner.id(), partner.name(), reason, now));
        }
        return assigned;
    }

    private static BigDecimal score(PartnerDirectory.Candidate c, int held, int capacity) {
        return c.leadWeight().multiply(BigDecimal.valueOf(capacity - held)).divide(BigDecimal.valueOf(capacity), 6, RoundingMode.HALF_EVEN);
    }

    /** Leads whose company, contact or e-mail holds {@code text} (within what the current user may see), newest first. */
    @Transactional(readOnly = true)
    public Page<LeadView> search(String text, int size) {
        return list(new LeadRepository.Filter(null, null, null, null, null, null, null, null, null, text), null, 0, size);
    }

    @Transactional(readOnly = true)
    public LeadView get(long id) {
        LeadView view = leads.find(id).orElseThrow(() -> ApiError.notFound("lead", id));
        actor.requireOwn(view.partnerId(), "lead", id);
        actor.orgScope().ifPresent(scope -> {
            if (!references.inScope(view.ownerId(), scope)) {
                throw ApiError.notFound("lead", id);
            }
        });
        return view;
    }

    @Transactional(readOnly = true)
    public List<AssignmentView> assignments(long id) {
        get(id);
        return leads.assignments(id);
    }

    /** How many leads of a partner are open (new or qualified), as the one asking may see them. */
    @Transactional(readOnly = true)
    public long openLeads(long partnerId) {
        return list(new LeadRepository.Filter(List.of(partnerId), null, List.of(LeadStatus.NEW, LeadStatus.QUALIFIED), null, null, null,
                null, null, null, null), null, 0, 1).total();
    }

    @Transactional(readOnly = true)
    public Page<LeadView> list(LeadRepository.Filter filter, String sort, int page, int size) {
        return leads.list(filter.withPartners(actor.partnerFilter(filter.partnerIds())), actor.orgScope().orElse(null), sort, page, size);
    }

    private LeadView audited(String action, LeadStore.Change change) {
        audit.record(actor.name(), action, "lead", change.after().id(), change.before(), change.after());
        return change.after();
    }

    private void check(LeadForm form) {
        references.check()
                .exists("channelId", Kind.CHANNEL, form.channelId())
                .campaign("campaignId", form.campaignId(), actor.partner().orElse(null))
                .exists("ownerId", Kind.EMPLOYEE, form.ownerId())
                .ownedInScope("ownerId", form.ownerId(), actor.orgScope())
                .country("country", form.country())
                .orThrow();
    }
}
