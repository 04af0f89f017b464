package io.partnerpulse.kpi.internal;

import static io.partnerpulse.kpi.internal.KpiFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiProperties;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiQuery.AverageDealSizeVariant;
import io.partnerpulse.kpi.KpiQuery.CloseRateVariant;
import io.partnerpulse.kpi.KpiQuery.Comparison;
import io.partnerpulse.kpi.KpiReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every KPI against numbers worked out by hand (the arithmetic is in each test's comments),
 * including empty periods, zero denominators and ties.
 */
class KpiDefinitionsIntegrationTests {

    KpiFixtures f;

    @BeforeEach
    void emptyDatabase() {
        KpiTestDatabase.reset();
        f = new KpiFixtures();
    }

    static KpiReport.Kpis program(KpiQuery query) {
        KpiReport report = KpiTestDatabase.engine().report(query);
        assertThat(report.groups()).hasSize(1);
        return report.groups().get(0).kpis();
    }

    static KpiQuery period(String from, String to) {
        return KpiQuery.of(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Nested
    class AverageDealSizeAndDealCount {

        @Test
        void holdsTheBriefsExampleOfTwoDealsWonInTheLastFifteenDays() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            f.deal("200").created(today.minusDays(40).toString()).won(today.minusDays(10).toString()).save();
            f.deal("400").created(today.minusDays(30).toString()).won(today.minusDays(5).toString()).save();

            KpiReport.Kpis kpis = program(KpiQuery.of(today.minusDays(15), today.plusDays(1)));

            // (200 + 400) / 2 = 300
            assertThat(kpis.averageDealSize().value()).isEqualByComparingTo("300.00");
            assertThat(kpis.averageDealSize().numerator()).isEqualByComparingTo("600.00");
            assertThat(kpis.averageDealSize().denominator()).isEqualByComparingTo("2");
            assertThat(kpis.averageDealSize().median()).isEqualByComparingTo("300.00");
            assertThat(kpis.dealCount().value()).isEqualTo(2);
            assertThat(kpis.wonRevenue().value()).isEqualByComparingTo("600.00");
        }

        @Test
        void averagesOnlyWonDealsClosedInThePeriod() {
            f.deal("100").created("2026-01-05").won("2026-02-10").save();
            f.deal("300").created("2026-01-05").won("2026-02-20").save();
            f.deal("5000").created("2026-01-05").lost("2026-02-15").save();           // lost: not averaged
            f.deal("7000").created("2026-01-05").won("2026-03-01").save();           // closed after the period
            f.deal("9000").created("2026-02-05").save();                              // open

            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01"));

            assertThat(kpis.averageDealSize().value()).isEqualByComparingTo("200.00"); // (100 + 300) / 2
            assertThat(kpis.dealCount().value()).isEqualTo(2);
            assertThat(kpis.dealCount().createdCount()).isEqualTo(1);                 // the open one, created Feb 5
            assertThat(kpis.dealCount().lostCount()).isEqualTo(1);
        }

        @Test
        void takesTheMiddleOfTwoForAnEvenMedian() {
            for (String amount : List.of("100", "200", "300", "1000")) {
                f.deal(amount).created("2026-01-05").won("2026-02-10").save();
            }
            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01"));
            assertThat(kpis.averageDealSize().median()).isEqualByComparingTo("250.00");  // (200 + 300) / 2
            assertThat(kpis.averageDealSize().value()).isEqualByComparingTo("400.00");   // 1600 / 4
        }

        @Test
        void dividesByDistinctCustomersInThePerCustomerVariant() {
            long a = f.account("Acme");
            long b = f.account("Globex");
            f.deal("100").account(a).created("2026-01-05").won("2026-02-10").save();
            f.deal("300").account(a).created("2026-01-05").won("2026-02-11").save();
            f.deal("200").account(b).created("2026-01-05").won("2026-02-12").save();

            KpiReport.Kpis perDeal = program(period("2026-02-01", "2026-03-01"));
            KpiReport.Kpis perCustomer = program(period("2026-02-01", "2026-03-01")
                    .withVariants(CloseRateVariant.COHORT, AverageDealSizeVariant.PER_CUSTOMER));

            assertThat(perDeal.averageDealSize().value()).isEqualByComparingTo("200.00");     // 600 / 3 deals
            assertThat(perCustomer.averageDealSize().value()).isEqualByComparingTo("300.00"); // 600 / 2 customers
            assertThat(perCustomer.averageDealSize().denominator()).isEqualByComparingTo("2");
            assertThat(perCustomer.averageDealSize().variant()).isEqualTo("perCustomer");
        }

        @Test
        void countsADealInACurrencyWithoutRatesAsZeroAndSaysSo() {
            f.deal("100").created("2026-01-05").won("2026-02-10").save();
            f.deal("500").currency("XTS").created("2026-01-05").won("2026-02-11").save();

            KpiReport report = KpiTestDatabase.engine().report(period("2026-02-01", "2026-03-01"));

            assertThat(report.groups().get(0).kpis().wonRevenue().value()).isEqualByComparingTo("100.00");
            assertThat(report.groups().get(0).kpis().dealCount().value()).isEqualTo(2);
            assertThat(report.warnings()).singleElement().asString().contains("XTS", "no exchange rate");
        }

        @Test
        void convertsAForeignDealAtTheRateOfItsCloseDay() {
            f.rate("EUR", "2026-02-09", "1.1000000000");
            f.rate("EUR", "2026-02-11", "1.2000000000");
            f.deal("100").currency("EUR").created("2026-01-05").won("2026-02-10T15:00").save();

            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01"));

            // closed Feb 10: the latest rate on or before that day is Feb 9's 1.1 -> 110.00
            assertThat(kpis.wonRevenue().value()).isEqualByComparingTo("110.00");
        }
    }

    @Nested
    class EmptyPeriodsAndZeroDenominators {

        @Test
        void reportsUndefinedRatiosAsNullAndCountsAsZeroInAnEmptyPeriod() {
            f.deal("100").created("2025-01-05").won("2025-02-10").save();

            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01"));

            assertThat(kpis.averageDealSize().value()).isNull();
            assertThat(kpis.averageDealSize().median()).isNull();
            assertThat(kpis.dealCount().value()).isZero();
            assertThat(kpis.wonRevenue().value()).isEqualByComparingTo("0.00");
            assertThat(kpis.closeRate().value()).isNull();
            assertThat(kpis.closeRate().denominator()).isEqualByComparingTo("0");
            assertThat(kpis.winRate().value()).isNull();
            assertThat(kpis.salesCycleDays().value()).isNull();
            assertThat(kpis.salesVelocity().value()).isNull();
            assertThat(kpis.dealSuccess().value()).isNull();
            assertThat(kpis.dealSuccess().approvalRate().value()).isNull();
            assertThat(kpis.pipeline().count()).isZero();
            assertThat(kpis.pipeline().amount()).isEqualByComparingTo("0.00");
            assertThat(kpis.pipeline().change().percent()).isNull();
        }

        @Test
        void leavesVelocityUndefinedWhenNoDealWasWon() {
            f.deal("100").created("2026-01-05").lost("2026-02-10").save();
            f.deal("100").created("2026-01-05").save();
            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01"));
            assertThat(kpis.winRate().value()).isEqualByComparingTo("0.0000");
            assertThat(kpis.salesVelocity().value()).isNull();
            assertThat(kpis.salesVelocity().openCount()).isEqualTo(1);
        }
    }

    @Nested
    class CloseAndWinRate {

        @Test
        void countsTheLeadsOfThePeriodWhoseDealIsWonByNow() {
            long won = f.lead("2026-02-03", null, "US");
            long lost = f.lead("2026-02-04", null, "US");
            f.lead("2026-02-05", null, "US");
            f.lead("2026-02-06", null, "US");
            long before = f.lead("2026-01-20", null, "US");
            f.deal("100").lead(won).created("2026-02-10").won("2026-04-10").save();   // won after the period: counts
            f.deal("100").lead(lost).created("2026-02-10").lost("2026-02-20").save();
            f.deal("100").lead(before).created("2026-01-25").won("2026-02-10").save(); // lead of January: not in the cohort

            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01"));

            assertThat(kpis.closeRate().value()).isEqualByComparingTo("0.2500");   // 1 won of 4 leads
            assertThat(kpis.closeRate().numerator()).isEqualByComparingTo("1");
            assertThat(kpis.closeRate().denominator()).isEqualByComparingTo("4");
            assertThat(kpis.closeRate().variant()).isEqualTo("cohort");
        }

        @Test
        void dividesWonByWonAndLostInTheWinRate() {
            f.deal("100").created("2026-01-05").won("2026-02-10").save();
            f.deal("100").created("2026-01-05").won("2026-02-11").save();
            f.deal("100").created("2026-01-05").lost("2026-02-12").save();
            f.deal("100").created("2026-01-05").save();

            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01").withVariants(CloseRateVariant.WIN_RATE,
                    AverageDealSizeVariant.PER_DEAL));

            assertThat(kpis.winRate().value()).isEqualByComparingTo("0.6667");   // 2 / 3
            assertThat(kpis.closeRate().value()).isEqualByComparingTo("0.6667");
            assertThat(kpis.closeRate().variant()).isEqualTo("winRate");
        }

        @Test
        void placesASouthernLeadsJulyInWinterAndANorthernOneInSummer() {
            long sydney = f.lead("2026-07-10", null, "AU");
            long karachi = f.lead("2026-07-11", null, "PK");
            f.deal("100").lead(sydney).country("AU").created("2026-07-15").won("2026-07-20").save();
            f.deal("100").lead(karachi).country("PK").created("2026-07-15").lost("2026-07-20").save();

            KpiReport report = KpiTestDatabase.engine().report(period("2026-07-01", "2026-08-01").withGroupBy(Dimension.SEASON));

            assertThat(report.groups()).extracting(KpiReport.Group::key).containsExactly("WINTER", "SUMMER");
            KpiReport.Kpis winter = report.groups().get(0).kpis();
            KpiReport.Kpis summer = report.groups().get(1).kpis();
            assertThat(winter.closeRate().value()).isEqualByComparingTo("1.0000");  // Sydney's lead, won
            assertThat(summer.closeRate().value()).isEqualByComparingTo("0.0000");  // Karachi's lead, lost
        }
    }

    @Nested
    class Pipeline {

        @Test
        void takesEachDealsStageAsOfTheEndFromItsHistory() {
            f.deal("1000").created("2026-01-05").moves("PROPOSAL@2026-02-10", "NEGOTIATION@2026-03-20").save();

            KpiReport.Kpis february = program(period("2026-02-01", "2026-03-01"));
            KpiReport.Kpis march = program(period("2026-03-01", "2026-04-01"));

            assertThat(february.pipeline().byStage().get(2).count()).isEqualTo(1);         // PROPOSAL on Mar 1
            assertThat(february.pipeline().weightedAmount()).isEqualByComparingTo("500.00"); // 1000 x 0.50
            assertThat(march.pipeline().byStage().get(3).count()).isEqualTo(1);            // NEGOTIATION on Apr 1
            assertThat(march.pipeline().weightedAmount()).isEqualByComparingTo("750.00");    // 1000 x 0.75
        }

        @Test
        void countsADealOpenAcrossThePeriodBoundaryInThePipelineOnly() {
            f.deal("800").created("2026-01-20").won("2026-03-10").save();

            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01"));

            assertThat(kpis.pipeline().count()).isEqualTo(1);
            assertThat(kpis.pipeline().amount()).isEqualByComparingTo("800.00");
            assertThat(kpis.pipeline().createdCount()).isZero();
            assertThat(kpis.dealCount().value()).isZero();
            // it was open at the start too: no change
            assertThat(kpis.pipeline().change().count()).isZero();
            assertThat(kpis.pipeline().change().percent()).isEqualByComparingTo("0.0000");
        }

        @Test
        void reportsWhatWasCreatedLostAndLostToACompetitorAndTheChange() {
            f.deal("1000").created("2026-01-10").save();                                   // open at both ends
            f.deal("500").created("2026-01-15").lostTo("2026-02-10", "Rival Inc").save();   // open at start only
            f.deal("300").created("2026-02-05").lost("2026-02-12").save();
            f.deal("200").created("2026-02-06").save();
            f.deal("100").created("2026-02-07").moves("QUALIFICATION@2026-02-08").save();

            KpiReport.Pipeline p = program(period("2026-02-01", "2026-03-01")).pipeline();

            assertThat(p.count()).isEqualTo(3);                                     // 1000, 200, 100
            assertThat(p.amount()).isEqualByComparingTo("1300.00");
            assertThat(p.weightedAmount()).isEqualByComparingTo("145.00");          // 1000x.10 + 200x.10 + 100x.25 = 100 + 20 + 25
            assertThat(p.createdCount()).isEqualTo(3);
            assertThat(p.createdAmount()).isEqualByComparingTo("600.00");
            assertThat(p.lostCount()).isEqualTo(2);
            assertThat(p.lostToCompetitorCount()).isEqualTo(1);
            assertThat(p.change().count()).isEqualTo(1);                            // 3 now, 2 at Feb 1
            assertThat(p.change().amount()).isEqualByComparingTo("-200.00");        // 1300 - 1500
            assertThat(p.change().percent()).isEqualByComparingTo("-0.1333");       // -200 / 1500
        }

        @Test
        void weighsStagesWithConfiguredProbabilities() {
            f.deal("1000").created("2026-01-05").save();
            KpiProperties custom = new KpiProperties(Map.of("PROSPECTING", new BigDecimal("0.20")),
                    KpiTestDatabase.defaultWeights(), java.time.Duration.ofMillis(50), java.time.Duration.ofMinutes(10));
            KpiReport report = KpiTestDatabase.engine(custom).report(period("2026-02-01", "2026-03-01"));
            assertThat(report.groups().get(0).kpis().pipeline().weightedAmount()).isEqualByComparingTo("200.00");
        }

        @Test
        void measuresCoverageAgainstWhatIsLeftOfNextPeriodsTarget() {
            f.target("PROGRAM", null, "REVENUE", "2026-03-01", "2026-04-01", "10000");
            f.deal("12000").created("2026-02-05").save();
            f.deal("4000").created("2026-02-05").won("2026-03-05").save();     // open at Mar 1, won in March

            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01"));

            // open at Mar 1: 12000 + 4000 = 16000; left of March's target: 10000 - 4000 = 6000
            assertThat(kpis.pipeline().coverage()).isEqualByComparingTo("2.6667");
        }

        @Test
        void leavesCoverageUndefinedWithoutATarget() {
            f.deal("12000").created("2026-02-05").save();
            assertThat(program(period("2026-02-01", "2026-03-01")).pipeline().coverage()).isNull();
        }
    }

    @Nested
    class DealVelocity {

        @Test
        void computesMeanAndMedianCycleAndVelocityFromItsFourFactors() {
            f.deal("200").created("2026-01-31").won("2026-02-10").save();   // 10 days
            f.deal("400").created("2026-01-31").won("2026-02-20").save();   // 20 days
            f.deal("50").created("2026-01-31").lost("2026-02-11").save();
            f.deal("50").created("2026-01-31").lost("2026-02-12").save();
            f.deal("10").created("2026-02-02").save();
            f.deal("10").created("2026-02-03").save();
            f.deal("10").created("2026-02-04").save();

            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01"));

            assertThat(kpis.salesCycleDays().value()).isEqualByComparingTo("15.00");    // (10 + 20) / 2
            assertThat(kpis.salesCycleDays().median()).isEqualByComparingTo("15.00");
            assertThat(kpis.salesCycleDays().numerator()).isEqualByComparingTo("30.00");
            // 3 open x 300 average x 0.5 win rate / 15 days = 30.00 a day
            assertThat(kpis.salesVelocity().value()).isEqualByComparingTo("30.00");
            assertThat(kpis.salesVelocity().openCount()).isEqualTo(3);
        }
    }

    @Nested
    class QualityScore {

        @Test
        void ranksActivePartnersByRevenueAndDealsWithTiesSharingTheLowestRank() {
            long p1 = f.partner("One", "GOLD", "US");
            long p2 = f.partner("Two", "GOLD", "US");
            long p3 = f.partner("Three", "SILVER", "US");
            f.deal("500").partner(p1).created("2026-01-05").won("2026-02-10").save();
            f.deal("500").partner(p1).created("2026-01-05").won("2026-02-11").save();
            f.deal("250").partner(p2).created("2026-01-05").won("2026-02-10").save();
            f.deal("250").partner(p2).created("2026-01-05").won("2026-02-11").save();
            f.deal("500").partner(p3).created("2026-01-05").won("2026-02-10").save();

            Map<String, KpiReport.QualityScore> scores = qualityScores(period("2026-02-01", "2026-03-01"));

            // revenue 1000, 500, 500: ranks 3, 1, 1 -> 1.0, 0, 0; deals 2, 2, 1: ranks 2, 2, 1 -> 0.5, 0.5, 0
            assertThat(scores.get("One").value()).isEqualByComparingTo("75.00");    // 100 x (0.5 x 1 + 0.5 x 0.5)
            assertThat(scores.get("Two").value()).isEqualByComparingTo("25.00");    // 100 x (0.5 x 0 + 0.5 x 0.5)
            assertThat(scores.get("Three").value()).isEqualByComparingTo("0.00");
            assertThat(scores.get("One").rank()).isEqualTo(1);
            assertThat(scores.get("Two").rank()).isEqualTo(2);
            assertThat(scores.get("Three").rank()).isEqualTo(3);
            assertThat(scores.get("One").peers()).isEqualTo(3);
            assertThat(scores.get("Two").components()).extracting(KpiReport.Component::percentRank)
                    .first().isEqualTo(new BigDecimal("0.0000"));
        }

        @Test
        void givesALonePartnerOneHundred() {
            long lone = f.partner("Lone", "GOLD", "US");
            f.deal("10").partner(lone).created("2026-01-05").won("2026-02-10").save();
            assertThat(qualityScores(period("2026-02-01", "2026-03-01")).get("Lone").value()).isEqualByComparingTo("100.00");
        }

        @Test
        void leavesPartnersTerminatedInThePeriodOutOfThePeers() {
            long stays = f.partner("Stays", "GOLD", "US");
            long leaves = f.partner("Leaves", "GOLD", "US");
            f.deal("10").partner(stays).created("2026-01-05").won("2026-02-10").save();
            f.deal("99").partner(leaves).created("2026-01-05").won("2026-02-10").save();
            f.terminate(leaves, "2026-02-20");

            Map<String, KpiReport.QualityScore> scores = qualityScores(period("2026-02-01", "2026-03-01"));

            assertThat(scores.get("Stays").value()).isEqualByComparingTo("100.00");
            assertThat(scores.get("Stays").peers()).isEqualTo(1);
            assertThat(scores.get("Leaves").value()).isNull();
        }

        @Test
        void showsThePreviousPeriodsScore() {
            long a = f.partner("A", "GOLD", "US");
            long b = f.partner("B", "GOLD", "US");
            f.deal("10").partner(a).created("2026-01-05").won("2026-01-10").save();   // January: A leads
            f.deal("99").partner(b).created("2026-01-05").won("2026-02-10").save();   // February: B leads
            Map<String, KpiReport.QualityScore> scores = qualityScores(period("2026-02-01", "2026-03-01"));
            assertThat(scores.get("A").value()).isEqualByComparingTo("0.00");
            assertThat(scores.get("A").previous()).contains(new BigDecimal("100.00"));
            assertThat(scores.get("A").previousRank()).isEqualTo(1);
        }

        private Map<String, KpiReport.QualityScore> qualityScores(KpiQuery query) {
            KpiReport report = KpiTestDatabase.engine().report(query.withGroupBy(Dimension.PARTNER));
            Map<String, KpiReport.QualityScore> byName = new java.util.HashMap<>();
            report.groups().forEach(g -> {
                if (g.kpis().qualityScore() != null) {
                    byName.put(g.label(), g.kpis().qualityScore());
                }
            });
            return byName;
        }
    }

    @Nested
    class DealSuccess {

        @Test
        void countsRejectionsAndExpiriesAgainstThePartner() {
            long p = f.partner("Registrar", "GOLD", "US");
            long won = f.deal("100").partner(p).created("2026-01-05").won("2026-02-10").save();
            long lost = f.deal("100").partner(p).created("2026-01-05").lost("2026-02-11").save();
            long open = f.deal("100").partner(p).created("2026-01-05").save();
            f.registration(p, won, "APPROVED", "2026-01-04", "2026-01-05");
            f.registration(p, lost, "APPROVED", "2026-01-04", "2026-01-05");
            f.registration(p, open, "APPROVED", "2026-01-04", "2026-01-05");        // no outcome yet
            f.registration(p, null, "REJECTED", "2026-02-01", "2026-02-02");        // a conflict
            f.registration(p, null, "EXPIRED", "2025-11-01", "2026-02-03");
            f.registration(p, null, "PENDING", "2026-02-04", null);

            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01"));

            // won / (won + lost + rejected + expired) = 1 / 4
            assertThat(kpis.dealSuccess().value()).isEqualByComparingTo("0.2500");
            assertThat(kpis.dealSuccess().numerator()).isEqualByComparingTo("1");
            assertThat(kpis.dealSuccess().denominator()).isEqualByComparingTo("4");
            // decided in February: 1 rejected, no approvals (those were decided in January)
            assertThat(kpis.dealSuccess().approvalRate().value()).isEqualByComparingTo("0.0000");
            assertThat(kpis.dealSuccess().approvalRate().denominator()).isEqualByComparingTo("1");
        }
    }

    @Nested
    class TwoTierDistribution {

        long distributor;
        long first;
        long second;
        long oneTier;

        /**
         * February 2026: the distributor wins 1000 itself; its resellers win 200 and 400 (first) and
         * 300 (second, which also loses 500 and has 900 open); a partner buying through no one wins
         * 700 and a direct deal 50.
         */
        @BeforeEach
        void aDistributorWithTwoResellersBesideAOneTierPartnerAndADirectDeal() {
            distributor = f.partner("Dist", "PLATINUM", "US");
            first = f.partner("First reseller", "SILVER", "US");
            second = f.partner("Second reseller", "REGISTERED", "US");
            oneTier = f.partner("One tier", "GOLD", "US");
            f.distributes(distributor, first, second);
            f.deal("1000").partner(distributor).created("2026-01-05").won("2026-02-03").save();
            f.deal("200").partner(first).created("2026-01-05").won("2026-02-10").save();
            f.deal("400").partner(first).created("2026-01-05").won("2026-02-11").save();
            f.deal("300").partner(second).created("2026-01-05").won("2026-02-12").save();
            f.deal("500").partner(second).created("2026-01-05").lost("2026-02-13").save();
            f.deal("900").partner(second).created("2026-02-05").save();
            f.deal("700").partner(oneTier).created("2026-01-05").won("2026-02-14").save();
            f.deal("50").created("2026-01-05").won("2026-02-15").save();
        }

        @Test
        void groupsTheDistributorsOwnDealsWithItsResellersAndTheRestUnderNoDistributor() {
            List<KpiReport.Group> groups = KpiTestDatabase.engine().report(period("2026-02-01", "2026-03-01")
                    .withGroupBy(Dimension.DISTRIBUTOR)).groups();

            assertThat(groups).extracting(KpiReport.Group::key).containsExactlyInAnyOrder(Long.toString(distributor), "none");
            KpiReport.Group channel = groups.stream().filter(g -> g.key().equals(Long.toString(distributor))).findFirst().orElseThrow();
            KpiReport.Group none = groups.stream().filter(g -> g.key().equals("none")).findFirst().orElseThrow();
            assertThat(channel.label()).isEqualTo("Dist");
            assertThat(none.label()).isEqualTo("No distributor");
            // 1000 + 200 + 400 + 300 = 1900 over 4 won deals = 475; 1 lost; 900 open
            assertThat(channel.kpis().wonRevenue().value()).isEqualByComparingTo("1900.00");
            assertThat(channel.kpis().dealCount().value()).isEqualTo(4);
            assertThat(channel.kpis().averageDealSize().value()).isEqualByComparingTo("475.00");
            assertThat(channel.kpis().dealCount().lostCount()).isEqualTo(1);
            assertThat(channel.kpis().pipeline().amount()).isEqualByComparingTo("900.00");
            // win rate: 4 won of 5 closed = 0.8
            assertThat(channel.kpis().winRate().value()).isEqualByComparingTo("0.8000");
            // the one-tier partner's 700 and the direct 50: 750 over 2 = 375
            assertThat(none.kpis().wonRevenue().value()).isEqualByComparingTo("750.00");
            assertThat(none.kpis().averageDealSize().value()).isEqualByComparingTo("375.00");
        }

        @Test
        void filtersOnADistributorToItsWholeChannelAndOnAPartnerThatIsNoneToNothing() {
            KpiReport.Kpis channel = program(period("2026-02-01", "2026-03-01")
                    .withFilters(Map.of(Dimension.DISTRIBUTOR, List.of(Long.toString(distributor)))));
            assertThat(channel.wonRevenue().value()).isEqualByComparingTo("1900.00");
            assertThat(channel.dealCount().value()).isEqualTo(4);

            List<KpiReport.Group> resellers = KpiTestDatabase.engine().report(period("2026-02-01", "2026-03-01")
                    .withGroupBy(Dimension.PARTNER).withFilters(Map.of(Dimension.DISTRIBUTOR, List.of(Long.toString(distributor))))).groups();
            assertThat(resellers).extracting(KpiReport.Group::label).containsExactlyInAnyOrder("Dist", "First reseller", "Second reseller");
            KpiReport.Group firstRow = resellers.stream().filter(g -> g.label().equals("First reseller")).findFirst().orElseThrow();
            assertThat(firstRow.kpis().wonRevenue().value()).isEqualByComparingTo("600.00");   // 200 + 400
            assertThat(firstRow.kpis().averageDealSize().value()).isEqualByComparingTo("300.00");

            KpiReport.Kpis notADistributor = program(period("2026-02-01", "2026-03-01")
                    .withFilters(Map.of(Dimension.DISTRIBUTOR, List.of(Long.toString(oneTier)))));
            assertThat(notADistributor.dealCount().value()).isZero();
            assertThat(notADistributor.wonRevenue().value()).isEqualByComparingTo("0");
            assertThat(notADistributor.averageDealSize().value()).as("no deal: no average, not zero").isNull();
        }

        @Test
        void movesAResellersDealsWithItWhenItLeavesItsDistributor() {
            KpiTestDatabase.jdbc().sql("update partner set distributor_id = null where id = :r").param("r", first).update();

            KpiReport.Kpis channel = program(period("2026-02-01", "2026-03-01")
                    .withFilters(Map.of(Dimension.DISTRIBUTOR, List.of(Long.toString(distributor)))));
            // 1000 + 300: the first reseller's 600 now counts under no distributor
            assertThat(channel.wonRevenue().value()).isEqualByComparingTo("1300.00");
            assertThat(channel.dealCount().value()).isEqualTo(2);
        }
    }

    @Nested
    class ComparisonsAndTargets {

        @Test
        void comparesAMonthWithThePreviousMonthAndTheSameMonthLastYear() {
            f.deal("100").created("2026-01-05").won("2026-01-10").save();
            f.deal("300").created("2026-01-05").won("2026-02-10").save();
            f.deal("700").created("2025-01-05").won("2025-02-10").save();

            KpiReport.Kpis kpis = program(period("2026-02-01", "2026-03-01")
                    .withCompare(Set.of(Comparison.PREVIOUS, Comparison.LAST_YEAR)));

            assertThat(kpis.wonRevenue().value()).isEqualByComparingTo("300.00");
            assertThat(kpis.wonRevenue().previous()).contains(new BigDecimal("100.00"));   // January 2026
            assertThat(kpis.wonRevenue().lastYear()).contains(new BigDecimal("700.00"));   // February 2025
            assertThat(kpis.averageDealSize().previous()).contains(new BigDecimal("100.00"));
        }

        @Test
        void reportsAnUndefinedComparisonAsEmptyAndAnUnaskedOneNotAtAll() {
            f.deal("300").created("2026-01-05").won("2026-02-10").save();
            KpiReport.Kpis asked = program(period("2026-02-01", "2026-03-01").withCompare(Set.of(Comparison.PREVIOUS)));
            KpiReport.Kpis unasked = program(period("2026-02-01", "2026-03-01"));
            assertThat(asked.averageDealSize().previous()).isEqualTo(Optional.empty());
            assertThat(unasked.averageDealSize().previous()).isNull();
        }

        @Test
        void proratesAQuarterlyTargetToAMonthAndMeasuresAttainment() {
            long p = f.partner("Target Partner", "GOLD", "US");
            f.target("PARTNER", p, "REVENUE", "2026-01-01", "2026-04-01", "900");    // 90 days
            f.deal("150").partner(p).created("2026-01-05").won("2026-02-10").save();

            KpiReport report = KpiTestDatabase.engine().report(period("2026-02-01", "2026-03-01").withGroupBy(Dimension.PARTNER));
            KpiReport.WonRevenue revenue = report.groups().stream().filter(g -> g.label().equals("Target Partner"))
                    .findFirst().orElseThrow().kpis().wonRevenue();

            assertThat(revenue.target()).isEqualByComparingTo("280.00");              // 900 x 28 / 90
            assertThat(revenue.attainment()).contains(new BigDecimal("0.5357"));      // 150 / 280
        }

        @Test
        void usesTheProgramTargetWhenNothingIsFilteredAndAPartnersWhenOnlyItIs() {
            long p = f.partner("Filtered", "GOLD", "US");
            f.target("PROGRAM", null, "DEAL_COUNT", "2026-02-01", "2026-03-01", "4");
            f.target("PARTNER", p, "DEAL_COUNT", "2026-02-01", "2026-03-01", "2");
            f.deal("150").partner(p).created("2026-01-05").won("2026-02-10").save();

            KpiReport.Kpis program = program(period("2026-02-01", "2026-03-01"));
            KpiReport.Kpis partner = program(period("2026-02-01", "2026-03-01")
                    .withFilters(Map.of(Dimension.PARTNER, List.of(Long.toString(p)))));

            assertThat(program.dealCount().target()).isEqualByComparingTo("4");
            assertThat(program.dealCount().attainment()).contains(new BigDecimal("0.2500"));
            assertThat(partner.dealCount().target()).isEqualByComparingTo("2");
            assertThat(partner.dealCount().attainment()).contains(new BigDecimal("0.5000"));
        }
    }
}
