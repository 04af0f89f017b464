package io.partnerpulse.account;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The view and form of a customer account. */
public final class AccountRecords {

    private AccountRecords() {
    }

    public record AccountView(long id, String externalId, String name, String sector, String country, String region, String city,
                              Integer employees, BigDecimal annualRevenue, Integer yearEstablished, Long parentAccountId, long version) implements io.partnerpulse.shared.Versioned {
    }

    public record AccountForm(@Size(max = 100) String externalId, @NotBlank @Size(max = 200) String name,
                              @Size(max = 100) String sector,
                              @Pattern(regexp = "[A-Z]{2}", message = "{problem.field.country-code}") String country,
                              @Size(max = 100) String region, @Size(max = 100) String city,
                              @PositiveOrZero Integer employees,
                              @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal annualRevenue,
                              @Min(1000) @Max(2999) Integer yearEstablished, @Positive Long parentAccountId, Long version) {
    }
}
