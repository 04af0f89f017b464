package io.partnerpulse.imports.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the numbers and dates that real exports hold. Each method throws {@link BadValue} with a reason a person understands. */
final class Values {

    /** A cell that cannot be read: the reason, whose first argument is the cell, and the arguments after it. */
    static final class BadValue extends Exception {
        private final Reason reason;
        private final String[] args;

        BadValue(Reason reason, String... args) {
            super(reason.code(), null, false, false);
            this.reason = reason;
            this.args = args;
        }

        /** Why {@code cell} was refused, on {@code line} in {@code column}. */
        io.partnerpulse.imports.ImportReport.RowProblem problem(long line, String column, String raw, String cell) {
            String[] all = new String[args.length + 1];
            all[0] = cell;
            System.arraycopy(args, 0, all, 1, args.length);
            return reason.problem(line, column, raw, all);
        }
    }

    private static final Pattern DATE_TIME = Pattern.compile(
            "^(\\S+?)(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(?i:(am|pm))?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?$");
    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$");
    private static final Pattern SLASHED = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})$");
    private static final Pattern DOTTED = Pattern.compile("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})$");

    private Values() {
    }

    /** Folds spelling variants together: lower case, without spaces, underscores, hyphens, dots or slashes. */
    static String fold(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        StringBuilder folded = null;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            // the characters of the regular expression [\s_\-./] (\s without Unicode classes: space, \t \n \u000b \f \r)
            boolean dropped = c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r'
                    || c == '_' || c == '-' || c == '.' || c == '/';
            if (dropped && folded == null) {
                folded = new StringBuilder(lower.length()).append(lower, 0, i);
            } else if (!dropped && folded != null) {
                folded.append(c);
            }
        }
        return folded == null ? lower : folded.toString();
    }

    /** The smallest magnitude a number cell may not reach (the columns hold 15 digits before the point). */
    private static final BigDecimal TOO_LARGE = new BigDecimal("1e15");

    /** A decimal number: 1234.5, 1,234.5, 1.234,5 (with decimal commas), 12% (= 0.12), spaces as thousands separators. */
    static BigDecimal decimal(String cell, boolean decimalComma) throws BadValue {
        if (plain(cell, decimalComma)) {
            BigDecimal value = new BigDecimal(cell);
            if (value.abs().compareTo(TOO_LARGE) >= 0) {
                throw new BadValue(Reason.VALUE_TOO_LARGE);
            }
            return value;
        }
        String s = cell.replaceAll("[\\s\\u00a0\\u202f']", "");
        boolean percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1);
        }
        s = decimalComma ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            throw new BadValue(decimalComma ? Reason.VALUE_NOT_NUMBER_COMMA : Reason.VALUE_NOT_NUMBER);
        }
        BigDecimal value = new BigDecimal(s);
        if (value.abs().compareTo(TOO_LARGE) >= 0) {
            throw new BadValue(Reason.VALUE_TOO_LARGE);
        }
        return percent ? value.movePointLeft(2) : value;
    }

    /** Digits with at most one decimal separator and an optional sign: the common case, read without regular expressions. */
    private static boolean plain(String cell, boolean decimalComma) {
        int n = cell.length();
        if (n == 0 || n > 18 || decimalComma) {
            return false;
        }
        boolean point = false;
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else if (!(i == 0 && c == '-')) {
                return false;
            }
        }
        return digit;
    }

    static long integer(String cell, boolean decimalComma) throws BadValue {
        BigDecimal value = decimal(cell, decimalComma);
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new BadValue(Reason.VALUE_NOT_WHOLE);
        }
    }

    /** A day with an optional time of day, as a local date-time, or an instant when the cell names its offset. */
    record When(LocalDateTime local, ZoneOffset offset) {

        OffsetDateTime at(ZoneId zone) {
            return offset == null ? local.atZone(zone).toOffsetDateTime() : local.atOffset(offset);
        }
    }

    static When when(String cell, String format) throws BadValue {
        Matcher m = DATE_TIME.matcher(cell.trim());
        if (!m.matches()) {
            throw new BadValue(Reason.VALUE_NOT_DATE, format);
        }
        LocalDate day = day(m.group(1), format);
        LocalTime time = LocalTime.MIDNIGHT;
        try {
            if (m.group(2) != null) {
                int hour = Integer.parseInt(m.group(2));
                if (m.group(5) != null) {
                    boolean pm = m.group(5).equalsIgnoreCase("pm");
                    if (hour < 1 || hour > 12) {
                        throw new BadValue(Reason.VALUE_HOUR);
                    }
                    hour = hour % 12 + (pm ? 12 : 0);
                }
                time = LocalTime.of(hour, Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
            }
            ZoneOffset offset = m.group(6) == null ? null
                    : m.group(6).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(6).length() == 5
                    ? m.group(6).substring(0, 3) + ":" + m.group(6).substring(3) : m.group(6));
            return new When(day.atTime(time), offset);
        } catch (DateTimeException | NumberFormatException e) {
            throw new BadValue(Reason.VALUE_NO_SUCH_TIME);
        }
    }

    private static LocalDate day(String text, String format) throws BadValue {
        Matcher m;
        int year;
        int month;
        int dayOfMonth;
        switch (format) {
            case "M/D/YYYY", "D/M/YYYY" -> {
                m = SLASHED.matcher(text);
                if (!m.matches()) {
                    throw new BadValue(Reason.VALUE_NOT_DATE, format);
                }
                boolean monthFirst = format.startsWith("M");
                month = Integer.parseInt(m.group(monthFirst ? 1 : 2));
                dayOfMonth = Integer.parseInt(m.group(monthFirst ? 2 : 1));
                year = year(m.group(3));
            }
            case "D.M.YYYY" -> {
                m = DOTTED.matcher(text);
                if (!m.matches()) {
                    throw new BadValue(Reason.VALUE_NOT_DATE, format);
                }
                dayOfMonth = Integer.parseInt(m.group(1));
                month = Integer.parseInt(m.group(2));
                year = year(m.group(3));
            }
            default -> {
                m = ISO.matcher(text);
                if (!m.matches()) {
                    throw new BadValue(Reason.VALUE_NOT_ISO_DATE);
                }
                year = Integer.parseInt(m.group(1));
                month = Integer.parseInt(m.group(2));
                dayOfMonth = Integer.parseInt(m.group(3));
            }
        }
        try {
            LocalDate date = LocalDate.of(year, month, dayOfMonth);
            if (year < 1900 || year > 2200) {
                throw new BadValue(Reason.VALUE_DATE_RANGE);
            }
            return date;
        } catch (DateTimeException e) {
            throw new BadValue(Reason.VALUE_NOT_CALENDAR_DAY, format);
        }
    }

    private static int year(String text) {
        int year = Integer.parseInt(text);
        return text.length() == 2 ? 2000 + year : year;
    }
}
