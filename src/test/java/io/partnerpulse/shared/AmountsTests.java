package io.partnerpulse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class AmountsTests {

    @Test
    void readsAPointOrACommaAsTheDecimalSeparator() {
        assertThat(Amounts.parse(" 125000.50 ", BigDecimal.ZERO)).contains(new BigDecimal("125000.50"));
        assertThat(Amounts.parse("25,5", BigDecimal.ZERO)).contains(new BigDecimal("25.5"));
        assertThat(Amounts.parse("0", BigDecimal.ZERO)).contains(BigDecimal.ZERO);
    }

    @Test
    void refusesTextMoreThanTwoDecimalsTooManyDigitsAndAmountsUnderTheMinimum() {
        for (String bad : new String[] {null, "", "  ", "12x", "1.234", "1.234,50", "12345678901234567", "-1"}) {
            assertThat(Amounts.parse(bad, BigDecimal.ZERO)).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(Amounts.parse("0", new BigDecimal("0.01"))).isEmpty();
        assertThat(Amounts.parse("0.01", new BigDecimal("0.01"))).contains(new BigDecimal("0.01"));
    }
}
