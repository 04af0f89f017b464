package io.partnerpulse.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What a client sends to open or edit an opportunity. Its stage is not here: stages change only
 * through the stage operations (move, win, lose, reopen).
 *
 * @param createdAt when it was opened; defaults to now, may be earlier (for a deal entered late)
 * @param version   the version read, when editing (or send If-Match)
 */
public record OpportunityForm(
        @Size(max = 100) String externalId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "{problem.field.currency}") String currency,
        @Positive Long accountId,
        @Positive Long partnerId,
        @Positive Long ownerId,
        @Positive Long productLineId,
        @Positive Long channelId,
        @Positive Long campaignId,
        @Pattern(regexp = "[A-Z]{2}", message = "{problem.field.country-code}") String country,
        @Size(max = 100) String region,
        @Size(max = 100) String city,
        LocalDate expectedCloseOn,
        Instant createdAt,
        Long version) {
}
