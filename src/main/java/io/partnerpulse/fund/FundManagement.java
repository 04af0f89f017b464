package io.partnerpulse.fund;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.partnerpulse.audit.AuditTrail;
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
import io.partnerpulse.fund.FundRecords.Totals;
import io.partnerpulse.fund.internal.FundClaim;
import io.partnerpulse.fund.internal.FundRequest;
import io.partnerpulse.fund.internal.FundStore;
import io.partnerpulse.fund.internal.FundStore.Filter;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.ListQuery;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Market development funds. Staff allocate a partner an amount for a period; the partner (or staff
 * for it) requests money from it for an activity, naming the co-marketing campaign it pays for; staff
 * approve a request for at most what is left of the allocation, or reject it with a reason; the
 * partner claims what it spent, with proof, up to what was approved; staff approve or reject each claim
 * and record its payment. Approvals against one allocation, and claims against one request, are taken
 * one at a time (row locks), so that two at the same moment cannot overspend it. Partner users see and
 * act on their own partner's funds only; a manager scoped to a unit or department sees the funds of
 * the partners managed in it.
 */
@Service
@Transactional
public class FundManagement {

    private final FundStore store;
    private final References references;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CurrentActor actor;
    private final OrganizationSettings organization;
    private final Clock clock;

    FundManagement(FundStore store, References references, AuditTrail audit, ApplicationEventPublisher events, CurrentActor actor,
                   OrganizationSettings organization, Clock clock) {
        this.store = store;
        this.references = references;
        this.audit = audit;
        this.events = events;
        this.actor = actor;
        this.organization = organization;
        this.clock = clock;
    }

    // ----- allocations

    public AllocationView allocate(AllocationForm form) {
        actor.requireStaff();
        references.check()
                .exists("partnerId", Kind.PARTNER, form.partnerId())
                .rule(form.periodEnd().isAfter(form.periodStart()), "periodEnd", "must be after periodStart (it is exclusive)", "problem.target.period")
                .currency("currency", form.currency(), organization.currency())
                .orThrow();
        long id = store.insertAllocation(form);
        AllocationView view = allocation(id);
        audit.record(actor.name(), "fund-allocation.created", "fund-allocation", id, null, view);
        return view;
    }

    /**
     * Changes an allocation's period, amount, currency or note: never below what is approved from it,
     * never leaving a live request's activity outside its period, never to another currency once
     * requested from (their amounts are in it); its partner stays.
     */
    public AllocationView editAllocation(long id, AllocationForm form, long version) {
        actor.requireStaff();
        AllocationView before = allocation(id);
        store.lockAllocation(id);
        AllocationView current = allocation(id);
        if (current.version() != version) {
            throw ApiError.staleVersion("fund-allocation", id, version);
        }
        java.util.Optional<LocalDate[]> span = store.requestSpan(id);
        references.check()
                .rule(form.partnerId().equals(current.partnerId()), "partnerId", "cannot change: allocate the other partner its own fund",
                        "problem.fund.partner-fixed")
                .rule(form.periodEnd().isAfter(form.periodStart()), "periodEnd", "must be after periodStart (it is exclusive)", "problem.target.period")
                .rule(form.amount().compareTo(current.approved()) >= 0, "amount",
                        "must be at least the " + current.approved().toPlainString() + " already approved from it", "problem.fund.below-approved",
                        current.approved().toPlainString())
                .rule(form.currency().equals(current.currency()) || !store.hasRequests(id), "currency",
                        "cannot change once money has been requested from the allocation", "problem.fund.currency-fixed")
                .rule(span.isEmpty() || (!span.get()[0].isBefore(form.periodStart()) && span.get()[1].isBefore(form.periodEnd())),
                        "periodStart", "must keep the activities already requested inside the period", "problem.fund.period-requests")
                .currency("currency", form.currency(), organization.currency())
                .orThrow();
        if (!store.updateAllocation(id, version, form)) {
            throw ApiError.staleVersion("fund-allocation", id, version);
        }
        AllocationView after = allocation(id);
        audit.record(actor.name(), "fund-allocation.edited", "fund-allocation", id, before, after);
        return after;
    }

