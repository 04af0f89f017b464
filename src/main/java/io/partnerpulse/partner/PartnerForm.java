package io.partnerpulse.partner;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What a client sends to create or edit a partner. The tier is set at creation; later it changes
 * through the tier operation (with history), and the status through the status operation.
 *
 * @param region the sales region; the country's default region when absent
 */
public record PartnerForm(@Size(max = 100) String externalId,
                          @NotBlank @Size(max = 200) String name,
                          PartnerTier tier,
                          @NotNull @Pattern(regexp = "[A-Z]{2}", message = "{problem.field.country-code}") String country,
                          @Size(max = 100) String region,
                          @Size(max = 100) String city,
                          @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal commissionRate,
                          @Positive Long partnerManagerId,
                          LocalDate joinedOn,
                          Long version) {
}
