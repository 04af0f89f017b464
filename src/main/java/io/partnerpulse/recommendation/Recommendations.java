package io.partnerpulse.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.kpi.ChannelReport;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.recommendation.Recommendation.Severity;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The recommendation rules of the KPI specification, and a few more the data supports, applied to
 * a scope and a period. Each rule compares a KPI with the peers (quartiles of the partners), with
 * the scope's own trend over the previous periods of the same length, with its target, or with the
 * season (the same months a year earlier). The list is ranked by severity, then expected impact.
 */
@Service
public class Recommendations {

    public enum Scope {
        PROGRAM, PARTNER, EMPLOYEE, DEPARTMENT, UNIT;

        /** The KPI filters that narrow to this scope's record {@code id}. */
        public Map<Dimension, List<String>> filters(Long id) {
            return switch (this) {
                case PROGRAM -> Map.of();
                case PARTNER -> Map.of(Dimension.PARTNER, List.of(id.toString()));
                case EMPLOYEE -> Map.of(Dimension.EMPLOYEE, List.of(id.toString()));
                case DEPARTMENT -> Map.of(Dimension.DEPARTMENT, List.of(id.toString()));
                case UNIT -> Map.of(Dimension.UNIT, List.of(id.toString()));
            };
        }
    }

    private static final int MONEY = 2;

    private final Kpis kpis;
    private final RecommendationProperties properties;
    private final MessageSource messages;
    private final OrganizationSettings organization;
    private final Clock clock;
    private final Seasonality seasonality;
    private final io.partnerpulse.shared.CurrentActor actor;

    /** Plans already made, with the KPI data they were made from: valid until the read model reloads. */
    private record Kept(java.time.Instant dataAsOf, List<Recommendation> plan) {
    }

    private final Map<String, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();

    /** The funds' returns, read for every plan (they change without the KPI read model reloading); none in unit tests. */
    private final io.partnerpulse.fund.FundManagement funds;

    /** How many partners below their tier, and how many above it, the program's plan names at most. */
    static final int TIER_ADVICE = 5;

    /** The partners' standing against the tier requirements, read for every plan; none in unit tests. */
    private final TierStandings tiers;

    /** How fast partners start selling after joining, read for every plan; none in unit tests. */
    private final PartnerRamp ramp;

    /** How many partners slow to ramp up the program's plan names at most. */
    static final int RAMP_ADVICE = 5;

    /** Most severe first, then the largest expected impact. */
    private static final Comparator<Recommendation> ORDER = Comparator.comparing(Recommendation::severity)
            .thenComparing(r -> r.expectedImpact() == null ? BigDecimal.ZERO : r.expectedImpact(), Comparator.reverseOrder());

    Recommendations(Kpis kpis, RecommendationProperties properties, MessageSource messages, OrganizationSettings organization, Clock clock,
                    Seasonality seasonality, io.partnerpulse.shared.CurrentActor actor,
                    io.partnerpulse.fund.FundManagement funds, TierStandings tiers, PartnerRamp ramp) {
        this.ramp = ramp;
        this.funds = funds;
        this.tiers = tiers;
        this.seasonality = seasonality;
        this.actor = actor;
        this.kpis = kpis;
        this.properties = properties;
        this.messages = messages;
        this.organization = organization;
        this.clock = clock;
    }

    /** A period and the ones before it, of the same length (whole months step by months). */
    public record Period(LocalDate from, LocalDate to) {
        public Period shift(int steps) {
            return new Period(KpiQuery.shift(from, to, from, steps), KpiQuery.shift(from, to, to, steps));
        }

        Period yearEarlier() {
            return new Period(from.minusYears(1), to.minusYears(1));
        }
    }

