package io.partnerpulse.partner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.partner.internal.PartnerRepository;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners through their life: created as prospects, onboarded, active, inactive and back, or
 * terminated for good; promoted or demoted between tiers. Every step is kept with its date.
 */
@Service
@Transactional
public class PartnerManagement {

    /** The statuses each status may move to. */
    static final Map<PartnerStatus, Set<PartnerStatus>> NEXT = Map.of(
            PartnerStatus.PROSPECT, EnumSet.of(PartnerStatus.ONBOARDING, PartnerStatus.TERMINATED),
            PartnerStatus.ONBOARDING, EnumSet.of(PartnerStatus.ACTIVE, PartnerStatus.TERMINATED),
            PartnerStatus.ACTIVE, EnumSet.of(PartnerStatus.INACTIVE, PartnerStatus.TERMINATED),
            PartnerStatus.INACTIVE, EnumSet.of(PartnerStatus.ACTIVE, PartnerStatus.TERMINATED),
            PartnerStatus.TERMINATED, EnumSet.noneOf(PartnerStatus.class));

    private final PartnerRepository partners;
    private final References references;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final Clock clock;
    private final OrganizationSettings organization;

    PartnerManagement(PartnerRepository partners, References references, AuditTrail audit, CurrentActor actor, Clock clock,
                      OrganizationSettings organization) {
        this.partners = partners;
        this.references = references;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.organization = organization;
    }

    public PartnerView create(PartnerForm form) {
        actor.requireStaff();
        check(form);
        if (form.tier() == null) {
            throw ApiError.invalid("tier", "is required for a new partner", "problem.partner.tier");
        }
        Instant now = clock.instant();
        long id = partners.insert(form.externalId(), form.name().trim(), form.tier(), now, form.country(), region(form),
                form.city(), form.commissionRate(), form.partnerManagerId(), joinedOn(form), actor.name());
        PartnerView view = get(id);
        audit.record(actor.name(), "partner.created", "partner", id, null, view);
        return view;
    }

    public PartnerView edit(long id, PartnerForm form, long version) {
        actor.requireStaff();
        check(form);
        PartnerView before = locked(id, version);
        if (form.tier() != null && form.tier() != before.tier()) {
            throw ApiError.invalid("tier", "changes through POST /api/v1/partners/" + id + "/tier, which keeps its history");
        }
        if (!partners.update(id, version, form.externalId(), form.name().trim(), form.country(), region(form), form.city(),
                form.commissionRate(), form.partnerManagerId(), joinedOn(form))) {
            throw ApiError.staleVersion("partner", id, version);
        }
        PartnerView after = get(id);
        audit.record(actor.name(), "partner.edited", "partner", id, before, after);
        return after;
    }

    /** The statuses a partner in this status may move to next. */
    public Set<PartnerStatus> nextStatuses(PartnerStatus status) {
        return NEXT.get(status);
    }

