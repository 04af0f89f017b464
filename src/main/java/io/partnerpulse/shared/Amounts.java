package io.partnerpulse.shared;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads an amount typed into a page's form: digits with an optional decimal point or decimal comma
 * and at most two decimals, at most 16 digits before the point. Empty or anything else is no amount.
 */
public final class Amounts {

    private Amounts() {
    }

    /** The amount, when the text is one and is at least {@code minimum}. */
    public static Optional<BigDecimal> parse(String text, BigDecimal minimum) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = new BigDecimal(text.trim().replace(',', '.'));
            boolean fits = amount.scale() <= 2 && amount.precision() - amount.scale() <= 16 && amount.compareTo(minimum) >= 0;
            return fits ? Optional.of(amount) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