    /** Removes an allocation nobody has requested money from (one with requests is history). */
    public void deleteAllocation(long id, long version) {
        actor.requireStaff();
        AllocationView before = allocation(id);
        store.lockAllocation(id);
        if (store.hasRequests(id)) {
            throw ApiError.conflict("fund.allocation.requested", "Fund allocation " + id + " has requests; it can no longer be removed.")
                    .saying("problem.fund.allocation-requested", id);
        }
        if (!store.deleteAllocation(id, version)) {
            throw ApiError.staleVersion("fund-allocation", id, version);
        }
        audit.record(actor.name(), "fund-allocation.deleted", "fund-allocation", id, before, null);
    }

    @Transactional(readOnly = true)
    public AllocationView allocation(long id) {
        AllocationView view = store.allocation(id).orElseThrow(() -> ApiError.notFound("fund-allocation", id));
        visible(view.partnerId(), "fund-allocation", id);
        return view;
    }

    @Transactional(readOnly = true)
    public Page<AllocationView> allocations(Long partnerId, Integer year, String sort, int page, int size) {
        return store.allocations(filter(partnerId, year, null, null, null), actor.orgScope().orElse(null), sort, page, size);
    }

    // ----- requests

    /** A partner asks for money from its allocation for one activity (staff may ask for it). */
    public RequestView request(RequestForm form) {
        AllocationView allocation = store.allocation(form.allocationId())
                .filter(a -> canSee(a.partnerId()))
                .orElseThrow(() -> ApiError.invalid("allocationId", "there is no fund allocation with id " + form.allocationId(),
                        "problem.field.no-record", form.allocationId()));
        long partner = allocation.partnerId();
        boolean ownCampaign = form.campaignId() == null || store.campaignOf(form.campaignId(), partner);
        references.check()
                .rule(!form.startsOn().isBefore(allocation.periodStart()) && form.startsOn().isBefore(allocation.periodEnd()), "startsOn",
                        "must fall in the allocation's period, " + allocation.periodStart() + " to " + allocation.periodEnd().minusDays(1),
                        "problem.fund.outside-period", allocation.periodStart(), allocation.periodEnd().minusDays(1))
                .rule(!form.endsOn().isBefore(form.startsOn()), "endsOn", "must not be before startsOn", "problem.fund.ends-before")
                .rule(form.requestedAmount().compareTo(allocation.available()) <= 0, "requestedAmount",
                        "is more than the " + allocation.available().toPlainString() + " left of the allocation", "problem.fund.more-than-available",
                        allocation.available().toPlainString())
                .rule(ownCampaign || actor.partner().isPresent(), "campaignId", "is not a co-marketing campaign of this partner",
                        "problem.fund.campaign-other")
                .rule(ownCampaign || actor.partner().isEmpty(), "campaignId", "there is no campaign with id " + form.campaignId(),
                        "problem.field.no-record", form.campaignId())
                .orThrow();
        long id = store.insertRequest(form, partner, clock.instant(), actor.name());
        RequestView view = store.request(id).orElseThrow();
        audit.record(actor.name(), "fund-request.submitted", "fund-request", id, null, view);
        return view;
    }

    /** Approves a submitted request for {@code approvedAmount} (all it asked for when empty), at most what the allocation has left. */
    public RequestView approve(long id, Approval approval, long version) {
        actor.requireStaff();
        RequestView before = fundRequest(id);
        store.lockAllocation(before.allocationId());
        FundRequest next = current(id, version).approve(approval.approvedAmount(), store.allocation(before.allocationId()).orElseThrow().available());
        return decided(before, next, version, "fund-request.approved");
    }