    public List<Recommendation> plan(Scope scope, Long id, LocalDate from, LocalDate to, Locale locale) {
        List<Recommendation> plan = fromKpis(scope, id, from, to, locale);
        if ((funds == null && tiers == null && ramp == null) || (scope != Scope.PROGRAM && scope != Scope.PARTNER)) {
            return plan;
        }
        List<Recommendation> advice = new ArrayList<>();
        if (funds != null) {
            advice.addAll(funds(funds.returnsEnded(scope == Scope.PARTNER ? id : null, from.minusYears(1), to), scope, id, new Period(from, to),
                    locale));
        }
        if (tiers != null) {
            List<TierStandings.Standing> standings = tiers.standings(scope == Scope.PARTNER ? id : null, null);
            if (scope == Scope.PROGRAM) {
                // the program's plan names the few that matter most; the tiers page lists them all
                standings = java.util.stream.Stream.concat(
                        standings.stream().filter(t -> t.status() == TierStandings.Status.BELOW)
                                .sorted(Comparator.comparing(TierStandings.Standing::revenueShort).reversed()).limit(TIER_ADVICE),
                        java.util.stream.Stream.concat(standings.stream().filter(t -> t.status() == TierStandings.Status.QUALIFIES_HIGHER)
                                .sorted(Comparator.comparing(TierStandings.Standing::wonRevenue).reversed()).limit(TIER_ADVICE),
                                standings.stream().filter(t -> t.status() != TierStandings.Status.BELOW && t.certificationsLapsing())
                                        .sorted(Comparator.comparing(TierStandings.Standing::wonRevenue).reversed()).limit(TIER_ADVICE))).toList();
            }
            advice.addAll(tiers(standings, scope, id, new Period(from, to), locale));
        }
        if (ramp != null) {
            List<PartnerRamp.Ramp> slow = ramp.slow(scope == Scope.PARTNER ? id : null, properties.rampDays());
            advice.addAll(ramps(slow.subList(0, Math.min(RAMP_ADVICE, slow.size())), scope, id, new Period(from, to), locale));
        }
        String key = scope + "/" + id + "/" + from + "/" + to + "/" + locale + "/" + actor.partner().orElse(null) + "/"
                + actor.orgScope().orElse(null);
        Merged known = merged.get(key);
        if (known != null && known.fromKpis() == plan && known.advice().equals(advice)) {
            return known.plan();
        }
        List<Recommendation> all = new ArrayList<>(plan);
        all.addAll(advice);
        all.sort(ORDER);
        if (merged.size() > 500) {
            merged.clear();
        }
        List<Recommendation> made = List.copyOf(all);
        merged.put(key, new Merged(plan, advice, made));
        return made;
    }

    /** A plan of the KPI rules with the funds' and the tiers' advice of the moment, kept while neither changes. */
    private record Merged(List<Recommendation> fromKpis, List<Recommendation> advice, List<Recommendation> plan) {
    }

    private final Map<String, Merged> merged = new java.util.concurrent.ConcurrentHashMap<>();

    /** The plan of the KPI rules, kept until the KPI read model reloads. */
    private List<Recommendation> fromKpis(Scope scope, Long id, LocalDate from, LocalDate to, Locale locale) {
        java.time.Instant dataAsOf = kpis.dataAsOf();
        if (dataAsOf == null) {
            return make(scope, id, from, to, locale);
        }
        // what the user may see is part of the key: the KPIs are narrowed to a partner user's partner or a manager's scope
        String key = scope + "/" + id + "/" + from + "/" + to + "/" + locale + "/" + actor.partner().orElse(null) + "/"
                + actor.orgScope().orElse(null) + "/" + LocalDate.now(clock.withZone(organization.timeZone()));
        Kept known = kept.get(key);
        if (known != null && known.dataAsOf().equals(dataAsOf)) {
            return known.plan();
        }
        List<Recommendation> plan = make(scope, id, from, to, locale);
        if (kept.size() > 500) {
            kept.clear();
        }
        kept.put(key, new Kept(dataAsOf, plan));
        return plan;
    }

