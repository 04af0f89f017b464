package io.partnerpulse.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * KPI 4, marketing channels: one row per channel and one per channel type (PAID, EARNED, OWNED).
 * Won deals are attributed to the channel of the lead they came from. Spend is each campaign's cost
 * spread evenly over its days; it can only be narrowed by the filters a campaign has (channel,
 * channel type, campaign, partner for co-marketing, tier), the others are listed in
 * {@code spendNotFilteredBy}. The same figures per campaign ({@code campaigns}: by the campaign of the
 * lead a deal came from, and the campaign's own cost as its spend; type is its channel's type), so
 * that a campaign can be judged by what it brought in, not only by what it cost.
 */
public record ChannelReport(LocalDate from, LocalDate to, String currency, List<Row> channels, List<Row> channelTypes,
                            List<Row> campaigns, Row total, List<String> spendNotFilteredBy) {

    public record Row(String key, String label, @JsonInclude(Include.NON_NULL) String type, long leads, long opportunities,
                      long wonDeals, BigDecimal wonRevenue, KpiReport.Ratio closeRate, BigDecimal spend,
                      BigDecimal costPerLead, BigDecimal costPerWonDeal, BigDecimal roi, BigDecimal revenueShare) {
    }
}