    public RequestView reject(long id, Refusal refusal, long version) {
        actor.requireStaff();
        RequestView before = fundRequest(id);
        RequestView after = decided(before, current(id, version).reject(refusal.reason()), version, "fund-request.rejected");
        events.publishEvent(new FundEvents.FundRequestRejected(id, after.partnerId(), refusal.reason(), clock.instant()));
        return after;
    }

    /** Withdraws a request (its partner or staff): a submitted one, or an approved one nothing has been claimed against; its money goes back to the allocation. */
    public RequestView withdraw(long id, Refusal refusal, long version) {
        RequestView before = fundRequest(id);
        store.lockAllocation(before.allocationId());
        FundRequest current = current(id, version);
        return decided(before, current.withdraw(refusal == null ? null : refusal.reason(), store.request(id).orElseThrow().claimed().signum() > 0),
                version, "fund-request.withdrawn");
    }

    @Transactional(readOnly = true)
    public RequestView fundRequest(long id) {
        RequestView view = store.request(id).orElseThrow(() -> ApiError.notFound("fund-request", id));
        visible(view.partnerId(), "fund-request", id);
        return view;
    }

    @Transactional(readOnly = true)
    public Page<RequestView> requests(Long partnerId, Integer year, Long allocationId, RequestStatus status, String sort, int page, int size) {
        return store.requests(filter(partnerId, year, allocationId, null, status == null ? null : status.name()),
                actor.orgScope().orElse(null), sort, page, size);
    }

    // ----- claims

    /** A partner claims what it spent on an approved request, with proof, up to what is left of the approval. */
    public ClaimView claim(ClaimForm form) {
        RequestView request = store.request(form.requestId())
                .filter(r -> canSee(r.partnerId()))
                .orElseThrow(() -> ApiError.invalid("requestId", "there is no fund request with id " + form.requestId(),
                        "problem.field.no-record", form.requestId()));
        FundRequest locked = store.lockRequest(request.id()).orElseThrow();
        RequestView current = store.request(request.id()).orElseThrow();
        locked.claim(form.amount(), current.claimable());
        long id = store.insertClaim(current.id(), current.partnerId(), form.amount(), form.proof(), clock.instant(), actor.name());
        ClaimView view = store.claim(id).orElseThrow();
        audit.record(actor.name(), "fund-claim.submitted", "fund-claim", id, null, view);
        return view;
    }

    /** A claim with the files that prove it, in one step: all of it is kept, or (a file refused) none of it. */
    public ClaimView claim(ClaimForm form, List<FundRecords.Upload> documents) {
        ClaimView view = claim(form);
        for (FundRecords.Upload upload : documents) {
            attachTo(view, upload);
        }
        return view;
    }

    /** Adds a file to a claim that waits for its decision (a decided claim's proof is what it was decided on). */
    public FundRecords.DocumentView attach(long claimId, FundRecords.Upload upload) {
        fundClaim(claimId);
        store.lockClaim(claimId);
        ClaimView current = store.claim(claimId).orElseThrow();
        if (current.status() != ClaimStatus.SUBMITTED) {
            throw ApiError.conflict("fund.claim.decided", "Claim " + claimId + " is " + current.status()
                    + "; files are added only while a claim waits for its decision.").saying("problem.fund.claim-documents", claimId);
        }
        return attachTo(current, upload);
    }

    @Transactional(readOnly = true)
    public List<FundRecords.DocumentView> documents(long claimId) {
        fundClaim(claimId);
        return store.documents(List.of(claimId)).getOrDefault(claimId, List.of());
    }

