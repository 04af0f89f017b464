package io.partnerpulse.deal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.partnerpulse.deal.internal.DealNoteRepository;
import io.partnerpulse.deal.internal.OpportunityRepository;
import io.partnerpulse.deal.internal.OpportunityWorkflow;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens opportunities and moves them through their stages. Every change locks the row, checks the
 * version the client read, keeps the stage history, writes the audit log and publishes its event,
 * all in one transaction.
 */
@Service
@Transactional
public class OpportunityManagement {

    private final OpportunityRepository opportunities;
    private final OpportunityWorkflow workflow;
    private final References references;
    private final CurrentActor actor;
    private final Clock clock;
    private final OrganizationSettings organization;
    private final DealNoteRepository notes;
    private final io.partnerpulse.audit.AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    OpportunityManagement(OpportunityRepository opportunities, OpportunityWorkflow workflow, References references,
                          CurrentActor actor, Clock clock, OrganizationSettings organization, DealNoteRepository notes,
                          io.partnerpulse.audit.AuditTrail audit, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.notes = notes;
        this.audit = audit;
        this.organization = organization;
        this.opportunities = opportunities;
        this.workflow = workflow;
        this.references = references;
        this.actor = actor;
        this.clock = clock;
    }

    public OpportunityView open(OpportunityForm form) {
        actor.requireStaff();
        checkReferences(form);
        return workflow.open(form, null, null, null, actor.name(), clock.instant());
    }

    /** Opens the opportunity a lead became; its channel and campaign are the lead's unless the form names others. */
    public OpportunityView openFromLead(OpportunityForm form, long leadId, Long channelId, Long campaignId) {
        checkReferences(form);
        return workflow.open(form, leadId, channelId, campaignId, actor.name(), clock.instant());
    }

    public OpportunityView edit(long id, OpportunityForm form, long version) {
        actor.requireStaff();
        OpportunityView before = locked(id);
        checkReferences(form);
        return workflow.edit(before, form, version, actor.name());
    }

    public OpportunityView move(long id, StageRequests.Move request, long version) {
        return workflow.move(locked(id), request.stage(), at(request.at()), version, actor.name());
    }

    public OpportunityView win(long id, StageRequests.Win request, long version) {
        return workflow.win(locked(id), at(request.at()), request.amount(), version, actor.name());
    }

    public OpportunityView lose(long id, StageRequests.Lose request, long version) {
        return workflow.lose(locked(id), at(request.at()), request.reason(), request.competitor(), version, actor.name());
    }

    public OpportunityView reopen(long id, StageRequests.Reopen request, long version) {
        actor.requireStaff();
        return workflow.reopen(locked(id), request.stage(), clock.instant(), version, actor.name());
    }

    @Transactional(readOnly = true)
    public OpportunityView get(long id) {
        return visible(opportunities.find(id), id);
    }

    /** The opportunity read and locked for a change, if the current user may see it. */
    private OpportunityView locked(long id) {
        return visible(opportunities.lock(id), id);
    }

    private OpportunityView visible(java.util.Optional<OpportunityView> found, long id) {
        OpportunityView view = found.orElseThrow(() -> ApiError.notFound("opportunity", id));
        actor.requireOwn(view.partnerId(), "opportunity", id);
        actor.orgScope().ifPresent(scope -> {
            if (!references.inScope(view.ownerId(), scope)) {
                throw ApiError.notFound("opportunity", id);
            }
        });
        return view;
    }

    @Transactional(readOnly = true)
    public List<StageChangeView> history(long id) {
        get(id);
        return opportunities.history(id);
    }

    /** The deal's notes in the order written; a partner user's leave out the internal ones. */
    @Transactional(readOnly = true)
    public List<DealNote> notes(long id) {
        get(id);
        return notes.of(id, actor.partner().isEmpty());
    }

    /**
     * Writes a note on the deal, by the current user: a partner user's (on its own partner's deals) is
     * always shared; staff may keep theirs internal. Audited; announced ({@link DealEvents.NoteAdded}: the other side is told by e-mail).
     */
    public DealNote addNote(long id, DealNote.Form form) {
        OpportunityView deal = get(id);
        boolean partnerUser = actor.partner().isPresent();
        if (partnerUser && Boolean.TRUE.equals(form.internal())) {
            throw ApiError.invalid("internal", "only the vendor's staff write internal notes", "problem.note.internal");
        }
        String body = form.body() == null ? "" : form.body().strip();
        if (body.isEmpty() || body.length() > 4000) {
            throw ApiError.invalid("body", "must hold 1 to 4,000 characters", "problem.note.body");
        }
        DealNote note = notes.insert(id, body, !partnerUser && Boolean.TRUE.equals(form.internal()), actor.name(), partnerUser);
        audit.record(actor.name(), "opportunity.note-added", "opportunity", id, null, note);
        events.publishEvent(new DealEvents.NoteAdded(id, deal.partnerId(), note.id(), note.internal(), partnerUser, note.createdAt()));
        return note;
    }

    /** A partner's opportunities, newest first (within what the current user may see). */
    @Transactional(readOnly = true)
    public Page<OpportunityView> forPartner(long partnerId, int page, int size) {
        return list(new OpportunityRepository.Filter(List.of(partnerId), null, null, null, null, null, null, null, null, null, null),
                null, page, size);
    }

    /** Opportunities whose name or external id holds {@code text} (within what the current user may see), largest first. */
    @Transactional(readOnly = true)
    public Page<OpportunityView> search(String text, int size) {
        return list(new OpportunityRepository.Filter(null, null, null, null, null, null, null, null, null, null, text), "amount,desc", 0, size);
    }

    /** A customer account's opportunities, newest first (within what the current user may see). */
    @Transactional(readOnly = true)
    public Page<OpportunityView> forAccount(long accountId, int page, int size) {
        return list(new OpportunityRepository.Filter(null, null, null, null, accountId, null, null, null, null, null, null),
                null, page, size);
    }

    @Transactional(readOnly = true)
    public Page<OpportunityView> list(OpportunityRepository.Filter filter, String sort, int page, int size) {
        return opportunities.list(filter.withPartners(actor.partnerFilter(filter.partnerIds())), actor.orgScope().orElse(null), sort, page, size);
    }

    /** The board's columns for a filter: each stage's count, worth and {@code perStage} largest deals, within what the actor may see. */
    @Transactional(readOnly = true)
    public OpportunityRepository.Board board(OpportunityRepository.Filter filter, int perStage) {
        return opportunities.board(filter.withPartners(actor.partnerFilter(filter.partnerIds())), actor.orgScope().orElse(null),
                filter.stages(), perStage);
    }

    private Instant at(Instant requested) {
        Instant now = clock.instant();
        if (requested != null && requested.isAfter(now.plusSeconds(60))) {
            throw ApiError.invalid("at", "must not be in the future", "problem.field.future");
        }
        return requested == null ? now : requested;
    }

    private void checkReferences(OpportunityForm form) {
        references.check()
                .exists("accountId", Kind.ACCOUNT, form.accountId())
                .exists("partnerId", Kind.PARTNER, form.partnerId())
                .exists("ownerId", Kind.EMPLOYEE, form.ownerId())
                .ownedInScope("ownerId", form.ownerId(), actor.orgScope())
                .exists("productLineId", Kind.PRODUCT_LINE, form.productLineId())
                .exists("channelId", Kind.CHANNEL, form.channelId())
                .campaign("campaignId", form.campaignId(), actor.partner().orElse(null))
                .country("country", form.country())
                .currency("currency", form.currency(), organization.currency())
                .orThrow();
    }
}
