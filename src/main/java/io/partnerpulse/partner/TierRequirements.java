package io.partnerpulse.partner;

import java.math.BigDecimal;
import java.util.List;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Versioned;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a partner must achieve to hold each tier: won revenue and won deals over the last so many
 * months, and certified people today (see {@link Certifications}). A better tier never asks for less
 * than a lesser one, so that the tiers stay a ladder.
 */
@Service
@Transactional
public class TierRequirements {

    /**
     * @param rank   1 for the best tier
     * @param months the window the revenue and deals are counted over, ending today
     */
    public record Requirement(PartnerTier tier, int rank, BigDecimal minWonRevenue, long minWonDeals, int months, long minCertifiedPeople,
                              long version) implements Versioned {

        @Override
        public long id() {
            return rank;
        }
    }

    public record RequirementForm(@NotNull @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal minWonRevenue,
                                  @NotNull @Min(0) @Max(1_000_000) Long minWonDeals, @NotNull @Min(1) @Max(36) Integer months,
                                  @Min(0) @Max(10_000) Long minCertifiedPeople, Long version) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentActor actor;

    TierRequirements(JdbcClient jdbc, AuditTrail audit, CurrentActor actor) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.actor = actor;
    }

    /** Every tier's requirements, the best tier first. */
    @Transactional(readOnly = true)
    public List<Requirement> list() {
        return jdbc.sql("""
                select code, rank, min_won_revenue, min_won_deals, requirement_months, min_certified_people, version
                from partner_tier order by rank""")
                .query((rs, n) -> new Requirement(PartnerTier.valueOf(rs.getString(1)), rs.getInt(2), rs.getBigDecimal(3), rs.getLong(4),
                        rs.getInt(5), rs.getLong(6), rs.getLong(7))).list();
    }

    @Transactional(readOnly = true)
    public Requirement get(PartnerTier tier) {
        return list().stream().filter(r -> r.tier() == tier).findFirst().orElseThrow(() -> ApiError.notFound("tier", tier));
    }

    /** Changes a tier's requirements at the version read; they must stay between those of the tiers above and below it. */
    public Requirement edit(PartnerTier tier, RequirementForm form, long version) {
        actor.requireStaff();
        jdbc.sql("select code from partner_tier order by rank for update").query(String.class).list();
        List<Requirement> all = list();
        Requirement before = all.stream().filter(r -> r.tier() == tier).findFirst().orElseThrow(() -> ApiError.notFound("tier", tier));
        if (before.version() != version) {
            throw ApiError.staleVersion("tier", tier, version);
        }
        Requirement above = all.stream().filter(r -> r.rank() == before.rank() - 1).findFirst().orElse(null);
        Requirement below = all.stream().filter(r -> r.rank() == before.rank() + 1).findFirst().orElse(null);
        List<ApiError.FieldProblem> problems = new java.util.ArrayList<>();
        if (above != null && form.minWonRevenue().compareTo(above.minWonRevenue()) > 0) {
            problems.add(ApiError.FieldProblem.saying("minWonRevenue", "must not be more than " + above.tier() + "'s "
                    + above.minWonRevenue().toPlainString(), "problem.tier.above", above.tier().name(), above.minWonRevenue().toPlainString()));
        }
        if (below != null && form.minWonRevenue().compareTo(below.minWonRevenue()) < 0) {
            problems.add(ApiError.FieldProblem.saying("minWonRevenue", "must not be less than " + below.tier() + "'s "
                    + below.minWonRevenue().toPlainString(), "problem.tier.below", below.tier().name(), below.minWonRevenue().toPlainString()));
        }
        if (above != null && form.minWonDeals() > above.minWonDeals()) {
            problems.add(ApiError.FieldProblem.saying("minWonDeals", "must not be more than " + above.tier() + "'s " + above.minWonDeals(),
                    "problem.tier.above", above.tier().name(), String.valueOf(above.minWonDeals())));
        }
        if (below != null && form.minWonDeals() < below.minWonDeals()) {
            problems.add(ApiError.FieldProblem.saying("minWonDeals", "must not be less than " + below.tier() + "'s " + below.minWonDeals(),
                    "problem.tier.below", below.tier().name(), String.valueOf(below.minWonDeals())));
        }
        // a client that leaves the certified people out (one from before they existed) keeps them as they are
        long people = form.minCertifiedPeople() == null ? before.minCertifiedPeople() : form.minCertifiedPeople();
        if (above != null && people > above.minCertifiedPeople()) {
            problems.add(ApiError.FieldProblem.saying("minCertifiedPeople", "must not be more than " + above.tier() + "'s "
                    + above.minCertifiedPeople(), "problem.tier.above", above.tier().name(), String.valueOf(above.minCertifiedPeople())));
        }
        if (below != null && people < below.minCertifiedPeople()) {
            problems.add(ApiError.FieldProblem.saying("minCertifiedPeople", "must not be less than " + below.tier() + "'s "
                    + below.minCertifiedPeople(), "problem.tier.below", below.tier().name(), String.valueOf(below.minCertifiedPeople())));
        }
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        jdbc.sql("""
                update partner_tier set min_won_revenue = :revenue, min_won_deals = :deals, requirement_months = :months,
                       min_certified_people = :people, version = version + 1
                where code = :tier and version = :version""")
                .param("revenue", form.minWonRevenue()).param("deals", form.minWonDeals()).param("months", form.months())
                .param("people", people)
                .param("tier", tier.name()).param("version", version).update();
        Requirement after = get(tier);
        audit.record(actor.name(), "tier.requirements-changed", "tier", tier.name(), before, after);
        return after;
    }
}