    /** The files of claims the caller has listed already (their visibility checked by that list). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, List<FundRecords.DocumentView>> documentsOf(java.util.Collection<Long> claimIds) {
        return store.documents(claimIds);
    }

    @Transactional(readOnly = true)
    public FundRecords.DocumentContent document(long claimId, long documentId) {
        fundClaim(claimId);
        return store.document(claimId, documentId).orElseThrow(() -> ApiError.notFound("fund-claim-document", documentId));
    }

    private FundRecords.DocumentView attachTo(ClaimView claim, FundRecords.Upload upload) {
        ClaimDocuments.Checked file = ClaimDocuments.check(upload, store.documents(List.of(claim.id())).getOrDefault(claim.id(), List.of()).size());
        // the database keeps microseconds: the view says the time as it is kept
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long id = store.insertDocument(claim.id(), file.fileName(), file.contentType(), upload.content(), file.sha256(), now, actor.name());
        FundRecords.DocumentView view = new FundRecords.DocumentView(id, claim.id(), file.fileName(), file.contentType(), upload.content().length,
                file.sha256(), now, actor.name());
        audit.record(actor.name(), "fund-claim.document-added", "fund-claim", claim.id(), null, view);
        return view;
    }

    public ClaimView approveClaim(long id, long version) {
        actor.requireStaff();
        ClaimView before = fundClaim(id);
        ClaimView after = claimDecided(before, currentClaim(id, version).approve(), version, "fund-claim.approved");
        events.publishEvent(new FundEvents.FundClaimApproved(id, after.requestId(), after.partnerId(), after.amount(), after.currency(),
                after.decidedAt()));
        return after;
    }

    public ClaimView rejectClaim(long id, Refusal refusal, long version) {
        actor.requireStaff();
        ClaimView before = fundClaim(id);
        ClaimView after = claimDecided(before, currentClaim(id, version).reject(refusal.reason()), version, "fund-claim.rejected");
        events.publishEvent(new FundEvents.FundClaimRejected(id, after.requestId(), after.partnerId(), refusal.reason(), clock.instant()));
        return after;
    }

    /** Records that an approved claim was paid, on which day and under which payment reference. */
    public ClaimView pay(long id, Payment payment, long version) {
        actor.requireStaff();
        ClaimView before = fundClaim(id);
        LocalDate today = LocalDate.now(clock.withZone(organization.timeZone()));
        ClaimView after = claimDecided(before, currentClaim(id, version).pay(payment.paidOn(), payment.paymentReference(), today), version,
                "fund-claim.paid");
        events.publishEvent(new FundEvents.FundClaimPaid(id, after.requestId(), after.partnerId(), after.amount(), after.currency(),
                payment.paidOn(), payment.paymentReference(), clock.instant()));
        return after;
    }

    @Transactional(readOnly = true)
    public ClaimView fundClaim(long id) {
        ClaimView view = store.claim(id).orElseThrow(() -> ApiError.notFound("fund-claim", id));
        visible(view.partnerId(), "fund-claim", id);
        return view;
    }

    @Transactional(readOnly = true)
    public Page<ClaimView> claims(Long partnerId, Integer year, Long requestId, ClaimStatus status, String sort, int page, int size) {
        return store.claims(filter(partnerId, year, null, requestId, status == null ? null : status.name()),
                actor.orgScope().orElse(null), sort, page, size);
    }

    // ----- what the funds brought back

    /** Each approved request's return: its campaign's leads and won deals of its partner against what was paid for it. */
    @Transactional(readOnly = true)
    public Page<FundReturn> returns(Long partnerId, Integer year, int page, int size) {
        return store.returns(filter(partnerId, year, null, null, null), actor.orgScope().orElse(null), rates(), null, null, page, size);
    }

