package io.partnerpulse.commission;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.partnerpulse.deal.DealEvents;
import io.partnerpulse.deal.Stage;
import io.partnerpulse.partner.PartnerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Accrues commission when a partner deal is won and reverses it when the deal is reopened. Events
 * arrive through the event publication registry, at least once: both steps look at what is already
 * booked for the deal, so a repeated delivery books nothing twice.
 */
@Component
class CommissionAccrual {

    private static final Logger log = LoggerFactory.getLogger(CommissionAccrual.class);

    private final JdbcClient jdbc;
    private final PartnerDirectory partners;
    private final org.springframework.context.ApplicationEventPublisher events;

    CommissionAccrual(JdbcClient jdbc, PartnerDirectory partners, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(DealEvents.DealWon won) {
        if (won.partnerId() == null || booked(won.opportunityId()) > 0) {
            return;
        }
        BigDecimal rate = partners.commissionRate(won.partnerId()).orElse(BigDecimal.ZERO);
        BigDecimal amount = won.amount().multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
        jdbc.sql("""
                insert into commission (opportunity_id, partner_id, kind, rate, deal_amount, amount, currency, accrued_at)
                values (:o, :p, 'ACCRUAL', :rate, :deal, :amount, :currency, :at)""")
                .param("o", won.opportunityId()).param("p", won.partnerId()).param("rate", rate).param("deal", won.amount())
                .param("amount", amount).param("currency", won.currency())
                .param("at", OffsetDateTime.ofInstant(won.closedAt(), ZoneOffset.UTC)).update();
        events.publishEvent(new CommissionEvents.CommissionAccrued(won.opportunityId(), won.partnerId(), rate, won.amount(), amount,
                won.currency(), won.closedAt()));
        log.debug("Commission accrued on opportunity {} for partner {}", won.opportunityId(), won.partnerId());
    }

    @ApplicationModuleListener
    void on(DealEvents.DealReopened reopened) {
        if (reopened.wasClosedAs() != Stage.WON || booked(reopened.opportunityId()) <= 0) {
            return;
        }
        jdbc.sql("""
                insert into commission (opportunity_id, partner_id, kind, rate, deal_amount, amount, currency, accrued_at)
                select opportunity_id, partner_id, 'REVERSAL', rate, deal_amount, -amount, currency, :at
                from commission where opportunity_id = :o and kind = 'ACCRUAL' order by id desc limit 1""")
                .param("o", reopened.opportunityId()).param("at", OffsetDateTime.ofInstant(reopened.at(), ZoneOffset.UTC)).update();
    }

    /** Accruals minus reversals booked for the deal. */
    private int booked(long opportunityId) {
        return jdbc.sql("select count(*) filter (where kind = 'ACCRUAL') - count(*) filter (where kind = 'REVERSAL') from commission where opportunity_id = :o")
                .param("o", opportunityId).query(Integer.class).single();
    }
}
