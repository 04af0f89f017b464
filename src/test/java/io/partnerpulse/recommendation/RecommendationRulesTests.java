package io.partnerpulse.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.partnerpulse.kpi.ChannelReport;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.kpi.PipelineReport;
import io.partnerpulse.kpi.RecordsPage;
import io.partnerpulse.shared.OrganizationSettings;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Each rule on KPI answers made by hand, where the right recommendation is known, and where none
 * must appear (one period below the quartile, a fall interrupted once, a small dip).
 */
class RecommendationRulesTests {

    static final LocalDate Q3 = LocalDate.of(2026, 7, 1);
    static final LocalDate Q4 = LocalDate.of(2026, 10, 1);

    /** KPIs of one group with the numbers the rules read; everything else empty. */
    record Numbers(BigDecimal averageDealSize, long deals, BigDecimal revenue, BigDecimal target, BigDecimal attainment,
                   BigDecimal open, BigDecimal coverage, BigDecimal cycle, BigDecimal velocity, BigDecimal dealSuccess,
                   BigDecimal decided) {
        static Numbers none() {
            return new Numbers(null, 0, BigDecimal.ZERO, null, null, BigDecimal.ZERO, null, null, null, null, BigDecimal.ZERO);
        }

        Numbers ads(String v) { return new Numbers(d(v), deals, revenue, target, attainment, open, coverage, cycle, velocity, dealSuccess, decided); }
        Numbers deals(long n) { return new Numbers(averageDealSize, n, revenue, target, attainment, open, coverage, cycle, velocity, dealSuccess, decided); }
        Numbers revenue(String v) { return new Numbers(averageDealSize, deals, d(v), target, attainment, open, coverage, cycle, velocity, dealSuccess, decided); }
        Numbers target(String t, String a) { return new Numbers(averageDealSize, deals, revenue, d(t), d(a), open, coverage, cycle, velocity, dealSuccess, decided); }
        Numbers coverage(String amount, String c) { return new Numbers(averageDealSize, deals, revenue, target, attainment, d(amount), d(c), cycle, velocity, dealSuccess, decided); }
        Numbers cycle(String c, String v) { return new Numbers(averageDealSize, deals, revenue, target, attainment, open, coverage, d(c), d(v), dealSuccess, decided); }
        Numbers success(String s, String n) { return new Numbers(averageDealSize, deals, revenue, target, attainment, open, coverage, cycle, velocity, d(s), d(n)); }

        KpiReport.Kpis kpis() {
            Optional<BigDecimal> no = Optional.empty();
            return new KpiReport.Kpis(new KpiReport.AverageDealSize(averageDealSize, null, null, null, "perDeal", no, no),
                    new KpiReport.DealCount(deals, 0, 0, no, no, null, no),
                    new KpiReport.WonRevenue(revenue, no, no, target, Optional.ofNullable(attainment)),
                    new KpiReport.Pipeline(open, 0, open, open, List.of(), 0, BigDecimal.ZERO, 0, 0, null, coverage, no, no, null, no),
                    new KpiReport.Ratio(null, BigDecimal.ZERO, BigDecimal.ZERO, "cohort", no, no),
                    new KpiReport.Ratio(null, BigDecimal.ZERO, BigDecimal.ZERO, "closed", no, no),
                    new KpiReport.SalesCycle(cycle, cycle, null, null, no, no),
                    new KpiReport.SalesVelocity(velocity, 0, null, null, null, no, no), null,
                    new KpiReport.DealSuccess(dealSuccess, null, decided, null, no, no));
        }
    }

    static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** Answers by period start and grouping: a function of the query. */
    static final class FakeKpis implements Kpis {
        final Map<String, List<KpiReport.Group>> reports = new HashMap<>();
        ChannelReport channels = new ChannelReport(Q3, Q4, "USD", List.of(), List.of(), List.of(), row("total", "All", null, "0", "0", null), List.of());

        void own(LocalDate from, Numbers numbers) {
            reports.put(from + "/", List.of(new KpiReport.Group("", "", numbers.kpis())));
        }

        void by(Dimension dimension, LocalDate from, Map<String, Numbers> groups) {
            List<KpiReport.Group> list = new ArrayList<>();
            groups.forEach((key, numbers) -> list.add(new KpiReport.Group(key, "Name " + key, numbers.kpis())));
            reports.put(from + "/" + dimension, list);
        }