    /**
     * Every approved request whose activity ended from {@code from} to before {@code to}, with its return: all
     * of them, read a page at a time (the plan judges each, the ones that won nothing too, which a page
     * ordered by revenue would leave for last).
     */
    @Transactional(readOnly = true)
    public List<FundReturn> returnsEnded(Long partnerId, LocalDate from, LocalDate to) {
        FundStore.Filter filter = filter(partnerId, null, null, null, null);
        FundStore.Rates rates = rates();
        List<FundReturn> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            Page<FundReturn> some = store.returns(filter, actor.orgScope().orElse(null), rates, from, to, page, ListQuery.MAX_SIZE);
            all.addAll(some.items());
            if ((long) (page + 1) * ListQuery.MAX_SIZE >= some.total()) {
                return all;
            }
        }
    }

    /** The funds of the allocations of a partner (or all the user may see) overlapping a year (or all years), in the base currency. */
    @Transactional(readOnly = true)
    public Totals totals(Long partnerId, Integer year) {
        return store.totals(filter(partnerId, year, null, null, null), actor.orgScope().orElse(null), rates());
    }

    /** The co-marketing campaigns a request may name: of the partner asked for, of a partner user's own, or of every partner (newest first, at most 500). */
    @Transactional(readOnly = true)
    public List<FundRecords.CampaignChoice> campaignChoices(Long partnerId) {
        java.util.Map<Long, Boolean> seen = new java.util.HashMap<>();
        return store.campaigns(filter(partnerId, null, null, null, null).partnerId(), 500).stream()
                .filter(c -> seen.computeIfAbsent(c.partnerId(), this::canSee)).toList();
    }

    private FundStore.Rates rates() {
        return new FundStore.Rates(organization.currency(), organization.timeZone().getId(),
                LocalDate.now(clock.withZone(organization.timeZone())));
    }

    // ----- the steps' common parts

    private FundRequest current(long id, long version) {
        FundRequest locked = store.lockRequest(id).orElseThrow(() -> ApiError.notFound("fund-request", id));
        if (store.request(id).orElseThrow().version() != version) {
            throw ApiError.staleVersion("fund-request", id, version);
        }
        return locked;
    }

    private RequestView decided(RequestView before, FundRequest next, long version, String action) {
        Instant now = clock.instant();
        if (!store.saveRequest(next, version, now, actor.name())) {
            throw ApiError.staleVersion("fund-request", before.id(), version);
        }
        RequestView after = store.request(before.id()).orElseThrow();
        audit.record(actor.name(), action, "fund-request", before.id(), before, after);
        if (next.status() == RequestStatus.APPROVED) {
            events.publishEvent(new FundEvents.FundRequestApproved(after.id(), after.partnerId(), after.approvedAmount(), after.currency(), now));
        }
        return after;
    }

    private FundClaim currentClaim(long id, long version) {
        FundClaim locked = store.lockClaim(id).orElseThrow(() -> ApiError.notFound("fund-claim", id));
        if (store.claim(id).orElseThrow().version() != version) {
            throw ApiError.staleVersion("fund-claim", id, version);
        }
        return locked;
    }

    private ClaimView claimDecided(ClaimView before, FundClaim next, long version, String action) {
        if (!store.saveClaim(next, version, clock.instant(), actor.name())) {
            throw ApiError.staleVersion("fund-claim", before.id(), version);
        }
        ClaimView after = store.claim(before.id()).orElseThrow();
        audit.record(actor.name(), action, "fund-claim", before.id(), before, after);
        return after;
    }

    private Filter filter(Long partnerId, Integer year, Long allocationId, Long requestId, String status) {
        List<Long> partners = actor.partnerFilter(partnerId == null ? null : List.of(partnerId));
        return new Filter(partners == null || partners.isEmpty() ? null : partners.get(0), year, allocationId, requestId, status);
    }

    /** A partner user sees its own partner's funds; a scoped manager those of the partners managed in the scope. */
    private boolean canSee(long partnerId) {
        if (actor.partner().isPresent()) {
            return actor.partner().get() == partnerId;
        }
        return actor.orgScope().map(scope -> references.inScope(store.partnerManager(partnerId), scope)).orElse(true);
    }

    private void visible(long partnerId, String entity, long id) {
        if (!canSee(partnerId)) {
            throw ApiError.notFound(entity, id);
        }
    }
}
