package io.partnerpulse.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a report is sent, and so which period it covers: the calendar week (Monday to Sunday),
 * month or quarter that has just ended. It is sent on the first day of the next one, at the hour the
 * organization chose, in its time zone.
 */
public enum ReportFrequency {
    WEEKLY, MONTHLY, QUARTERLY;

    /** A period: from its first day up to {@code to}, the day after its last. */
    public record Period(LocalDate from, LocalDate to) {

        public LocalDate through() {
            return to.minusDays(1);
        }
    }

    /** The first day of the period {@code day} falls in. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
        };
    }

    private LocalDate next(LocalDate start) {
        return switch (this) {
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
        };
    }

    private LocalDate previous(LocalDate start) {
        return switch (this) {
            case WEEKLY -> start.minusWeeks(1);
            case MONTHLY -> start.minusMonths(1);
            case QUARTERLY -> start.minusMonths(3);
        };
    }

    /** The last whole period that ended before {@code today}: on 1 March, February; on 15 March, February too. */
    public Period lastEnded(LocalDate today) {
        LocalDate current = start(today);
        return new Period(previous(current), current);
    }

    /**
     * When the next report is due after {@code now}: the first day of a period at {@code sendAt}, today's if that is
     * still ahead (a subscription made on 1 March at 06:00 sends February's at 07:00), otherwise the next period's.
     */
    public ZonedDateTime nextRun(ZonedDateTime now, LocalTime sendAt, ZoneId zone) {
        ZonedDateTime local = now.withZoneSameInstant(zone);
        LocalDate today = local.toLocalDate();
        ZonedDateTime todays = today.atTime(sendAt).atZone(zone);
        if (start(today).equals(today) && todays.isAfter(local)) {
            return todays;
        }
        return next(start(today)).atTime(sendAt).atZone(zone);
    }
}
