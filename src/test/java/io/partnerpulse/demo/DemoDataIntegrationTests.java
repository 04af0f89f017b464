package io.partnerpulse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.shared.OrganizationSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;

/**
 * The demo data as a new user gets it: generated at start into an empty database, then checked
 * against the rules of the domain and the story it must tell.
 */
@PartnerPulseIntegrationTest
@TestPropertySource(properties = "partnerpulse.demo.enabled=true")
class DemoDataIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    OrganizationSettings organization;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void fillsTheEmptyDatabaseAtStartWithThreeYearsUpToToday() {
        assertThat(count("select count(*) from partner")).isEqualTo(150);
        assertThat(count("select count(*) from lead")).isEqualTo(30_000);
        assertThat(count("select count(*) from opportunity")).isBetween(7_000L, 9_000L);
        LocalDate today = LocalDate.now(organization.timeZone());
        LocalDate first = jdbc.sql("select min(created_at)::date from lead").query(LocalDate.class).single();
        LocalDate last = jdbc.sql("select max(created_at)::date from lead").query(LocalDate.class).single();
        assertThat(first).isBefore(today.minusYears(3).plusMonths(1));
        assertThat(last).isBetween(today.minusDays(3), today);
    }

    @Test
    void certifiesTheActivePartnersPeopleAndAsksGoldAndPlatinumForCertifiedPeople() {
        assertThat(count("select count(*) from certification")).isPositive();
        assertThat(count("select count(*) from certification c join partner p on p.id = c.partner_id where p.status <> 'ACTIVE'")).isZero();
        assertThat(count("select count(*) from certification where expires_on <= current_date")).as("some have lapsed").isPositive();
        assertThat(count("select min_certified_people from partner_tier where code = 'PLATINUM'")).isEqualTo(3);
        assertThat(count("select min_certified_people from partner_tier where code = 'GOLD'")).isEqualTo(2);
        assertThat(count("select count(*) from partner_listing where listed")).as("the demo's directory").isPositive();
    }

    @Test
    void makesPartnerTwoADistributorWithFiveActiveResellers() {
        assertThat(count("select count(*) from partner where distributor")).isEqualTo(1);
        assertThat(count("select count(*) from partner where id = 2 and distributor")).as("partner2@'s partner").isEqualTo(1);
        assertThat(count("select count(*) from partner where distributor_id = 2 and status = 'ACTIVE' and tier in ('SILVER', 'REGISTERED')"))
                .isEqualTo(5);
        assertThat(count("select count(*) from partner where distributor_id = 4")).as("partner4@'s stays on its own").isZero();
    }

    @Test
    void doesNotGenerateASecondTimeWhenDataIsThere() throws Exception {
        long before = count("select count(*) from opportunity");
        new DemoDataInitializer(dataSource, new DemoProperties(true, 99, 0), organization, java.time.Clock.systemUTC()).run(null);
        assertThat(count("select count(*) from opportunity")).isEqualTo(before);
    }

    @Test
    void closesNoDealBeforeItWasCreated() {
        assertThat(count("select count(*) from opportunity where closed_at < created_at")).isZero();
    }

    @Test
    void keepsAStageHistoryThatEndsInTheCurrentStage() {
        assertThat(count("""
                select count(*) from opportunity o
                where o.stage <> (select s.to_stage from stage_change s where s.opportunity_id = o.id
                                  order by s.changed_at desc, s.id desc limit 1)""")).isZero();
        assertThat(count("""
                select count(*) from stage_change s join opportunity o on o.id = s.opportunity_id
                where s.from_stage is null and s.changed_at <> o.created_at""")).isZero();
        assertThat(count("""
                select count(*) from opportunity o
                where o.closed_at is not null
                  and o.closed_at <> (select max(changed_at) from stage_change s where s.opportunity_id = o.id)""")).isZero();
    }

    @Test
    void decidesEveryRegistrationConsistentlyWithItsOpportunity() {
        assertThat(count("""
                select count(*) from deal_registration r join opportunity o on o.id = r.opportunity_id
                where r.outcome = 'APPROVED' and o.partner_id is distinct from r.partner_id""")).isZero();
        assertThat(count("""
                select count(*) from deal_registration r
                where r.outcome in ('REJECTED', 'EXPIRED') and (r.opportunity_id is not null or r.decided_at is null)""")).isZero();
        assertThat(count("""
                select count(*) from deal_registration r join opportunity o on o.id = r.opportunity_id
                where r.outcome = 'PENDING' and o.closed_at is not null""")).isZero();
        assertThat(count("""
                select count(*) from deal_registration r join deal_registration c on c.id = r.conflicting_registration_id
                where r.partner_id = c.partner_id or c.submitted_at > r.submitted_at""")).isZero();
        assertThat(count("select count(*) from deal_registration where outcome = 'REJECTED' and reason like 'Conflict:%'")).isGreaterThan(50);
        assertThat(count("select count(*) from deal_registration where outcome = 'EXPIRED'")).isGreaterThan(50);
    }

    @Test
    void givesPartnersFundsWhoseRequestsAndClaimsStayWithinThem() {
        assertThat(count("select count(*) from fund_allocation")).isGreaterThan(30);
        assertThat(count("select count(*) from fund_request where status = 'APPROVED' and campaign_id is not null")).isGreaterThan(10);
        assertThat(count("select count(*) from fund_request where status = 'SUBMITTED'")).as("a queue to decide").isPositive();
        assertThat(count("select count(*) from fund_claim where status = 'PAID'")).isGreaterThan(5);
        assertThat(count("""
                select count(*) from fund_allocation a
                where a.amount < (select coalesce(sum(q.approved_amount), 0) from fund_request q where q.allocation_id = a.id and q.status = 'APPROVED')""")).isZero();
        assertThat(count("""
                select count(*) from fund_request q
                where q.approved_amount < (select coalesce(sum(c.amount), 0) from fund_claim c where c.request_id = q.id and c.status <> 'REJECTED')""")).isZero();
        assertThat(count("select count(*) from fund_request q join campaign k on k.id = q.campaign_id where k.partner_id <> q.partner_id")).isZero();
        assertThat(count("select count(*) from fund_claim where paid_on > current_date or submitted_at > now()")).isZero();
    }

    @Test
    void keepsEveryPartnersStatusAsItsLastStatusChange() {
        assertThat(count("""
                select count(*) from partner p
                where p.status <> (select c.status from partner_status_change c where c.partner_id = p.id
                                   order by c.changed_at desc, c.id desc limit 1)""")).isZero();
        List<String> statuses = jdbc.sql("select distinct status from partner order by 1").query(String.class).list();
        assertThat(statuses).contains("ACTIVE", "ONBOARDING", "TERMINATED");
    }

    @Test
    void placesPartnersInBothHemispheres() {
        Map<String, Long> byHemisphere = jdbc.sql("""
                select c.hemisphere, count(*) from partner p join country c on c.code = p.country group by 1""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byHemisphere.get("N")).isGreaterThan(50);
        assertThat(byHemisphere.get("S")).isGreaterThan(15);
    }

    @Test
    void usesOnlyCountriesOfTheReferenceTableWithTheirHemisphereAndRegion() {
        for (DemoGeography.Place place : DemoGeography.PLACES) {
            Map<String, Object> row = jdbc.sql("select hemisphere, default_region, currency from country where code = :code")
                    .param("code", place.code()).query().singleRow();
            assertThat(row.get("hemisphere")).as(place.code()).isEqualTo(String.valueOf(place.hemisphere()));
            assertThat(row.get("default_region")).as(place.code()).isEqualTo(place.region());
            assertThat(row.get("currency")).as(place.code()).isEqualTo(place.currency());
        }
    }

    @Test
    void showsTheSummerProductsWinterDipInBothHemispheres() {
        for (String hemisphere : List.of("N", "S")) {
            String winter = hemisphere.equals("N") ? "(12, 1, 2)" : "(6, 7, 8)";
            String summer = hemisphere.equals("N") ? "(6, 7, 8)" : "(12, 1, 2)";
            String sql = """
                    select avg((o.stage = 'WON')::int)::float8 from opportunity o
                    join country c on c.code = o.country
                    join product_line p on p.id = o.product_line_id
                    where p.name = 'Cooling Systems' and o.closed_at is not null and c.hemisphere = :h
                      and extract(month from o.closed_at) in %s""";
            double winterWinRate = jdbc.sql(sql.formatted(winter)).param("h", hemisphere).query(Double.class).single();
            double summerWinRate = jdbc.sql(sql.formatted(summer)).param("h", hemisphere).query(Double.class).single();
            assertThat(summerWinRate).as("hemisphere " + hemisphere).isGreaterThan(2 * winterWinRate);
        }
    }

    @Test
    void hasClearlyStrongAndClearlyWeakPartnersByDealSuccess() {
        List<Double> dealSuccess = jdbc.sql("""
                with outcomes as (
                    select r.partner_id,
                           case when r.outcome in ('REJECTED', 'EXPIRED') then 0
                                when o.stage = 'WON' then 1 when o.stage = 'LOST' then 0 end as success
                    from deal_registration r left join opportunity o on o.id = r.opportunity_id
                    where r.outcome in ('REJECTED', 'EXPIRED') or (r.outcome = 'APPROVED' and o.closed_at is not null))
                select avg(success)::float8 from outcomes group by partner_id having count(*) >= 10""")
                .query(Double.class).list();
        assertThat(dealSuccess.stream().filter(s -> s < 0.35).count()).as("weak partners").isGreaterThanOrEqualTo(8);
        assertThat(dealSuccess.stream().filter(s -> s > 0.65).count()).as("strong partners").isGreaterThanOrEqualTo(8);
    }

    @Test
    void hasAPaidChannelThatLosesMoney() {
        BigDecimal displayRoiNumerator = jdbc.sql("""
                select (select coalesce(sum(o.amount * coalesce((select r.rate_to_base from exchange_rate r
                                                                  where r.currency = o.currency and r.rate_date <= o.closed_at::date
                                                                  order by r.rate_date desc limit 1), 1)), 0)
                        from opportunity o where o.channel_id = ch.id and o.stage = 'WON')
                     - (select sum(cost) from campaign where channel_id = ch.id)
                from marketing_channel ch where ch.name = 'Display Ads'""").query(BigDecimal.class).single();
        assertThat(displayRoiNumerator).isNegative();
    }

    @Test
    void writesDealsInForeignCurrenciesWithRatesForTheirDays() {
        assertThat(count("select count(distinct currency) from opportunity")).isGreaterThanOrEqualTo(5);
        assertThat(count("""
                select count(*) from opportunity o where o.currency <> 'USD'
                and not exists (select 1 from exchange_rate r where r.currency = o.currency and r.rate_date = o.created_at::date)""")).isZero();
    }

    @Test
    void setsTargetsForPartnersDepartmentsUnitsAndTheProgram() {
        List<String> scopes = jdbc.sql("select distinct scope from target order by 1").query(String.class).list();
        assertThat(scopes).containsExactly("DEPARTMENT", "PARTNER", "PROGRAM", "UNIT");
        assertThat(count("select count(*) from target where period_start > current_date")).isGreaterThan(0);
    }

    @Test
    void continuesIdsAfterTheGeneratedOnes() {
        long max = count("select max(id) from partner");
        long next = jdbc.sql("""
                insert into partner (name, tier, status, status_changed_at, country, region, joined_on)
                values ('After the demo', 'SILVER', 'PROSPECT', now(), 'DE', 'EMEA', current_date) returning id""")
                .query(Long.class).single();
        assertThat(next).isGreaterThan(max);
    }
}