    public PartnerView changeStatus(long id, PartnerRequests.ChangeStatus request, long version) {
        actor.requireStaff();
        PartnerView before = locked(id, version);
        Set<PartnerStatus> next = NEXT.get(before.status());
        if (!next.contains(request.status())) {
            String choices = next.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", "));
            throw ApiError.conflict("partner.illegal-transition", "Partner " + id + " is " + before.status() + "; it can become "
                    + (next.isEmpty() ? "nothing else" : "[" + choices + "]") + ".")
                    .saying(next.isEmpty() ? "problem.partner.final" : "problem.partner.status", id, before.status().name(), choices);
        }
        partners.changeStatus(id, version, request.status(), clock.instant(), actor.name(), request.note());
        PartnerView after = get(id);
        audit.record(actor.name(), "partner.status-changed", "partner", id, before, after);
        return after;
    }

    public PartnerView changeTier(long id, PartnerRequests.ChangeTier request, long version) {
        actor.requireStaff();
        PartnerView before = locked(id, version);
        if (before.tier() == request.tier()) {
            throw ApiError.conflict("partner.illegal-transition", "Partner " + id + " is " + request.tier() + " already.").saying("problem.partner.same-tier", id);
        }
        if (before.status() == PartnerStatus.TERMINATED) {
            throw ApiError.conflict("partner.illegal-transition", "Partner " + id + " is terminated; its tier no longer changes.")
                    .saying("problem.partner.terminated", id);
        }
        partners.changeTier(id, version, before.tier(), request.tier(), clock.instant(), actor.name(), request.reason());
        PartnerView after = get(id);
        audit.record(actor.name(), "partner.tier-changed", "partner", id, before, after);
        return after;
    }

    /**
     * Two-tier distribution: makes the partner a distributor or not, and sets the distributor it
     * buys through. Two tiers only: a distributor buys through no one, a partner buys only through a
     * distributor (not a terminated one, not itself), and a distributor with resellers stays one.
     */
    public PartnerView setDistribution(long id, PartnerRequests.Distribution request, long version) {
        actor.requireStaff();
        PartnerView before = locked(id, version);
        Long by = request.distributorId();
        if (by != null) {
            if (by == id) {
                throw ApiError.invalid("distributorId", "a partner does not buy through itself", "problem.partner.own-distributor");
            }
            if (request.isDistributor()) {
                throw ApiError.invalid("distributorId", "a distributor buys through no other distributor",
                        "problem.partner.distributor-buys-direct");
            }
            // locked, so that it cannot stop being a distributor while this partner starts buying through it
            PartnerView distributor = partners.lock(by)
                    .orElseThrow(() -> ApiError.invalid("distributorId", "there is no partner " + by, "problem.field.no-record", by));
            if (!distributor.distributor()) {
                throw ApiError.invalid("distributorId", distributor.name() + " is not a distributor", "problem.partner.not-a-distributor",
                        distributor.name());
            }
            if (distributor.status() == PartnerStatus.TERMINATED && !by.equals(before.distributorId())) {
                throw ApiError.invalid("distributorId", distributor.name() + " is terminated", "problem.partner.distributor-terminated",
                        distributor.name());
            }
        }
        if (before.distributor() && !request.isDistributor()) {
            long resellers = partners.resellerCount(id);
            if (resellers > 0) {
                throw ApiError.conflict("partner.has-resellers", "Partner " + id + " has " + resellers
                        + " resellers buying through it; it stays a distributor until they buy through another or none.")
                        .saying("problem.partner.has-resellers", id, resellers);
            }
        }
        if (!partners.setDistribution(id, version, request.isDistributor(), by)) {
            throw ApiError.staleVersion("partner", id, version);
        }
        PartnerView after = get(id);
        audit.record(actor.name(), "partner.distribution-changed", "partner", id, before, after);
        return after;
    }

    /** The distributors partners may buy through (id and name), by name, at most 500; staff only (a scoped manager: those it manages). */
    @Transactional(readOnly = true)
    public Map<Long, String> distributors() {
        actor.requireStaff();
        return partners.distributors(actor.orgScope().orElse(null));
    }

    /** How many partners buy through this distributor (a partner user: only its own partner's). */
    @Transactional(readOnly = true)
    public long resellerCount(long distributorId) {
        actor.requireOwn(distributorId, "partner", distributorId);
        return partners.resellerCount(distributorId);
    }

    /**
     * The partners buying through a distributor, by name: for staff any distributor's (a scoped
     * manager: those it manages), for a partner user only its own partner's resellers (another
     * distributor looks as if it did not exist).
     */
    @Transactional(readOnly = true)
    public Page<PartnerView> resellers(long distributorId, int page, int size) {
        PartnerView distributor = get(distributorId);
        if (!distributor.distributor()) {
            return new Page<>(List.of(), page, size, 0);
        }
        // a partner user reads its own distributor's resellers; a scoped manager those it manages
        return partners.list(new PartnerRepository.Filter(null, null, null, null, null, null, distributorId),
                actor.partner().isPresent() ? null : actor.orgScope().orElse(null), "name", page, size);
    }

    @Transactional(readOnly = true)
    public PartnerView get(long id) {
        actor.requireOwn(id, "partner", id);
        PartnerView view = partners.find(id).orElseThrow(() -> ApiError.notFound("partner", id));
        actor.orgScope().ifPresent(scope -> {
            if (!references.inScope(view.partnerManagerId(), scope)) {
                throw ApiError.notFound("partner", id);
            }
        });
        return view;
    }

    @Transactional(readOnly = true)
    public List<PartnerHistoryView> history(long id) {
        get(id);
        return partners.history(id);
    }

    /** Partners whose name holds {@code text} (a partner user: its own, if it matches), by name. */
    @Transactional(readOnly = true)
    public Page<PartnerView> search(String text, int size) {
        Page<PartnerView> found = list(new PartnerRepository.Filter(null, null, null, null, null, text), "name", 0, size);
        if (actor.partner().isEmpty()) {
            return found;
        }
        String wanted = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        List<PartnerView> own = found.items().stream().filter(p -> p.name().toLowerCase(java.util.Locale.ROOT).contains(wanted)).toList();
        return new Page<>(own, 0, size, own.size());
    }

    @Transactional(readOnly = true)
    public Page<PartnerView> list(PartnerRepository.Filter filter, String sort, int page, int size) {
        java.util.Optional<Long> own = actor.partner();
        if (own.isPresent()) {
            PartnerView view = get(own.get());
            return new Page<>(List.of(view), page, size, 1);
        }
        return partners.list(filter, actor.orgScope().orElse(null), sort, page, size);
    }

    private PartnerView locked(long id, long version) {
        get(id);
        PartnerView current = partners.lock(id).orElseThrow(() -> ApiError.notFound("partner", id));
        if (current.version() != version) {
            throw ApiError.staleVersion("partner", id, version);
        }
        return current;
    }

    private void check(PartnerForm form) {
        references.check().country("country", form.country())
                .exists("partnerManagerId", Kind.EMPLOYEE, form.partnerManagerId())
                .ownedInScope("partnerManagerId", form.partnerManagerId(), actor.orgScope()).orThrow();
    }

    private String region(PartnerForm form) {
        return form.region() != null && !form.region().isBlank() ? form.region().trim()
                : partners.defaultRegion(form.country()).orElse("Unknown");
    }

    private LocalDate joinedOn(PartnerForm form) {
        return form.joinedOn() != null ? form.joinedOn() : LocalDate.now(clock.withZone(organization.timeZone()));
    }
}
