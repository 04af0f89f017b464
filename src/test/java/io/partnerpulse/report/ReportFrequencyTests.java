package io.partnerpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Which period a scheduled report covers, and when the next one goes out, worked out on a calendar by hand. */
class ReportFrequencyTests {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");
    private static final LocalTime SEVEN = LocalTime.of(7, 0);

    private static ReportFrequency.Period period(String from, String to) {
        return new ReportFrequency.Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void aMonthlyReportCoversTheMonthThatEndedWhateverDayItIsAskedOn() {
        assertThat(ReportFrequency.MONTHLY.lastEnded(LocalDate.parse("2026-03-01"))).isEqualTo(period("2026-02-01", "2026-03-01"));
        assertThat(ReportFrequency.MONTHLY.lastEnded(LocalDate.parse("2026-03-31"))).isEqualTo(period("2026-02-01", "2026-03-01"));
        assertThat(ReportFrequency.MONTHLY.lastEnded(LocalDate.parse("2026-01-15"))).as("December of the year before")
                .isEqualTo(period("2025-12-01", "2026-01-01"));
        assertThat(ReportFrequency.MONTHLY.lastEnded(LocalDate.parse("2026-03-10")).through()).isEqualTo(LocalDate.parse("2026-02-28"));
    }

    @Test
    void aWeeklyReportCoversMondayToSunday() {
        // 2026-11-29 is a Sunday: the week that ended is 16–22 November; on Monday the 30th it is 23–29 November
        assertThat(ReportFrequency.WEEKLY.lastEnded(LocalDate.parse("2026-11-29"))).isEqualTo(period("2026-11-16", "2026-11-23"));
        assertThat(ReportFrequency.WEEKLY.lastEnded(LocalDate.parse("2026-11-30"))).isEqualTo(period("2026-11-23", "2026-11-30"));
        assertThat(ReportFrequency.WEEKLY.lastEnded(LocalDate.parse("2027-01-01"))).as("a week across the new year")
                .isEqualTo(period("2026-12-21", "2026-12-28"));
    }

    @Test
    void aQuarterlyReportCoversTheCalendarQuarterThatEnded() {
        assertThat(ReportFrequency.QUARTERLY.lastEnded(LocalDate.parse("2026-11-29"))).isEqualTo(period("2026-07-01", "2026-10-01"));
        assertThat(ReportFrequency.QUARTERLY.lastEnded(LocalDate.parse("2026-01-01"))).isEqualTo(period("2025-10-01", "2026-01-01"));
        assertThat(ReportFrequency.QUARTERLY.lastEnded(LocalDate.parse("2026-06-30"))).isEqualTo(period("2026-01-01", "2026-04-01"));
    }

    @Test
    void theNextReportGoesOutOnThePeriodsFirstDayAtTheHourChosen() {
        ZonedDateTime sunday = ZonedDateTime.parse("2026-11-29T16:10:00Z");
        assertThat(ReportFrequency.MONTHLY.nextRun(sunday, SEVEN, UTC)).isEqualTo(ZonedDateTime.parse("2026-12-01T07:00Z[UTC]"));
        assertThat(ReportFrequency.WEEKLY.nextRun(sunday, SEVEN, UTC)).isEqualTo(ZonedDateTime.parse("2026-11-30T07:00Z[UTC]"));
        assertThat(ReportFrequency.QUARTERLY.nextRun(sunday, SEVEN, UTC)).isEqualTo(ZonedDateTime.parse("2027-01-01T07:00Z[UTC]"));
    }

    @Test
    void onAPeriodsFirstDayTheReportGoesOutTodayUntilTheHourHasPassed() {
        assertThat(ReportFrequency.MONTHLY.nextRun(ZonedDateTime.parse("2026-12-01T06:59:59Z"), SEVEN, UTC))
                .isEqualTo(ZonedDateTime.parse("2026-12-01T07:00Z[UTC]"));
        assertThat(ReportFrequency.MONTHLY.nextRun(ZonedDateTime.parse("2026-12-01T07:00:00Z"), SEVEN, UTC))
                .as("at the hour itself the next is a month on").isEqualTo(ZonedDateTime.parse("2027-01-01T07:00Z[UTC]"));
    }

    @Test
    void daysBeginInTheOrganizationsTimeZone() {
        // 30 November 20:00 UTC is already 1 December 01:00 in Karachi (UTC+5): the report goes out at 07:00 there, 02:00 UTC
        ZonedDateTime next = ReportFrequency.MONTHLY.nextRun(ZonedDateTime.parse("2026-11-30T20:00:00Z"), SEVEN, KARACHI);
        assertThat(next.toInstant()).isEqualTo(ZonedDateTime.parse("2026-12-01T02:00:00Z").toInstant());
        assertThat(ReportFrequency.MONTHLY.nextRun(ZonedDateTime.parse("2026-12-01T03:00:00Z"), SEVEN, KARACHI).toInstant())
                .isEqualTo(ZonedDateTime.parse("2027-01-01T02:00:00Z").toInstant());
    }

    @Test
    void tellsAnEMailAddressFromWhatIsNone() {
        assertThat(ReportSubscriptions.isAddress("finance@example.com")).isTrue();
        assertThat(ReportSubscriptions.isAddress("first.last+reports@sub.example.co.uk")).isTrue();
        assertThat(ReportSubscriptions.isAddress("finance")).isFalse();
        assertThat(ReportSubscriptions.isAddress("finance@")).isFalse();
        assertThat(ReportSubscriptions.isAddress("@example.com")).isFalse();
        assertThat(ReportSubscriptions.isAddress("a@b")).as("no domain").isFalse();
        assertThat(ReportSubscriptions.isAddress("Someone <a@example.com>")).as("an address, not a name").isFalse();
    }
}
