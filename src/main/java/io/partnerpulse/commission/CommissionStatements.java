package io.partnerpulse.commission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A partner's commission for a period: every accrual and reversal in it, and the totals per currency. */
@Service
@Transactional(readOnly = true)
public class CommissionStatements {

    public record Line(long opportunityId, String opportunityName, String kind, Instant accruedAt, BigDecimal dealAmount,
                       BigDecimal rate, BigDecimal amount, String currency) {
    }

    public record Total(String currency, BigDecimal amount, long deals) {
    }

    public record Statement(long partnerId, String partnerName, LocalDate from, LocalDate to, List<Line> lines, List<Total> totals) {
    }

    private final JdbcClient jdbc;
    private final OrganizationSettings organization;
    private final io.partnerpulse.partner.PartnerManagement partners;

    CommissionStatements(JdbcClient jdbc, OrganizationSettings organization, io.partnerpulse.partner.PartnerManagement partners) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.partners = partners;
    }

    public Statement statement(long partnerId, LocalDate from, LocalDate to) {
        partners.get(partnerId); // a 404 for a partner the user may not see
        if (!from.isBefore(to)) {
            throw ApiError.invalidParameter("from", "from must be before to; to is exclusive.", null);
        }
        String name = jdbc.sql("select name from partner where id = :p").param("p", partnerId).query(String.class).optional()
                .orElseThrow(() -> ApiError.notFound("partner", partnerId));
        OffsetDateTime start = from.atStartOfDay(organization.timeZone()).toOffsetDateTime();
        OffsetDateTime end = to.atStartOfDay(organization.timeZone()).toOffsetDateTime();
        List<Line> lines = jdbc.sql("""
                select c.opportunity_id, o.name, c.kind, c.accrued_at, c.deal_amount, c.rate, c.amount, c.currency
                from commission c join opportunity o on o.id = c.opportunity_id
                where c.partner_id = :p and c.accrued_at >= :from and c.accrued_at < :to
                order by c.accrued_at, c.id""").param("p", partnerId).param("from", start).param("to", end)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8).trim())).list();
        List<Total> totals = jdbc.sql("""
                select currency, sum(amount), count(*) filter (where kind = 'ACCRUAL') - count(*) filter (where kind = 'REVERSAL')
                from commission where partner_id = :p and accrued_at >= :from and accrued_at < :to
                group by currency order by currency""").param("p", partnerId).param("from", start).param("to", end)
                .query((rs, n) -> new Total(rs.getString(1).trim(), rs.getBigDecimal(2), rs.getLong(3))).list();
        return new Statement(partnerId, name, from, to, lines, totals);
    }
}