        @Override
        public KpiReport report(KpiQuery query) {
            // a distributor's channel (two-tier distribution) is answered apart: the other rules never ask for one
            String key = query.from() + "/" + (query.groupBy() == null ? "" : query.groupBy())
                    + (query.filters().containsKey(Dimension.DISTRIBUTOR) ? "/channel " + query.filters().get(Dimension.DISTRIBUTOR) : "");
            List<KpiReport.Group> groups = reports.getOrDefault(key,
                    query.groupBy() == null ? List.of(new KpiReport.Group("", "", Numbers.none().kpis())) : List.of());
            return new KpiReport(query.from(), query.to(), "USD", "UTC", null, groups, List.of());
        }

        @Override
        public ChannelReport channels(KpiQuery query) {
            return channels;
        }

        @Override
        public PipelineReport pipeline(Instant at, Map<Dimension, List<String>> filters, Dimension groupBy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, List<java.math.BigDecimal>> qualityScores(List<String> partners, List<Span> periods) {
            throw new UnsupportedOperationException("the rules do not ask for quality score histories");
        }

        @Override
        public RecordsPage records(String kpi, KpiQuery query, String group, int page, int size) {
            throw new UnsupportedOperationException();
        }
    }

    /** A distributor's channel in the period: its partners' numbers, the distributor among them. */
    void channel(String distributor, Map<String, Numbers> partners) {
        List<KpiReport.Group> list = new ArrayList<>();
        partners.forEach((key, numbers) -> list.add(new KpiReport.Group(key, "Name " + key, numbers.kpis())));
        kpis.reports.put(Q3 + "/" + Dimension.PARTNER + "/channel [" + distributor + "]", list);
    }

    @Test
    void aDistributorWhoseResellersSoldNothingIsAskedToAgreeAPlanForThem() {
        Map<String, Numbers> partners = new java.util.LinkedHashMap<>();
        partners.put("10", Numbers.none().deals(5).revenue("5000"));      // the distributor itself
        partners.put("11", Numbers.none().deals(2).revenue("3000"));
        partners.put("12", Numbers.none().deals(1).revenue("1000"));
        partners.put("13", Numbers.none());
        partners.put("14", Numbers.none());
        channel("10", partners);

        List<Recommendation> plan = plan(Recommendations.Scope.PARTNER, 10L);
        assertThat(kinds(plan)).containsExactly("distributor-idle-resellers");
        Recommendation idle = plan.get(0);
        assertThat(idle.title()).isEqualTo("2 of the 4 resellers buying through Name 10 sold nothing in the period: Name 13, Name 14");
        assertThat(idle.action()).startsWith("Agree a plan with Name 10 for them (its other resellers won $2,000 each on average)");
        assertThat(idle.value()).isEqualByComparingTo("2");
        // the selling resellers won (3,000 + 1,000) / 2 = 2,000 each; the two idle ones as much: 4,000
        assertThat(idle.expectedImpact()).isEqualByComparingTo("4000.00");
        assertThat(idle.evidence().get("idleResellerIds")).asList().containsExactly("13", "14");

        partners.put("13", Numbers.none().deals(1).revenue("10"));
        partners.put("14", Numbers.none().deals(1).revenue("20"));
        channel("10", partners);
        assertThat(kinds(plan(Recommendations.Scope.PARTNER, 10L))).as("every reseller sold")
                .doesNotContain("distributor-idle-resellers");
        assertThat(kinds(plan(Recommendations.Scope.PROGRAM, null))).doesNotContain("distributor-idle-resellers");
    }

    @Test
    void aDistributorNoneOfWhoseResellersSoldGetsTheAdviceWithoutAGuessedImpact() {
        Map<String, Numbers> partners = new java.util.LinkedHashMap<>();
        partners.put("10", Numbers.none().deals(5).revenue("5000"));
        partners.put("11", Numbers.none());
        channel("10", partners);
        Recommendation idle = plan(Recommendations.Scope.PARTNER, 10L).get(0);
        assertThat(idle.title()).isEqualTo("1 of the 1 resellers buying through Name 10 sold nothing in the period: Name 11");
        assertThat(idle.action()).contains("none of its resellers sold anything");
        assertThat(idle.expectedImpact()).isNull();
    }

