package io.partnerpulse.deal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the stage operations. {@code at} defaults to now; {@code version} may come as If-Match. */
public final class StageRequests {

    private StageRequests() {
    }

    public record Move(@NotNull Stage stage, Instant at, Long version) {
    }

    /** @param amount the amount confirmed at closing; the current amount when absent */
    public record Win(Instant at, @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal amount, Long version) {
    }

    public record Lose(@NotBlank @Size(max = 200) String reason, @Size(max = 200) String competitor, Instant at, Long version) {
    }

    /** @param stage the open stage it goes back to; NEGOTIATION when absent */
    public record Reopen(Stage stage, Long version) {
    }
}
