package io.partnerpulse.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** Numbers, money, percentages and dates in the reader's locale and the organization's currency. */
public final class Format {
    private final Locale locale;
    private final String currency;

    public Format(Locale locale, String currency) {
        this.locale = locale;
        this.currency = currency;
    }

    public String money(BigDecimal value) {
        return money(value, currency);
    }

    /** An amount in a currency of its own (a registration's estimate in euros shows €, not the organization's $). */
    public String money(BigDecimal value, String currencyCode) {
        if (value == null) {
            return "—";
        }
        // cents only where they matter: not on thousands, nor on nothing at all
        int decimals = value.signum() == 0 || value.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 ? 0 : 2;
        return written(value, currencyCode == null ? currency : currencyCode, decimals, decimals);
    }

    /**
     * The amount in the locale's currency format with {@code min}–{@code max} decimals; a code Java does
     * not know as a currency (an exchange rate may be kept for any three letters) is written before the
     * number as letters are.
     */
    private String written(BigDecimal value, String code, int min, int max) {
        Currency known = known(code);
        NumberFormat format = known == null ? NumberFormat.getNumberInstance(locale) : NumberFormat.getCurrencyInstance(locale);
        if (known != null) {
            format.setCurrency(known);
        }
        format.setMaximumFractionDigits(max);
        format.setMinimumFractionDigits(min);
        return known == null ? code + '\u00A0' + format.format(value) : spaced(format.format(value), known.getSymbol(locale));
    }

    private static Currency known(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** An amount to the cent, as a record's own page shows it (the lists round thousands to whole units). */
    public String exactMoney(BigDecimal value, String currencyCode) {
        if (value == null) {
            return "—";
        }
        String code = currencyCode == null ? currency : currencyCode;
        Currency known = known(code);
        return written(value, code, known == null ? 2 : Math.max(0, known.getDefaultFractionDigits()),
                Math.max(2, value.stripTrailingZeros().scale()));
    }

    /**
     * A currency written with letters stands apart from its digits ("PKR 24,995,381", not
     * "PKR24,995,381"), as Unicode's currency spacing rule says and Java's formats do not; a sign ($, €)
     * stays next to them.
     */
    static String spaced(String formatted, String symbol) {
        int at = formatted.indexOf(symbol);
        if (at < 0 || symbol.isEmpty()) {
            return formatted;
        }
        int after = at + symbol.length();
        if (Character.isLetter(symbol.charAt(symbol.length() - 1)) && after < formatted.length()
                && Character.isDigit(formatted.charAt(after))) {
            return formatted.substring(0, after) + '\u00A0' + formatted.substring(after);
        }
        if (Character.isLetter(symbol.charAt(0)) && at > 0 && Character.isDigit(formatted.charAt(at - 1))) {
            return formatted.substring(0, at) + '\u00A0' + formatted.substring(at);
        }
        return formatted;
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public String decimal(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    public String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(ratio);
    }

    public String ratio(BigDecimal value) {
        return value == null ? "—" : decimal(value) + "×";
    }

    public String attainment(Optional<BigDecimal> value) {
        return value == null || value.isEmpty() ? null : percent(value.get());
    }

    /**
     * A month as its readers name it ("Mar 2026", in Urdu its own month's name), from a KPI report's
     * month key ("2026-03"); any other text as it is.
     */
    public String month(String yearMonth) {
        if (yearMonth == null) {
            return null;
        }
        try {
            return java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", locale).format(java.time.YearMonth.parse(yearMonth));
        } catch (java.time.format.DateTimeParseException e) {
            return yearMonth;
        }
    }

    public String date(java.time.LocalDate day) {
        return day == null ? "" : java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(locale).format(day);
    }

    public String date(java.time.Instant instant, java.time.ZoneId zone) {
        return instant == null ? "" : java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(locale).format(instant.atZone(zone));
    }

    /** A moment as its day and its time of day in {@code zone} (a note, a stage move: several may fall on one day). */
    public String dateTime(java.time.Instant instant, java.time.ZoneId zone) {
        return instant == null ? "" : java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                java.time.format.FormatStyle.SHORT).withLocale(locale).format(instant.atZone(zone));
    }
}