    static ChannelReport.Row row(String key, String label, String type, String spend, String won, String roi) {
        return new ChannelReport.Row(key, label, type, 0, 0, 0, d(won), null, d(spend), null, null, d(roi), null);
    }

    final FakeKpis kpis = new FakeKpis();

    List<Recommendation> plan(Recommendations.Scope scope, Long id) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return recommendationsFor().plan(scope, id, Q3, Q4, Locale.ENGLISH);
    }

    static Map<String, Numbers> successes(String... values) {
        Map<String, Numbers> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            groups.put(Integer.toString(i + 1), Numbers.none().success(values[i], "10"));
        }
        return groups;
    }

    static List<String> kinds(List<Recommendation> plan) {
        return plan.stream().map(Recommendation::kind).toList();
    }

    @Test
    void aPartnerBelowThePartnersLowerQuartileTwoPeriodsInARowIsUpForReview() {
        // Q3: 0.10 0.50 0.60 0.70 0.80 → lower quartile 0.50; Q2: 0.20 0.40 0.60 0.70 0.90 → 0.40
        kpis.by(Dimension.PARTNER, Q3, successes("0.10", "0.50", "0.60", "0.70", "0.80"));
        kpis.by(Dimension.PARTNER, Q3.minusMonths(3), successes("0.20", "0.40", "0.60", "0.70", "0.90"));
        kpis.own(Q3, Numbers.none().ads("1000"));
        List<Recommendation> plan = plan(Recommendations.Scope.PARTNER, 1L);
        assertThat(kinds(plan)).containsExactly("deal-success-review");
        Recommendation review = plan.get(0);
        assertThat(review.severity()).isEqualTo(Recommendation.Severity.HIGH);
        assertThat(review.value()).isEqualByComparingTo("0.10");
        assertThat(review.comparison()).isEqualTo("PEER_QUARTILE");
        assertThat(review.evidence().get("lowerQuartile")).asList().containsExactly(d("0.5000"), d("0.4000"));
        assertThat(review.title()).isEqualTo("Name 1: deal success 10%, below the partners' lower quartile (50%) 2 periods in a row");
        // (0.50 − 0.10) × 10 decided registrations × 1,000 average deal = 4,000
        assertThat(review.expectedImpact()).isEqualByComparingTo("4000.00");
        assertThat(plan(Recommendations.Scope.PARTNER, 2L)).as("at the quartile is not below it").isEmpty();
    }

    @Test
    void onePeriodBelowTheQuartileIsNotEnough() {
        kpis.by(Dimension.PARTNER, Q3, successes("0.10", "0.50", "0.60", "0.70", "0.80"));
        kpis.by(Dimension.PARTNER, Q3.minusMonths(3), successes("0.60", "0.40", "0.60", "0.70", "0.90"));
        assertThat(kinds(plan(Recommendations.Scope.PROGRAM, null))).doesNotContain("deal-success-review");
    }

    @Test
    void anAverageDealSizeFallingThreePeriodsInARowCallsForValueSelling() {
        kpis.own(Q3, Numbers.none().ads("700").deals(10));
        kpis.own(Q3.minusMonths(3), Numbers.none().ads("800"));
        kpis.own(Q3.minusMonths(6), Numbers.none().ads("900"));
        kpis.own(Q3.minusMonths(9), Numbers.none().ads("1000"));
        List<Recommendation> plan = plan(Recommendations.Scope.EMPLOYEE, 7L);
        assertThat(kinds(plan)).containsExactly("average-deal-size-falling");
        // 10 deals × (1,000 − 700) = 3,000
        assertThat(plan.get(0).expectedImpact()).isEqualByComparingTo("3000.00");
        kpis.own(Q3.minusMonths(6), Numbers.none().ads("750"));
        assertThat(kinds(plan(Recommendations.Scope.EMPLOYEE, 7L))).as("a rise in between breaks the run").isEmpty();
    }

    @Test
    void aChannelTypeLosingMoneyWhileAnotherEarnsGetsTheSpendRecommendation() {
        kpis.channels = new ChannelReport(Q3, Q4, "USD", List.of(),
                List.of(row("PAID", "Paid", null, "10000", "4000", "-0.6000"), row("EARNED", "Earned", null, "2000", "9000", "3.5000"),
                        row("OWNED", "Owned", null, "0", "500", null)), List.of(),
                row("total", "All", null, "12000", "13500", "0.1250"), List.of());
        List<Recommendation> plan = plan(Recommendations.Scope.PROGRAM, null);
        assertThat(kinds(plan)).containsExactly("channel-type-spend");
        assertThat(plan.get(0).title()).isEqualTo("Paid channels lose money (ROI -60%) while Earned channels earn it (ROI 350%)");
        assertThat(plan.get(0).action()).isEqualTo("Move spend from Paid to Earned channels.");
        assertThat(plan.get(0).expectedImpact()).isEqualByComparingTo("6000.00");
        assertThat(plan(Recommendations.Scope.DEPARTMENT, 3L)).as("spend is not a department's").isEmpty();
    }

    @Test
    void thinCoverageALongerCycleAndAMissedTargetAreNamed() {
        kpis.own(Q3, Numbers.none().coverage("20000", "1.2500").cycle("36", "100").target("50000", "0.6000").revenue("30000"));
        kpis.own(Q3.minusMonths(3), Numbers.none().cycle("30", "150"));
        List<Recommendation> plan = plan(Recommendations.Scope.UNIT, 2L);
        // both HIGH, ranked by impact: the pipeline shortfall (remaining target 20,000 ÷ 1.25 = 16,000;
        // 3 × 16,000 − 20,000 = 28,000) before the missed target (50,000 − 30,000 = 20,000)
        assertThat(kinds(plan)).containsExactly("pipeline-coverage", "behind-target", "sales-cycle-longer");
        assertThat(plan.get(0).expectedImpact()).isEqualByComparingTo("28000.00");
        assertThat(plan.get(1).expectedImpact()).isEqualByComparingTo("20000.00");
        assertThat(plan.get(2).title()).isEqualTo("Sales cycle 36 days, 20% longer than the 30 days of the previous period");
    }

    @Test
    void aSummerProductsWinterDipIsRecognisedAsSeasonalNotAFailure() {
        kpis.by(Dimension.PRODUCT_LINE, Q3.minusYears(1), Map.of("9", Numbers.none().deals(40).revenue("40000"),
                "8", Numbers.none().deals(40).revenue("40000")));
        kpis.by(Dimension.PRODUCT_LINE, Q4.minusYears(1), Map.of("9", Numbers.none().deals(22).revenue("22000"),
                "8", Numbers.none().deals(38).revenue("38000")));
        List<Recommendation> plan = plan(Recommendations.Scope.PROGRAM, null);
        assertThat(kinds(plan)).containsExactly("seasonal-dip");
        Recommendation dip = plan.get(0);
        assertThat(dip.severity()).isEqualTo(Recommendation.Severity.INFO);
        assertThat(dip.subject()).isEqualTo("Name 9");
        assertThat(dip.evidence()).containsEntry("dip", d("0.4500"));
        assertThat(dip.action()).contains("do not read the dip as a partner's failure");
    }

    /** Won deals per calendar month over the seasonal window: summer (Jun–Aug) twice as busy as the rest. */
    void summerSeason() {
        Map<String, Numbers> months = new java.util.LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(Integer.toString(m), Numbers.none().deals(m >= 6 && m <= 8 ? 60 : 30));
        }
        kpis.by(Dimension.MONTH_OF_YEAR, LocalDate.of(2024, 1, 1), months);
    }

    @Test
    void aFallThatTheSeasonExplainsIsReportedAsExpectedNotAsAProblem() {
        summerSeason();
        // average month (60 × 3 + 30 × 9) ÷ 12 = 37.5: index 1.6 in Jun–Aug, 0.8 in the other months
        kpis.own(Q3, Numbers.none().deals(40));
        kpis.own(Q4, Numbers.none().deals(27));
        List<Recommendation> plan = recommendationsFor().plan(Recommendations.Scope.PROGRAM, null, Q4, Q4.plusMonths(3), Locale.ENGLISH);
        assertThat(kinds(plan)).containsExactly("seasonal-as-expected");
        // Jul–Sep: (1.6 × 62 + 0.8 × 30) ÷ 92 = 1.3391 per day; Oct–Dec 0.8: expected 40 × 0.8 ÷ 1.3391 = 23.9; 27 won is not behind
        assertThat((BigDecimal) plan.get(0).evidence().get("expected")).isBetween(d("23.8"), d("24.0"));
        assertThat(plan.get(0).severity()).isEqualTo(Recommendation.Severity.INFO);
    }

    @Test
    void fewerDealsThanTheSeasonExpectsAreBehindTheSeason() {
        summerSeason();
        kpis.own(Q4, Numbers.none().deals(40).ads("500"));
        kpis.own(Q4.plusMonths(3), Numbers.none().deals(20).ads("500"));
        List<Recommendation> plan = recommendationsFor().plan(Recommendations.Scope.PROGRAM, null, Q4.plusMonths(3), Q4.plusMonths(6),
                Locale.ENGLISH);
        // Jan–Mar and Oct–Dec have the same index: 40 expected, 20 won → 50% behind
        assertThat(kinds(plan)).containsExactly("behind-season");
        assertThat(plan.get(0).title()).isEqualTo("Deals won: 20, 50% fewer than the 40 the season leads to expect");
        assertThat(plan.get(0).expectedImpact()).isEqualByComparingTo("10000.00");
    }

    static io.partnerpulse.fund.FundRecords.FundReturn fund(long id, String activity, String partner, String endsOn, long leads, String revenue,
                                                           String paid) {
        BigDecimal won = d(revenue);
        BigDecimal spent = d(paid);
        return new io.partnerpulse.fund.FundRecords.FundReturn(id, id, partner, activity, 10L, LocalDate.parse(endsOn), leads,
                won.signum() > 0 ? 2 : 0, won, BigDecimal.ZERO, spent, io.partnerpulse.fund.internal.FundStore.roi(won, spent));
    }

    @Test
    void asksToReviewAFundWhoseCampaignWonNothingAndToRepeatOneThatReturnedItsCostAtLeastTwice() {
        Recommendations.Period quarter = new Recommendations.Period(LocalDate.parse("2026-10-01"), LocalDate.parse("2027-01-01"));
        List<Recommendation> advice = recommendationsFor().funds(List.of(
                fund(1, "Webinar", "Acme", "2026-09-30", 7, "0", "2000"),          // 60 days after: nothing won → review
                fund(2, "Late fair", "Acme", "2026-12-01", 3, "0", "1000"),        // ended too recently to judge
                fund(3, "Fair", "Beta", "2026-08-31", 9, "3000", "1000"),          // ROI (3,000 − 1,000) ÷ 1,000 = 200%
                fund(4, "Mailing", "Beta", "2026-08-31", 9, "1500", "1000"),       // 50%: neither
                fund(5, "Roadshow", "Gamma", "2026-07-31", 4, "2000", "1000"),     // exactly 100%: worth repeating
                fund(6, "Next year", "Gamma", "2027-01-05", 0, "0", "500"),        // ends after the period
                fund(7, "Old", "Gamma", "2025-09-30", 0, "0", "500"),              // more than a year before it
                fund(8, "Unpaid", "Delta", "2026-06-30", 0, "0", "0")),            // nothing paid: no ROI
                Recommendations.Scope.PROGRAM, null, quarter, Locale.ENGLISH);
        assertThat(advice).extracting(Recommendation::kind).containsExactly("fund-no-return", "fund-strong-return", "fund-strong-return");
        Recommendation review = advice.get(0);
        assertThat(review.title()).isEqualTo("Webinar (Acme): $2,000 of market development funds paid and no deal won from its 7 leads, "
                + "60 days after it ended");
        assertThat(review.severity()).isEqualTo(Recommendation.Severity.MEDIUM);
        assertThat(review.expectedImpact()).isEqualByComparingTo("2000");
        assertThat(review.evidence()).containsEntry("requestId", 1L).containsEntry("endsOn", "2026-09-30");
        Recommendation repeat = advice.get(1);
        assertThat(repeat.title()).isEqualTo("Fair (Beta) returned 200% on its fund: $3,000 won for $1,000 paid");
        assertThat(repeat.value()).isEqualByComparingTo("2");
        assertThat(repeat.expectedImpact()).isEqualByComparingTo("2000");
        assertThat(advice.get(2).subject()).isEqualTo("Roadshow (Gamma)");
    }

    @Test
    void asksToPromoteAPartnerThatReachesABetterTierAndToCloseTheGapOfOneBelowItsOwn() {
        Recommendations.Period quarter = new Recommendations.Period(LocalDate.parse("2026-10-01"), LocalDate.parse("2027-01-01"));
        List<Recommendation> advice = recommendationsFor().tiers(List.of(
                new TierStandings.Standing(1, "Acme", io.partnerpulse.partner.PartnerTier.GOLD, TierStandings.Status.QUALIFIES_HIGHER,
                        io.partnerpulse.partner.PartnerTier.PLATINUM, d("6000000"), 30, 12, d("500000"), 10, d("0"), 0, 0, 0, 0, 0),
                new TierStandings.Standing(2, "Beta", io.partnerpulse.partner.PartnerTier.GOLD, TierStandings.Status.MEETS, null,
                        d("600000"), 12, 12, d("500000"), 10, d("0"), 0, 3, 2, 0, 1),
                new TierStandings.Standing(3, "Gamma", io.partnerpulse.partner.PartnerTier.SILVER, TierStandings.Status.BELOW, null,
                        d("90000"), 3, 6, d("100000"), 4, d("10000"), 1, 0, 0, 0, 0),
                new TierStandings.Standing(4, "Delta", io.partnerpulse.partner.PartnerTier.SILVER, TierStandings.Status.BELOW, null,
                        d("150000"), 6, 6, d("100000"), 4, d("0"), 0, 1, 2, 1, 1)),
                Recommendations.Scope.PROGRAM, null, quarter, Locale.ENGLISH);
        assertThat(advice).extracting(Recommendation::kind).containsExactly("tier-promote", "tier-certifications-lapsing", "tier-at-risk",
                "tier-at-risk");
        assertThat(advice.get(0).title()).isEqualTo("Acme meets what the Platinum tier requires (it is Gold), over the last 12 months");
        assertThat(advice.get(0).severity()).isEqualTo(Recommendation.Severity.INFO);
        // Beta meets Gold with 3 certified people of 2, but 2 of them hold certifications ending within 60 days: 1 left
        Recommendation lapsing = advice.remove(1);
        assertThat(lapsing.title()).isEqualTo("Beta has 3 certified people of the 2 its Gold tier asks for, but only 1 in 60 days as certifications end");
        assertThat(lapsing.action()).isEqualTo("Get 1 of Beta’s people recertified within 60 days, or it falls below its tier’s certified people.");
        assertThat(lapsing.severity()).isEqualTo(Recommendation.Severity.MEDIUM);
        assertThat(lapsing.evidence()).containsEntry("certifiedPeopleIn60Days", 1L);
        assertThat(advice.get(1).title()).isEqualTo("Gamma is below what the Silver tier requires: $90,000 won of $100,000 and 3 of 4 deals "
                + "over the last 6 months");
        assertThat(advice.get(1).expectedImpact()).isEqualByComparingTo("10000");
        assertThat(advice.get(1).evidence()).containsEntry("partnerId", 3L).containsEntry("requiredDeals", 4L);
        assertThat(advice.get(2).title()).as("short of certified people only").isEqualTo("Delta is below what the Silver tier requires: "
                + "$150,000 won of $100,000 and 6 of 4 deals over the last 6 months; 1 certified person of 2 today");
        assertThat(advice.get(2).evidence()).containsEntry("certifiedPeople", 1L).containsEntry("requiredCertifiedPeople", 2L);
    }

    Recommendations recommendationsFor() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Clock clock = Clock.fixed(Instant.parse("2027-01-15T00:00:00Z"), ZoneOffset.UTC);
        OrganizationSettings settings = new OrganizationSettings("USD", ZoneOffset.UTC);
        return new Recommendations(kpis, new RecommendationProperties(d("0.25"), 2, 3, 3, d("3"), d("0.20"), d("0.20"), d("0.80"), 60, d("1.00"), 120),
                messages, settings, clock, new Seasonality(kpis, null, settings, clock), new io.partnerpulse.shared.CurrentActor(), null, null, null);
    }

    @Test
    void theQuantileInterpolatesAndTiesShareAValue() {
        assertThat(Recommendations.quantile(List.of(d("1"), d("2"), d("3"), d("4")), d("0.25"))).isEqualByComparingTo("1.75");
        assertThat(Recommendations.quantile(List.of(d("0.5"), d("0.5"), d("0.5")), d("0.25"))).isEqualByComparingTo("0.5");
        assertThat(Recommendations.quantile(List.of(), d("0.25"))).isNull();
        Function<String, BigDecimal> one = v -> Recommendations.quantile(List.of(d(v)), d("0.25"));
        assertThat(one.apply("0.3")).isEqualByComparingTo("0.3");
    }
}