    private List<Recommendation> make(Scope scope, Long id, LocalDate from, LocalDate to, Locale locale) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw ApiError.invalidParameter("from", "from must be before to; to is exclusive.", null);
        }
        if (scope != Scope.PROGRAM && id == null) {
            throw ApiError.invalidParameter("id", "the id of the " + scope.name().toLowerCase(Locale.ROOT) + " is required", null);
        }
        Map<Dimension, List<String>> filters = scope.filters(id);
        Context c = new Context(scope, id, new Period(from, to), filters, locale);
        List<Recommendation> found = new ArrayList<>();
        dealSuccess(c, found);
        averageDealSize(c, found);
        channels(c, found);
        coverage(c, found);
        salesCycle(c, found);
        target(c, found);
        season(c, found);
        againstSeason(c, found);
        idleResellers(c, found);
        found.sort(ORDER);
        return List.copyOf(found);
    }

    // ------------------------------------------------------------------------------------------
    // Market development funds: paid for an activity whose campaign won nothing → review before
    // funding it again; a fund that returned several times its cost → repeat it
    // ------------------------------------------------------------------------------------------

    // ------------------------------------------------------------------------------------------
    // Tier requirements: a partner that reaches a better tier's → consider promoting it; one below
    // its own tier's → agree a plan to close the gap; one whose certified people will fall below its
    // tier's as certifications end → get its people recertified
    // ------------------------------------------------------------------------------------------

    List<Recommendation> tiers(List<TierStandings.Standing> standings, Scope scope, Long id, Period period, Locale locale) {
        Context c = new Context(scope, id, period, scope.filters(id), locale);
        List<Recommendation> found = new ArrayList<>();
        for (TierStandings.Standing s : standings) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("partnerId", s.partnerId());
            evidence.put("tier", s.tier().name());
            evidence.put("months", s.months());
            evidence.put("wonRevenue", s.wonRevenue());
            evidence.put("wonDeals", s.wonDeals());
            evidence.put("requiredRevenue", s.requiredRevenue());
            evidence.put("requiredDeals", s.requiredDeals());
            evidence.put("certifiedPeople", s.certifiedPeople());
            evidence.put("requiredCertifiedPeople", s.requiredPeople());
            String own = messages.getMessage("tier." + s.tier().name(), null, s.tier().name(), locale);
            if (s.status() != TierStandings.Status.BELOW && s.certificationsLapsing()) {
                evidence.put("certifiedPeopleIn" + TierStandings.SOON_DAYS + "Days", s.certifiedPeopleSoon());
                found.add(recommendation(c, "tier-certifications-lapsing", s.partnerName(), "certifiedPeople", BigDecimal.valueOf(s.certifiedPeople()),
                        "TARGET", new LinkedHashMap<>(evidence), Severity.MEDIUM, null, s.partnerName(), own, s.certifiedPeople(), s.requiredPeople(),
                        s.certifiedPeopleSoon(), TierStandings.SOON_DAYS, s.requiredPeople() - s.certifiedPeopleSoon()));
            }
            if (s.status() == TierStandings.Status.QUALIFIES_HIGHER) {
                evidence.put("qualifiesFor", s.qualifiesFor().name());
                found.add(recommendation(c, "tier-promote", s.partnerName(), "wonRevenue", s.wonRevenue(), "TARGET", evidence, Severity.INFO,
                        null, s.partnerName(), messages.getMessage("tier." + s.qualifiesFor().name(), null, s.qualifiesFor().name(), locale),
                        own, s.months()));
            } else if (s.status() == TierStandings.Status.BELOW) {
                found.add(recommendation(c, "tier-at-risk", s.partnerName(), "wonRevenue", s.wonRevenue(), "TARGET", evidence, Severity.MEDIUM,
                        s.revenueShort(), s.partnerName(), own, money(s.wonRevenue(), locale), money(s.requiredRevenue(), locale),
                        s.wonDeals(), s.requiredDeals(), s.months(), s.requiredPeople() == 0 ? ""
                                : messages.getMessage("recommendation.tier-at-risk.people", new Object[] {s.certifiedPeople(), s.requiredPeople()}, locale)));
            }
        }
        return found;
    }

    /** The partners that have won nothing long after joining: one recommendation each, to walk them through a first deal. */
    List<Recommendation> ramps(List<PartnerRamp.Ramp> slow, Scope scope, Long id, Period period, Locale locale) {
        Context c = new Context(scope, id, period, scope.filters(id), locale);
        List<Recommendation> found = new ArrayList<>();
        for (PartnerRamp.Ramp r : slow) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("partnerId", r.partnerId());
            evidence.put("joinedOn", r.joinedOn());
            evidence.put("daysSinceJoined", r.daysSinceJoined());
            evidence.put("firstLeadOn", r.firstLeadOn());
            evidence.put("firstRegistrationOn", r.firstRegistrationOn());
            String step = messages.getMessage(r.firstLeadOn() == null ? "recommendation.partner-slow-ramp.no-lead"
                    : r.firstRegistrationOn() == null ? "recommendation.partner-slow-ramp.no-registration"
                    : "recommendation.partner-slow-ramp.no-win", null, locale);
            found.add(recommendation(c, "partner-slow-ramp", r.partnerName(), "dealCount", BigDecimal.ZERO, "RAMP", evidence, Severity.MEDIUM,
                    null, r.partnerName(), r.daysSinceJoined(), step));
        }
        return found;
    }

    /**
     * The funds' advice for the plan of a period: about the approved requests whose activity ended
     * before the period's end and less than a year before its start.
     */
    List<Recommendation> funds(List<io.partnerpulse.fund.FundRecords.FundReturn> returns, Scope scope, Long id, Period period, Locale locale) {
        Context c = new Context(scope, id, period, scope.filters(id), locale);
        List<Recommendation> found = new ArrayList<>();
        for (io.partnerpulse.fund.FundRecords.FundReturn r : returns) {
            if (r.endsOn() == null || !r.endsOn().isBefore(period.to()) || r.endsOn().isBefore(period.from().minusYears(1))) {
                continue;
            }
            String subject = r.activity() + " (" + r.partnerName() + ")";
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("requestId", r.requestId());
            evidence.put("partnerId", r.partnerId());
            evidence.put("campaignId", r.campaignId());
            evidence.put("endsOn", r.endsOn().toString());
            evidence.put("leads", r.leads());
            evidence.put("wonDeals", r.wonDeals());
            evidence.put("revenue", r.revenue());
            evidence.put("paid", r.paid());
            boolean dueToHaveWon = r.endsOn().plusDays(properties.fundReturnDays()).isBefore(period.to());
            if (r.paid().signum() > 0 && r.revenue().signum() == 0 && dueToHaveWon) {
                found.add(recommendation(c, "fund-no-return", subject, "marketingChannels", r.roi(), "SPEND", evidence, Severity.MEDIUM,
                        r.paid(), subject, money(r.paid(), locale), r.leads(), properties.fundReturnDays()));
            } else if (r.roi() != null && r.roi().compareTo(properties.fundStrongReturn()) >= 0) {
                found.add(recommendation(c, "fund-strong-return", subject, "marketingChannels", r.roi(), "SPEND", evidence, Severity.INFO,
                        r.revenue().subtract(r.paid()), subject, percent(r.roi(), locale), money(r.revenue(), locale), money(r.paid(), locale)));
            }
        }
        return found;
    }

    private final class Context {
        final Scope scope;
        final Long id;
        final Period period;
        final Map<Dimension, List<String>> filters;
        final Locale locale;
        private final Map<Period, KpiReport.Kpis> own = new LinkedHashMap<>();

        Context(Scope scope, Long id, Period period, Map<Dimension, List<String>> filters, Locale locale) {
            this.scope = scope;
            this.id = id;
            this.period = period;
            this.filters = filters;
            this.locale = locale;
        }

        /** The scope's KPIs for the period {@code steps} periods before (negative) or after the asked one. */
        KpiReport.Kpis kpis(int steps) {
            return kpis(period.shift(steps));
        }

        KpiReport.Kpis kpis(Period p) {
            return own.computeIfAbsent(p, key -> Recommendations.this.kpis.report(KpiQuery.of(key.from(), key.to())
                    .withFilters(filters)).groups().get(0).kpis());
        }

        String scopeName() {
            return scope.name().toLowerCase(Locale.ROOT);
        }
    }

    private Recommendation recommendation(Context c, String kind, String subject, String kpi, BigDecimal value, String comparison,
                                          Map<String, Object> evidence, Severity severity, BigDecimal impact, Object... args) {
        return new Recommendation(kind, c.scopeName(), c.id, subject, kpi, value, comparison, evidence, severity,
                messages.getMessage("recommendation." + kind + ".title", args, kind, c.locale),
                messages.getMessage("recommendation." + kind + ".action", args, kind, c.locale),
                impact == null ? null : impact.setScale(MONEY, RoundingMode.HALF_EVEN));
    }

    // ------------------------------------------------------------------------------------------
    // Two-tier distribution: a distributor whose resellers sold nothing in the period (no deal won,
    // none opened, none open) → agree a plan with it for them
    // ------------------------------------------------------------------------------------------

    /** How many idle resellers a recommendation names; the evidence has them all. */
    static final int IDLE_NAMED = 5;

    private void idleResellers(Context c, List<Recommendation> found) {
        if (c.scope != Scope.PARTNER) {
            return;
        }
        String own = c.id.toString();
        List<KpiReport.Group> channel = kpis.report(KpiQuery.of(c.period.from(), c.period.to()).withGroupBy(Dimension.PARTNER)
                .withFilters(Map.of(Dimension.DISTRIBUTOR, List.of(own))).withCompare(java.util.Set.of())).groups();
        List<KpiReport.Group> resellers = channel.stream().filter(g -> !g.key().equals(own) && !g.key().equals("none")).toList();
        List<KpiReport.Group> idle = resellers.stream().filter(g -> g.kpis().dealCount().value() == 0
                && g.kpis().dealCount().createdCount() == 0 && g.kpis().pipeline().count() == 0).toList();
        if (idle.isEmpty()) {
            return;
        }
        List<KpiReport.Group> selling = resellers.stream().filter(g -> g.kpis().dealCount().value() > 0).toList();
        BigDecimal perSeller = selling.isEmpty() ? null : selling.stream().map(g -> g.kpis().wonRevenue().value())
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(selling.size()), MONEY, RoundingMode.HALF_EVEN);
        String distributor = channel.stream().filter(g -> g.key().equals(own)).map(KpiReport.Group::label).findFirst().orElse("#" + own);
        String names = String.join(", ", idle.stream().limit(IDLE_NAMED).map(KpiReport.Group::label).toList())
                + (idle.size() > IDLE_NAMED ? ", …" : "");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("resellers", resellers.size());
        evidence.put("idleResellerIds", idle.stream().map(KpiReport.Group::key).toList());
        evidence.put("sellingResellers", selling.size());
        evidence.put("wonRevenuePerSellingReseller", perSeller);
        // what the idle ones would bring if each sold as the selling ones did on average
        BigDecimal impact = perSeller == null ? null : perSeller.multiply(BigDecimal.valueOf(idle.size()));
        found.add(recommendation(c, "distributor-idle-resellers", distributor, "dealCount", BigDecimal.valueOf(idle.size()), "PEERS", evidence,
                Severity.MEDIUM, impact, distributor, idle.size(), resellers.size(), names,
                perSeller == null ? messages.getMessage("recommendation.distributor-idle-resellers.none-sells", null, c.locale)
                        : messages.getMessage("recommendation.distributor-idle-resellers.others-sell", new Object[] {money(perSeller, c.locale)}, c.locale)));
    }

    // ------------------------------------------------------------------------------------------
    // Deal success below the partners' lower quartile, several periods in a row → review
    // ------------------------------------------------------------------------------------------

    private void dealSuccess(Context c, List<Recommendation> found) {
        if (c.scope != Scope.PROGRAM && c.scope != Scope.PARTNER) {
            return;
        }
        int periods = Math.max(1, properties.dealSuccessPeriods());
        List<Map<String, KpiReport.Group>> byPartner = new ArrayList<>();
        List<BigDecimal> quartiles = new ArrayList<>();
        for (int i = 0; i < periods; i++) {
            Period p = c.period.shift(-i);
            Map<String, KpiReport.Group> groups = new LinkedHashMap<>();
            kpis.report(KpiQuery.of(p.from(), p.to()).withGroupBy(Dimension.PARTNER)).groups().forEach(g -> groups.put(g.key(), g));
            byPartner.add(groups);
            quartiles.add(quantile(groups.values().stream().map(g -> g.kpis().dealSuccess().value()).filter(v -> v != null).toList(),
                    properties.dealSuccessQuantile()));
        }
        if (quartiles.contains(null)) {
            return;
        }
        BigDecimal averageDeal = c.kpis(0).averageDealSize().value();
        for (KpiReport.Group group : byPartner.get(0).values()) {
            if (c.scope == Scope.PARTNER && !group.key().equals(c.id.toString())) {
                continue;
            }
            List<BigDecimal> values = new ArrayList<>();
            boolean below = true;
            for (int i = 0; i < periods && below; i++) {
                KpiReport.Group g = byPartner.get(i).get(group.key());
                BigDecimal v = g == null ? null : g.kpis().dealSuccess().value();
                BigDecimal decided = g == null ? null : g.kpis().dealSuccess().denominator();
                below = v != null && v.compareTo(quartiles.get(i)) < 0
                        && decided != null && decided.compareTo(BigDecimal.valueOf(properties.minimumDecided())) >= 0;
                values.add(v);
            }
            if (!below) {
                continue;
            }
            BigDecimal value = values.get(0);
            BigDecimal decided = group.kpis().dealSuccess().denominator();
            BigDecimal impact = averageDeal == null || decided == null ? null
                    : quartiles.get(0).subtract(value).multiply(decided).multiply(averageDeal);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("partnerId", Long.parseLong(group.key()));
            evidence.put("dealSuccess", values);
            evidence.put("lowerQuartile", quartiles);
            evidence.put("periods", periods);
            found.add(recommendation(c, "deal-success-review", group.label(), "dealSuccess", value, "PEER_QUARTILE", evidence,
                    Severity.HIGH, impact, group.label(), percent(value, c.locale), percent(quartiles.get(0), c.locale), periods));
        }
    }

    // ------------------------------------------------------------------------------------------
    // Average deal size falling period after period → coach value selling
    // ------------------------------------------------------------------------------------------

    private void averageDealSize(Context c, List<Recommendation> found) {
        int periods = Math.max(1, properties.averageDealSizePeriods());
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i <= periods; i++) {
            BigDecimal v = c.kpis(-i).averageDealSize().value();
            if (v == null) {
                return;
            }
            values.add(v);
        }
        for (int i = 0; i < periods; i++) {
            if (values.get(i).compareTo(values.get(i + 1)) >= 0) {
                return;
            }
        }
        BigDecimal value = values.get(0);
        BigDecimal impact = values.get(periods).subtract(value).multiply(BigDecimal.valueOf(c.kpis(0).dealCount().value()));
        found.add(recommendation(c, "average-deal-size-falling", null, "averageDealSize", value, "OWN_TREND",
                Map.of("averageDealSize", oldestFirst(values), "periods", periods), Severity.MEDIUM, impact,
                money(values.get(periods), c.locale), money(value, c.locale), periods));
    }

    // ------------------------------------------------------------------------------------------
    // Channel types (and channels) that lose money while others earn it → move spend
    // ------------------------------------------------------------------------------------------

    private void channels(Context c, List<Recommendation> found) {
        if (c.scope != Scope.PROGRAM && c.scope != Scope.PARTNER) {
            return; // spend cannot be narrowed to an employee, a department or a unit
        }
        ChannelReport report = kpis.channels(KpiQuery.of(c.period.from(), c.period.to()).withFilters(c.filters));
        ChannelReport.Row best = report.channelTypes().stream().filter(r -> r.roi() != null && r.roi().signum() > 0)
                .max(Comparator.comparing(ChannelReport.Row::roi)).orElse(null);
        if (best != null) {
            for (ChannelReport.Row type : report.channelTypes()) {
                if (type.roi() != null && type.roi().signum() < 0) {
                    found.add(recommendation(c, "channel-type-spend", type.label(), "marketingChannels", type.roi(), "PEERS",
                            Map.of("channelType", type.key(), "roi", type.roi(), "spend", type.spend(), "bestType", best.key(),
                                    "bestRoi", best.roi()),
                            Severity.MEDIUM, type.spend().multiply(type.roi().negate()), type.label(), percent(type.roi(), c.locale),
                            best.label(), percent(best.roi(), c.locale)));
                }
            }
        }
        BigDecimal programRoi = report.total().roi();
        if (programRoi != null && programRoi.signum() > 0) {
            for (ChannelReport.Row channel : report.channels()) {
                if (channel.roi() != null && channel.roi().signum() < 0 && channel.spend().signum() > 0) {
                    found.add(recommendation(c, "channel-spend", channel.label(), "marketingChannels", channel.roi(), "PEERS",
                            Map.of("channelId", channel.key(), "roi", channel.roi(), "spend", channel.spend(), "wonRevenue",
                                    channel.wonRevenue(), "programRoi", programRoi),
                            Severity.MEDIUM, channel.spend().subtract(channel.wonRevenue()).max(BigDecimal.ZERO), channel.label(),
                            percent(channel.roi(), c.locale), money(channel.spend(), c.locale), money(channel.wonRevenue(), c.locale)));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Pipeline coverage of the next period's target, target attainment, sales cycle
    // ------------------------------------------------------------------------------------------

    private void coverage(Context c, List<Recommendation> found) {
        KpiReport.Pipeline pipeline = c.kpis(0).pipeline();
        BigDecimal coverage = pipeline.coverage();
        if (coverage == null || coverage.compareTo(properties.minimumCoverage()) >= 0) {
            return;
        }
        BigDecimal remaining = coverage.signum() == 0 ? null : pipeline.amount().divide(coverage, MONEY, RoundingMode.HALF_EVEN);
        BigDecimal shortfall = remaining == null ? null : remaining.multiply(properties.minimumCoverage()).subtract(pipeline.amount());
        found.add(recommendation(c, "pipeline-coverage", null, "pipeline", coverage, "TARGET",
                Map.of("coverage", coverage, "openAmount", pipeline.amount(), "minimum", properties.minimumCoverage()),
                coverage.compareTo(BigDecimal.valueOf(1.5)) < 0 ? Severity.HIGH : Severity.MEDIUM, shortfall,
                decimal(coverage, c.locale), decimal(properties.minimumCoverage(), c.locale)));
    }

    private void target(Context c, List<Recommendation> found) {
        KpiReport.WonRevenue revenue = c.kpis(0).wonRevenue();
        if (revenue.target() == null || revenue.attainment() == null || revenue.attainment().isEmpty()
                || c.period.to().isAfter(LocalDate.now(clock.withZone(organization.timeZone())))) {
            return; // only a finished period is judged against its whole target
        }
        BigDecimal attainment = revenue.attainment().get();
        if (attainment.compareTo(properties.targetAttainment()) >= 0) {
            return;
        }
        found.add(recommendation(c, "behind-target", null, "wonRevenue", revenue.value(), "TARGET",
                Map.of("wonRevenue", revenue.value(), "target", revenue.target(), "attainment", attainment), Severity.HIGH,
                revenue.target().subtract(revenue.value()), percent(attainment, c.locale), money(revenue.target(), c.locale)));
    }

    private void salesCycle(Context c, List<Recommendation> found) {
        BigDecimal now = c.kpis(0).salesCycleDays().value();
        BigDecimal before = c.kpis(-1).salesCycleDays().value();
        if (now == null || before == null || before.signum() == 0) {
            return;
        }
        BigDecimal increase = now.subtract(before).divide(before, 4, RoundingMode.HALF_EVEN);
        if (increase.compareTo(properties.salesCycleIncrease()) < 0) {
            return;
        }
        BigDecimal velocityNow = c.kpis(0).salesVelocity().value();
        BigDecimal velocityBefore = c.kpis(-1).salesVelocity().value();
        BigDecimal impact = velocityNow == null || velocityBefore == null ? null
                : velocityBefore.subtract(velocityNow).max(BigDecimal.ZERO)
                .multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(c.period.from(), c.period.to())));
        found.add(recommendation(c, "sales-cycle-longer", null, "salesCycleDays", now, "PREVIOUS_PERIOD",
                Map.of("salesCycleDays", now, "previous", before, "increase", increase), Severity.MEDIUM, impact,
                decimal(now, c.locale), decimal(before, c.locale), percent(increase, c.locale)));
    }

    // ------------------------------------------------------------------------------------------
    // A seasonal dip due next period (the same months a year ago) → plan for it, blame no one
    // ------------------------------------------------------------------------------------------

    private void season(Context c, List<Recommendation> found) {
        Period thisLastYear = c.period.yearEarlier();
        Period nextLastYear = c.period.shift(1).yearEarlier();
        BigDecimal keep = BigDecimal.ONE.subtract(properties.seasonalDip());
        Map<String, KpiReport.Group> now = new LinkedHashMap<>();
        kpis.report(KpiQuery.of(thisLastYear.from(), thisLastYear.to()).withFilters(c.filters).withGroupBy(Dimension.PRODUCT_LINE))
                .groups().forEach(g -> now.put(g.key(), g));
        for (KpiReport.Group next : kpis.report(KpiQuery.of(nextLastYear.from(), nextLastYear.to()).withFilters(c.filters)
                .withGroupBy(Dimension.PRODUCT_LINE)).groups()) {
            KpiReport.Group before = now.get(next.key());
            if (before == null || next.key().isEmpty()) {
                continue;
            }
            long dealsBefore = before.kpis().dealCount().value();
            long dealsNext = next.kpis().dealCount().value();
            if (dealsBefore < 5 || BigDecimal.valueOf(dealsNext).compareTo(keep.multiply(BigDecimal.valueOf(dealsBefore))) >= 0) {
                continue;
            }
            BigDecimal dip = BigDecimal.valueOf(dealsBefore - dealsNext).divide(BigDecimal.valueOf(dealsBefore), 4, RoundingMode.HALF_EVEN);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("productLine", next.key());
            evidence.put("dealsThisPeriodLastYear", dealsBefore);
            evidence.put("dealsNextPeriodLastYear", dealsNext);
            evidence.put("wonRevenueThisPeriodLastYear", before.kpis().wonRevenue().value());
            evidence.put("wonRevenueNextPeriodLastYear", next.kpis().wonRevenue().value());
            evidence.put("dip", dip);
            found.add(recommendation(c, "seasonal-dip", next.label(), "dealCount", BigDecimal.valueOf(dealsNext), "SEASON", evidence,
                    Severity.INFO, before.kpis().wonRevenue().value().subtract(next.kpis().wonRevenue().value()).max(BigDecimal.ZERO),
                    next.label(), percent(dip, c.locale), Integer.toString(nextLastYear.from().getYear())));
        }
    }

    // ------------------------------------------------------------------------------------------

    // ------------------------------------------------------------------------------------------
    // Won deals against what the season leads one to expect: behind it, or down only as the season goes
    // ------------------------------------------------------------------------------------------

    private void againstSeason(Context c, List<Recommendation> found) {
        Seasonality.SeasonalIndex own = seasonality.index(Seasonality.Metric.DEAL_COUNT, c.filters, null, 3);
        BigDecimal history = own.months().stream().map(Seasonality.MonthIndex::value).filter(v -> v != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // a small scope's own history is too thin for an index: take the program's
        Seasonality.SeasonalIndex index = history.compareTo(BigDecimal.valueOf(100)) >= 0 || c.filters.isEmpty() ? own
                : seasonality.index(Seasonality.Metric.DEAL_COUNT, Map.of(), null, 3);
        Seasonality.Expectation e = seasonality.expectation(Seasonality.Metric.DEAL_COUNT, c.filters, index, c.period.from(), c.period.to());
        if (e.expected() == null || e.ratio() == null || e.expected().compareTo(BigDecimal.valueOf(5)) < 0) {
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("wonDeals", e.actual());
        evidence.put("previousPeriod", e.previous());
        evidence.put("seasonalIndexNow", e.indexNow());
        evidence.put("seasonalIndexBefore", e.indexBefore());
        evidence.put("expected", e.expected());
        evidence.put("indexOf", index == own ? c.scopeName() : "program");
        BigDecimal shortfall = BigDecimal.ONE.subtract(properties.seasonalDip());
        if (e.ratio().compareTo(shortfall) < 0) {
            BigDecimal averageDeal = c.kpis(0).averageDealSize().value();
            found.add(recommendation(c, "behind-season", null, "dealCount", e.actual(), "SEASON", evidence, Severity.MEDIUM,
                    averageDeal == null ? null : e.expected().subtract(e.actual()).multiply(averageDeal),
                    e.actual().toPlainString(), percent(BigDecimal.ONE.subtract(e.ratio()), c.locale),
                    e.expected().setScale(0, RoundingMode.HALF_EVEN).toPlainString()));
        } else if (e.actual().compareTo(e.previous()) < 0 && e.ratio().compareTo(new BigDecimal("0.9")) >= 0) {
            found.add(recommendation(c, "seasonal-as-expected", null, "dealCount", e.actual(), "SEASON", evidence, Severity.INFO, null,
                    e.previous().toPlainString(), e.actual().toPlainString(), e.expected().setScale(0, RoundingMode.HALF_EVEN).toPlainString()));
        }
    }

    private static List<BigDecimal> oldestFirst(List<BigDecimal> newestFirst) {
        List<BigDecimal> copy = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** The q-quantile by linear interpolation between the closest ranks; null for no values. */
    static BigDecimal quantile(List<BigDecimal> values, BigDecimal q) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        BigDecimal position = q.multiply(BigDecimal.valueOf(sorted.size() - 1));
        int lower = position.setScale(0, RoundingMode.FLOOR).intValue();
        BigDecimal fraction = position.subtract(BigDecimal.valueOf(lower));
        BigDecimal low = sorted.get(lower);
        BigDecimal high = sorted.get(Math.min(lower + 1, sorted.size() - 1));
        return low.add(high.subtract(low).multiply(fraction)).setScale(4, RoundingMode.HALF_EVEN);
    }

    private static String percent(BigDecimal ratio, Locale locale) {
        return ratio == null ? "—" : java.text.NumberFormat.getPercentInstance(locale).format(ratio);
    }

    private String money(BigDecimal amount, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(java.util.Currency.getInstance(organization.currency()));
        format.setMaximumFractionDigits(0);
        return amount == null ? "—" : format.format(amount);
    }

    private static String decimal(BigDecimal value, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return value == null ? "—" : format.format(value);
    }
}
