package io.partnerpulse.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Views and forms of marketing channels and campaigns. */
public final class MarketingRecords {

    private MarketingRecords() {
    }

    public record ChannelView(long id, String externalId, String name, ChannelType type, long version) implements io.partnerpulse.shared.Versioned {
    }

    public record ChannelForm(@Size(max = 100) String externalId, @NotBlank @Size(max = 200) String name,
                              @NotNull ChannelType type, Long version) {
    }

    /** @param endsOn last day, inclusive; the cost is spread evenly over the days */
    public record CampaignView(long id, String externalId, String name, long channelId, Long partnerId, LocalDate startsOn,
                               LocalDate endsOn, BigDecimal cost, String currency, long version) implements io.partnerpulse.shared.Versioned {
    }

    public record CampaignForm(@Size(max = 100) String externalId, @NotBlank @Size(max = 200) String name,
                               @NotNull @Positive Long channelId, @Positive Long partnerId, @NotNull LocalDate startsOn,
                               @NotNull LocalDate endsOn,
                               @NotNull @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal cost,
                               @NotNull @Pattern(regexp = "[A-Z]{3}", message = "{problem.field.currency}") String currency,
                               Long version) {
    }

    /** Spend recorded against a campaign, added to its cost. */
    public record Spend(@NotNull @DecimalMin(value = "0.01") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                        @Size(max = 500) String note, Long version) {
    }
}
