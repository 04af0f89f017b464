package io.partnerpulse.web;

/** One KPI card as the dashboard shows it: value, note, comparisons, target attainment, drill-through. */
public record Card(String key, String title, String value, String note, Change vsPrevious, Change vsLastYear, String attainment,
                   String drill) {

    /** A change in percent, and which way it goes. */
    public record Change(String text, String direction) {
    }
}
