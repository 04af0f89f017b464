package io.partnerpulse.kpi.internal;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A half-open period [from, to) of days in the organization's time zone, with the period after it
 * (for pipeline coverage). A period of whole calendar months steps by months (the previous period of
 * a quarter is the quarter before); any other period steps by its number of days.
 */
record Period(LocalDate fromDate, LocalDate toDate, long from, long to, LocalDate nextToDate, long nextTo) {

    static Period of(LocalDate from, LocalDate to, ZoneId zone) {
        LocalDate next = shift(from, to, to, 1);
        return new Period(from, to, from.atStartOfDay(zone).toEpochSecond(), to.atStartOfDay(zone).toEpochSecond(),
                next, next.atStartOfDay(zone).toEpochSecond());
    }

    Period previous(ZoneId zone) {
        return of(shift(fromDate, toDate, fromDate, -1), fromDate, zone);
    }

    Period lastYear(ZoneId zone) {
        return of(fromDate.minusYears(1), toDate.minusYears(1), zone);
    }

    private static LocalDate shift(LocalDate from, LocalDate to, LocalDate day, int direction) {
        return io.partnerpulse.kpi.KpiQuery.shift(from, to, day, direction);
    }
}
