package io.partnerpulse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Money as people write it: cents only where they matter, a currency in letters apart from its digits. */
class FormatTests {

    @Test
    void aCurrencyWrittenWithLettersStandsApartFromItsDigitsWhileASignStaysNextToThem() {
        Format english = new Format(Locale.ENGLISH, "PKR");

        assertThat(english.money(new BigDecimal("24995381"))).isEqualTo("PKR\u00A024,995,381");
        assertThat(english.money(new BigDecimal("-1200"))).isEqualTo("-PKR\u00A01,200");
        assertThat(english.money(new BigDecimal("12.5"), "CHF")).isEqualTo("CHF\u00A012.50");
        assertThat(english.money(new BigDecimal("4000"), "USD")).isEqualTo("$4,000");
        assertThat(english.money(new BigDecimal("4000"), "AUD")).isEqualTo("A$4,000");
        assertThat(english.money(BigDecimal.ZERO, "EUR")).isEqualTo("€0");
        assertThat(new Format(Locale.forLanguageTag("ur"), "PKR").money(new BigDecimal("4000"))).as("Urdu's own format has its space")
                .isEqualTo("Rs\u00A04,000");
        assertThat(Format.spaced("1,200\u00A0kr", "kr")).isEqualTo("1,200\u00A0kr");
        assertThat(Format.spaced("1,200kr", "kr")).isEqualTo("1,200\u00A0kr");
    }

    @Test
    void writesAnAmountToTheCentOnARecordsPageAndACodeThatIsNoCurrencyBeforeItsNumber() {
        Format english = new Format(Locale.ENGLISH, "USD");
        assertThat(english.exactMoney(new java.math.BigDecimal("12500.50"), "USD")).isEqualTo("$12,500.50");
        assertThat(english.exactMoney(new java.math.BigDecimal("12500"), "USD")).isEqualTo("$12,500.00");
        assertThat(english.exactMoney(new java.math.BigDecimal("12500"), "JPY")).isEqualTo("¥12,500");
        assertThat(english.money(new java.math.BigDecimal("12500.75"), "USD")).as("lists round thousands").isEqualTo("$12,501");
        assertThat(english.money(new java.math.BigDecimal("12.5"), "XQZ")).isEqualTo("XQZ\u00A012.50");
        assertThat(english.exactMoney(new java.math.BigDecimal("1200"), "XQZ")).isEqualTo("XQZ\u00A01,200.00");
    }

    @Test
    void namesAReportsMonthAsItsReadersDoAndLeavesAnyOtherKeyAsItIs() {
        assertThat(new Format(Locale.ENGLISH, "USD").month("2026-03")).isEqualTo("Mar 2026");
        assertThat(new Format(Locale.forLanguageTag("ur"), "USD").month("2026-03")).isEqualTo("مارچ 2026");
        assertThat(new Format(Locale.ENGLISH, "USD").month("APAC")).isEqualTo("APAC");
        assertThat(new Format(Locale.ENGLISH, "USD").month(null)).isNull();
    }
}
