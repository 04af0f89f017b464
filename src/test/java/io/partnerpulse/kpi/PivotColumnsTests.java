package io.partnerpulse.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.partnerpulse.shared.ApiError;
import org.junit.jupiter.api.Test;

/** The columns of a pivot: a period cut into months, quarters or years, its first and last cut to the period. */
class PivotColumnsTests {

    private static List<Pivots.Column> of(String from, String to, Pivots.Columns by) {
        return Pivots.periods(LocalDate.parse(from), LocalDate.parse(to), by, Locale.ENGLISH);
    }

    @Test
    void aQuarterByMonthIsThreeWholeMonths() {
        List<Pivots.Column> months = of("2026-01-01", "2026-04-01", Pivots.Columns.MONTH);
        assertThat(months).extracting(Pivots.Column::key).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(months).extracting(Pivots.Column::label).containsExactly("Jan 2026", "Feb 2026", "Mar 2026");
        assertThat(months.get(1).from()).isEqualTo(LocalDate.parse("2026-02-01"));
        assertThat(months.get(1).to()).isEqualTo(LocalDate.parse("2026-03-01"));
    }

    @Test
    void aPeriodThatStartsOrEndsInsideAMonthKeepsOnlyItsOwnDays() {
        List<Pivots.Column> months = of("2026-01-15", "2026-03-10", Pivots.Columns.MONTH);
        assertThat(months).extracting(Pivots.Column::key).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(months.get(0).from()).isEqualTo(LocalDate.parse("2026-01-15"));
        assertThat(months.get(2).to()).isEqualTo(LocalDate.parse("2026-03-10"));
        List<Pivots.Column> quarters = of("2025-11-01", "2026-05-01", Pivots.Columns.QUARTER);
        assertThat(quarters).extracting(Pivots.Column::key).containsExactly("2025-Q4", "2026-Q1", "2026-Q2");
        assertThat(quarters.get(0).from()).isEqualTo(LocalDate.parse("2025-11-01"));
        assertThat(quarters.get(2).to()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(of("2024-07-01", "2026-02-01", Pivots.Columns.YEAR)).extracting(Pivots.Column::key).containsExactly("2024", "2025", "2026");
    }

    @Test
    void aTableHasAtMostThirtySixColumns() {
        assertThat(of("2024-01-01", "2027-01-01", Pivots.Columns.MONTH)).hasSize(36);
        assertThatThrownBy(() -> of("2024-01-01", "2027-01-02", Pivots.Columns.MONTH)).isInstanceOf(ApiError.class)
                .hasMessageContaining("at most 36 columns");
        assertThat(of("2020-01-01", "2030-01-01", Pivots.Columns.YEAR)).hasSize(10);
    }
}
