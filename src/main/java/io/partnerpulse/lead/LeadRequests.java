package io.partnerpulse.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The bodies of the lead operations; {@code version} may come as If-Match instead. */
public final class LeadRequests {

    private LeadRequests() {
    }

    public record Qualify(Long version) {
    }

    public record Disqualify(@NotBlank @Size(max = 200) String reason, Long version) {
    }

    public record Assign(@NotNull @Positive Long partnerId, @Size(max = 500) String reason, Long version) {
    }

    /** The opportunity the lead becomes. */
    public record Convert(@NotBlank @Size(max = 200) String name,
                          @NotNull @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                          @NotNull @Pattern(regexp = "[A-Z]{3}", message = "{problem.field.currency}") String currency,
                          @Positive Long accountId, @Positive Long productLineId, @Positive Long ownerId,
                          LocalDate expectedCloseOn, Long version) {
    }

    /** Routes unassigned open leads to partners; all of them when {@code leadIds} is empty. */
    public record Distribute(List<@Positive Long> leadIds, @Min(1) @Max(10_000) Integer limit) {
    }
}
