package io.partnerpulse.deal;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The bodies of the deal registration operations. */
public final class RegistrationRequests {

    private RegistrationRequests() {
    }

    /**
     * A partner claims an opportunity it found: {@code opportunityId} when it is already in the CRM,
     * {@code leadId} when it comes from a lead (approval converts the lead into the opportunity).
     */
    public record Submit(@Size(max = 100) String externalId,
                         @NotNull @Positive Long partnerId,
                         @NotBlank @Size(max = 200) String customerName,
                         @Positive Long accountId,
                         @Positive Long productLineId,
                         @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal estimatedAmount,
                         @Pattern(regexp = "[A-Z]{3}", message = "{problem.field.currency}") String currency,
                         @Positive Long opportunityId,
                         @Positive Long leadId) {
    }

    /** Corrects the details of a pending registration (its partner and what it registers stay). */
    public record Edit(@NotBlank @Size(max = 200) String customerName,
                       @Positive Long accountId,
                       @Positive Long productLineId,
                       @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal estimatedAmount,
                       @Pattern(regexp = "[A-Z]{3}", message = "{problem.field.currency}") String currency,
                       Long version) {
    }

    /** @param ownerId the employee who will own the opportunity an approval opens */
    public record Approve(@Positive Long ownerId, Long version) {
    }

    public record Reject(@NotBlank @Size(max = 500) String reason, Long version) {
    }
}
