package io.partnerpulse.kpi.internal;

import static io.partnerpulse.kpi.internal.KpiFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.partnerpulse.kpi.ChannelReport;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.PipelineReport;
import io.partnerpulse.kpi.RecordsPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The channel table, the pipeline as of an instant and drill-through, against hand-computed numbers. */
class KpiBreakdownsIntegrationTests {

    KpiFixtures f;

    @BeforeEach
    void emptyDatabase() {
        KpiTestDatabase.reset();
        f = new KpiFixtures();
    }

    @Test
    void spreadsCampaignCostOverItsDaysAndComputesCostsAndReturnPerChannel() {
        long search = f.defaultChannel();                                 // PAID
        long referral = f.channel("Partner Referral", "EARNED");
        f.campaign(search, "2026-02-01", "2026-02-28", "2800");          // 100 a day
        f.campaign(referral, "2026-01-01", "2026-01-31", "999");         // before the period: no spend
        long won = f.lead("2026-02-02", null, "US", search);
        f.lead("2026-02-03", null, "US", search);
        f.lead("2026-02-04", null, "US", search);
        f.lead("2026-02-05", null, "US", search);
        long referred = f.lead("2026-02-06", null, "US", referral);
        f.deal("5000").lead(won).channel(search).created("2026-02-07").won("2026-02-10").save();
        f.deal("1000").lead(referred).channel(referral).created("2026-02-07").won("2026-02-12").save();

        ChannelReport report = new Breakdowns(new KpiCalculator(load(), props()))
                .channels(KpiQuery.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-15")));

        ChannelReport.Row paid = report.channels().get(0);
        assertThat(paid.label()).isEqualTo("Search Ads");
        assertThat(paid.leads()).isEqualTo(4);
        assertThat(paid.opportunities()).isEqualTo(1);
        assertThat(paid.wonDeals()).isEqualTo(1);
        assertThat(paid.spend()).isEqualByComparingTo("1400.00");              // 14 of 28 days of 2800
        assertThat(paid.costPerLead()).isEqualByComparingTo("350.00");         // 1400 / 4
        assertThat(paid.costPerWonDeal()).isEqualByComparingTo("1400.00");
        assertThat(paid.roi()).isEqualByComparingTo("2.5714");                 // (5000 - 1400) / 1400
        assertThat(paid.revenueShare()).isEqualByComparingTo("0.8333");        // 5000 / 6000
        assertThat(paid.closeRate().value()).isEqualByComparingTo("0.2500");   // 1 of 4 leads won

        ChannelReport.Row earned = report.channels().get(1);
        assertThat(earned.spend()).isEqualByComparingTo("0.00");
        assertThat(earned.roi()).isNull();                                      // no spend: undefined
        assertThat(earned.costPerLead()).isEqualByComparingTo("0.00");

        assertThat(report.channelTypes()).extracting(ChannelReport.Row::key).containsExactly("PAID", "EARNED");
        assertThat(report.total().wonRevenue()).isEqualByComparingTo("6000.00");
        assertThat(report.total().spend()).isEqualByComparingTo("1400.00");
    }

    @Test
    void judgesEachCampaignByTheLeadsAndWonDealsItBroughtInAgainstItsOwnCostInThePeriod() {
        long search = f.defaultChannel();
        long a = f.campaign(search, "2026-02-01", "2026-02-28", "2800");     // 100 a day
        long b = f.campaign(search, "2026-02-01", "2026-02-14", "700");      // 50 a day, all 14 days in the period
        long won = f.lead("2026-02-02", null, "US", search);
        f.leadCampaign(won, a);
        f.leadCampaign(f.lead("2026-02-03", null, "US", search), a);
        f.leadCampaign(f.lead("2026-02-04", null, "US", search), b);
        f.lead("2026-02-05", null, "US", search);                           // no campaign
        f.deal("5000").lead(won).channel(search).campaign(a).created("2026-02-07").won("2026-02-10").save();

        ChannelReport report = new Breakdowns(new KpiCalculator(load(), props()))
                .channels(KpiQuery.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-15")));

        assertThat(report.campaigns()).extracting(ChannelReport.Row::key).as("by id, no campaign last")
                .containsExactly(Long.toString(a), Long.toString(b), "none");
        ChannelReport.Row first = report.campaigns().get(0);
        assertThat(first.type()).isEqualTo("PAID");
        assertThat(first.leads()).isEqualTo(2);
        assertThat(first.wonDeals()).isEqualTo(1);
        assertThat(first.wonRevenue()).isEqualByComparingTo("5000.00");
        assertThat(first.spend()).isEqualByComparingTo("1400.00");             // 14 of 28 days of 2800
        assertThat(first.costPerLead()).isEqualByComparingTo("700.00");        // 1400 / 2
        assertThat(first.roi()).isEqualByComparingTo("2.5714");                // (5000 - 1400) / 1400
        assertThat(first.closeRate().value()).isEqualByComparingTo("0.5000");  // 1 of 2 leads won
        ChannelReport.Row second = report.campaigns().get(1);
        assertThat(second.leads()).isEqualTo(1);
        assertThat(second.wonDeals()).isZero();
        assertThat(second.spend()).isEqualByComparingTo("700.00");
        assertThat(second.costPerWonDeal()).as("nothing won: undefined").isNull();
        assertThat(second.roi()).isEqualByComparingTo("-1.0000");              // (0 - 700) / 700
        ChannelReport.Row none = report.campaigns().get(2);
        assertThat(none.leads()).isEqualTo(1);
        assertThat(none.spend()).isEqualByComparingTo("0.00");
        assertThat(none.roi()).isNull();
        assertThat(report.channels().get(0).leads()).as("the channel still counts every lead").isEqualTo(4);
        assertThat(report.channels().get(0).spend()).isEqualByComparingTo("2100.00");
        // the campaigns, no campaign included, add up to the total
        assertThat(report.campaigns().stream().mapToLong(ChannelReport.Row::leads).sum()).isEqualTo(report.total().leads());
        assertThat(report.campaigns().stream().mapToLong(ChannelReport.Row::wonDeals).sum()).isEqualTo(report.total().wonDeals());
        assertThat(report.campaigns().stream().map(ChannelReport.Row::spend).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo(report.total().spend());
        assertThat(report.campaigns().stream().map(ChannelReport.Row::wonRevenue).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo(report.total().wonRevenue());
    }

    @Test
    void saysWhichFiltersCannotNarrowSpend() {
        ChannelReport report = new Breakdowns(new KpiCalculator(load(), props())).channels(
                KpiQuery.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"))
                        .withFilters(Map.of(Dimension.COUNTRY, List.of("US"), Dimension.CHANNEL_TYPE, List.of("PAID"))));
        assertThat(report.spendNotFilteredBy()).containsExactly("country");
    }

    @Test
    void showsThePipelineAsOfAnyInstant() {
        f.deal("1000").created("2026-01-05").moves("PROPOSAL@2026-02-10T12:00").won("2026-03-01").save();
        f.deal("300").created("2026-02-01").save();

        Breakdowns breakdowns = new Breakdowns(new KpiCalculator(load(), props()));
        PipelineReport morning = breakdowns.pipeline(at("2026-02-10T08:00"), Map.of(), null);
        PipelineReport evening = breakdowns.pipeline(at("2026-02-10T18:00"), Map.of(), null);
        PipelineReport after = breakdowns.pipeline(at("2026-03-02"), Map.of(), null);

        assertThat(morning.groups().get(0).count()).isEqualTo(2);
        assertThat(morning.groups().get(0).weightedAmount()).isEqualByComparingTo("130.00");  // (1000 + 300) x 0.10
        assertThat(evening.groups().get(0).weightedAmount()).isEqualByComparingTo("530.00");  // 1000 x 0.50 + 300 x 0.10
        assertThat(after.groups().get(0).count()).isEqualTo(1);
        assertThat(after.groups().get(0).amount()).isEqualByComparingTo("300.00");
    }

    @Test
    void listsTheDealsBehindAnAverageNewestFirstAndPaged() {
        long p = f.partner("Drill Partner", "GOLD", "US");
        f.deal("200").partner(p).created("2026-01-05").won("2026-02-10").save();
        f.deal("400").partner(p).created("2026-01-05").won("2026-02-12").save();
        f.deal("999").created("2026-01-05").won("2026-02-11").save();     // direct: another group
        f.deal("50").partner(p).created("2026-01-05").lost("2026-02-13").save();

        KpiEngine engine = KpiTestDatabase.engine();
        KpiQuery query = KpiQuery.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01")).withGroupBy(Dimension.PARTNER);
        RecordsPage first = engine.records("averageDealSize", query, Long.toString(p), 0, 1);
        RecordsPage second = engine.records("averageDealSize", query, Long.toString(p), 1, 1);
        RecordsPage winRate = engine.records("winRate", query, Long.toString(p), 0, 10);

        assertThat(first.total()).isEqualTo(2);
        assertThat(first.records().get(0).amountInBaseCurrency()).isEqualByComparingTo("400.00");
        assertThat(second.records().get(0).amountInBaseCurrency()).isEqualByComparingTo("200.00");
        assertThat(first.records().get(0).cycleDays()).isEqualByComparingTo("38.00");
        assertThat(winRate.total()).isEqualTo(3);
        assertThat(winRate.records()).extracting(RecordsPage.Item::counts).containsExactly(false, true, true);
        RecordsPage farAway = engine.records("averageDealSize", query, Long.toString(p), 100_000_000, 50);
        assertThat(farAway.records()).as("a page far past the end").isEmpty();
        assertThat(farAway.total()).isEqualTo(2);
    }

    @Test
    void listsTheLeadsBehindACloseRateAndTheRegistrationsBehindDealSuccess() {
        long p = f.partner("Leads Partner", "GOLD", "US");
        long lead = f.lead("2026-02-02", p, "US");
        f.lead("2026-02-03", p, "US");
        long deal = f.deal("100").partner(p).lead(lead).created("2026-02-05").won("2026-02-20").save();
        f.registration(p, deal, "APPROVED", "2026-02-04", "2026-02-05");
        f.registration(p, null, "REJECTED", "2026-02-06", "2026-02-07");

        KpiEngine engine = KpiTestDatabase.engine();
        KpiQuery query = KpiQuery.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
        RecordsPage leads = engine.records("closeRate", query, null, 0, 10);
        RecordsPage registrations = engine.records("dealSuccess", query, null, 0, 10);

        assertThat(leads.total()).isEqualTo(2);
        assertThat(leads.records()).filteredOn(RecordsPage.Item::counts).extracting(RecordsPage.Item::id).containsExactly(lead);
        assertThat(registrations.total()).isEqualTo(2);
        assertThat(registrations.records()).extracting(RecordsPage.Item::outcome).containsExactly("APPROVED", "REJECTED");
        assertThat(registrations.records()).extracting(RecordsPage.Item::counts).containsExactly(true, false);
    }

    private static KpiSnapshot load() {
        try {
            return new KpiSnapshotLoader(KpiTestDatabase.dataSource(), KpiTestDatabase.ORGANIZATION, java.time.Clock.systemUTC()).load();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.partnerpulse.kpi.KpiProperties props() {
        return new io.partnerpulse.kpi.KpiProperties(Map.of(), KpiTestDatabase.defaultWeights(),
                java.time.Duration.ofMillis(50), java.time.Duration.ofMinutes(10));
    }
}
