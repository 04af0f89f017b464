package io.partnerpulse.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/** The records behind a KPI number, a page at a time, each with what it contributes. */
public record RecordsPage(String kpi, LocalDate from, LocalDate to, String groupBy, String group, String currency,
                          int page, int size, long total, List<Item> records) {

    /**
     * A deal, lead or registration. {@code counts} tells whether it is in the numerator (a won deal
     * of the win rate, a won lead of the close rate, a successful registration); every record listed
     * is in the denominator or the sum.
     */
    @JsonInclude(Include.NON_NULL)
    public record Item(String type, long id, String name, Long partnerId, String partner, Long ownerId, String owner,
                       String channel, String stage, String stageAtEnd, BigDecimal probability, BigDecimal amount,
                       String amountCurrency, BigDecimal amountInBaseCurrency, BigDecimal weightedAmount,
                       Instant createdAt, Instant closedAt, BigDecimal cycleDays, String outcome, Instant decidedAt,
                       Long opportunityId, Boolean counts) {
    }
}
