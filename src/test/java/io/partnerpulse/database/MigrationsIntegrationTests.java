package io.partnerpulse.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerpulse.PartnerPulseIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@PartnerPulseIntegrationTest
class MigrationsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    long partnerId;

    @BeforeEach
    void aPartnerToHangDealsOn() {
        partnerId = jdbc.sql("""
                insert into partner (name, tier, status, status_changed_at, country, region, joined_on)
                values ('Migration Test Partner', 'GOLD', 'ACTIVE', now(), 'PK', 'APAC', current_date)
                returning id""").query(Long.class).single();
    }

    @Test
    void appliesEveryMigrationToAnEmptyDatabase() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from country").query(Integer.class).single()).isGreaterThan(40);
        assertThat(jdbc.sql("select count(*) from partner_tier").query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void runsTheAppAsARoleThatCannotChangeTheSchema() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("partnerpulse_app");
        assertThatThrownBy(() -> jdbc.sql("drop table audit_log").update()).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("alter table partner add column sneaky text").update())
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("create table intruder (id int)").update()).isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from flyway_schema_history").update()).isInstanceOf(org.springframework.dao.DataAccessException.class);
    }

    @Test
    void knowsTheHemisphereOfSouthernCountries() {
        assertThat(jdbc.sql("select hemisphere from country where code = 'AU'").query(String.class).single()).isEqualTo("S");
        assertThat(jdbc.sql("select hemisphere from country where code = 'PK'").query(String.class).single()).isEqualTo("N");
    }

    @Test
    void acceptsAWonDealClosedAfterItWasCreated() {
        insertDeal("WON", "100.00", "2026-01-01T00:00:00Z", "2026-01-15T00:00:00Z");
    }

    @Test
    void rejectsAWonDealClosedBeforeItWasCreated() {
        assertThatThrownBy(() -> insertDeal("WON", "100.00", "2026-01-15T00:00:00Z", "2026-01-01T00:00:00Z"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsAWonDealWithoutAClosedTime() {
        assertThatThrownBy(() -> insertDeal("WON", "100.00", "2026-01-15T00:00:00Z", null))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsAnOpenDealWithAClosedTime() {
        assertThatThrownBy(() -> insertDeal("PROPOSAL", "100.00", "2026-01-01T00:00:00Z", "2026-01-15T00:00:00Z"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsANegativeAmount() {
        assertThatThrownBy(() -> insertDeal("PROSPECTING", "-1.00", "2026-01-01T00:00:00Z", null))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsALostReasonOnADealThatIsNotLost() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into opportunity (name, amount, currency, stage, created_at, lost_reason)
                values ('x', 1, 'USD', 'PROPOSAL', now(), 'Price')""").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsADuplicateExternalId() {
        jdbc.sql("insert into marketing_channel (external_id, name, type) values ('dup-1', 'Dup channel A', 'PAID')").update();
        assertThatThrownBy(() -> jdbc.sql(
                "insert into marketing_channel (external_id, name, type) values ('dup-1', 'Dup channel B', 'OWNED')").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsAnUnknownChannelType() {
        assertThatThrownBy(() -> jdbc.sql("insert into marketing_channel (name, type) values ('Bad type', 'VIRAL')").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsADealOfAPartnerThatDoesNotExist() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into opportunity (name, amount, currency, stage, created_at, partner_id)
                values ('x', 1, 'USD', 'PROSPECTING', now(), -42)""").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsAPartnerTargetWithoutAPartner() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into target (scope, metric, period_start, period_end, value)
                values ('PARTNER', 'REVENUE', date '2026-01-01', date '2026-04-01', 1000)""").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsATargetPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into target (scope, metric, period_start, period_end, value)
                values ('PROGRAM', 'REVENUE', date '2026-04-01', date '2026-01-01', 1000)""").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsAnApprovedRegistrationWithoutAnOpportunity() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into deal_registration (partner_id, customer_name, submitted_at, expires_at, decided_at, outcome)
                values (:partner, 'Acme', now(), now() + interval '90 days', now(), 'APPROVED')""")
                .param("partner", partnerId).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsASecondApprovedRegistrationOfTheSameOpportunity() {
        long deal = insertDeal("PROSPECTING", "10.00", "2026-01-01T00:00:00Z", null);
        String approve = """
                insert into deal_registration (partner_id, opportunity_id, customer_name, submitted_at, expires_at, decided_at, outcome)
                values (:partner, :deal, 'Acme', now(), now() + interval '90 days', now(), 'APPROVED')""";
        jdbc.sql(approve).param("partner", partnerId).param("deal", deal).update();
        assertThatThrownBy(() -> jdbc.sql(approve).param("partner", partnerId).param("deal", deal).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsAnExchangeRateOfZero() {
        assertThatThrownBy(() -> jdbc.sql("insert into exchange_rate values ('EUR', date '2026-01-01', 0)").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private long insertDeal(String stage, String amount, String createdAt, String closedAt) {
        return jdbc.sql("""
                insert into opportunity (name, amount, currency, stage, created_at, closed_at, partner_id)
                values ('Test deal', cast(:amount as numeric), 'USD', :stage, cast(:created as timestamptz),
                        cast(:closed as timestamptz), :partner)
                returning id""")
                .param("amount", amount).param("stage", stage).param("created", createdAt)
                .param("closed", closedAt).param("partner", partnerId)
                .query(Long.class).single();
    }
}
