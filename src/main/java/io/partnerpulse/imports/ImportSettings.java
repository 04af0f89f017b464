package io.partnerpulse.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to read one file: which column feeds which field, fixed values for fields the file lacks,
 * value maps (a source value to ours, e.g. {@code Engaging} to {@code QUALIFICATION}; an empty
 * target means unknown), the file's dialect, and what to do with bad rows and unknown references.
 * Every part may be left out; {@link #withDefaults()} fills in what is missing.
 *
 * @param columns       field name → column header
 * @param constants     field name → the value every row gets (when no column is mapped)
 * @param values        field name → (source value → our value)
 * @param delimiter     {@code ,} {@code ;} or tab ({@code \t} or {@code tab}); empty guesses it from the header line
 * @param dateFormat    ISO (2024-03-31), M/D/YYYY, D/M/YYYY or D.M.YYYY; a time of day may follow the date
 * @param decimalComma  numbers are written 1.234,56
 * @param createMissing create referenced records (accounts, employees, channels…) that do not exist yet
 * @param foldVariants  match names ignoring case, spaces and punctuation ("GTXPro" = "GTX Pro")
 * @param mode          all or nothing, or import the good rows and report the rest
 * @param currency      currency of amounts without a currency column (default the organization's)
 * @param announce      which deals of an opportunity import are announced (webhooks, commission) as
 *                      won, lost or reopened: the ones it already held and moves (default), also the
 *                      ones it inserts closed, or none
 */
public record ImportSettings(Map<String, String> columns, Map<String, String> constants,
                             Map<String, Map<String, String>> values, String delimiter, String dateFormat,
                             Boolean decimalComma, Boolean createMissing, Boolean foldVariants, Mode mode,
                             String currency, Announce announce) {

    public enum Mode { ALL_OR_NOTHING, SKIP_BAD_ROWS }

    /**
     * CHANGES: deals the file moves into or out of WON or LOST, and leads that deals it already held
     * convert (what the import inserts is history); ALL: those, the deals it inserts won or lost and
     * the leads those convert (a sync that brings in deals closed since the last one); NONE: nothing
     * (history corrected in bulk).
     */
    public enum Announce { CHANGES, ALL, NONE }

    public static final List<String> DATE_FORMATS = List.of("ISO", "M/D/YYYY", "D/M/YYYY", "D.M.YYYY");

    public ImportSettings withDefaults() {
        return new ImportSettings(columns == null ? Map.of() : new LinkedHashMap<>(columns),
                constants == null ? Map.of() : new LinkedHashMap<>(constants),
                values == null ? Map.of() : new LinkedHashMap<>(values),
                delimiter == null ? "" : delimiter, dateFormat == null || dateFormat.isBlank() ? "ISO" : dateFormat,
                decimalComma != null && decimalComma, createMissing != null && createMissing,
                foldVariants == null || foldVariants, mode == null ? Mode.ALL_OR_NOTHING : mode,
                currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(java.util.Locale.ROOT),
                announce == null ? Announce.CHANGES : announce);
    }

    public static ImportSettings defaults() {
        return new ImportSettings(null, null, null, null, null, null, null, null, null, null, null).withDefaults();
    }

    public ImportSettings withMode(Mode newMode) {
        return new ImportSettings(columns, constants, values, delimiter, dateFormat, decimalComma, createMissing,
                foldVariants, newMode, currency, announce);
    }

    public ImportSettings withAnnounce(Announce newAnnounce) {
        return new ImportSettings(columns, constants, values, delimiter, dateFormat, decimalComma, createMissing,
                foldVariants, mode, currency, newAnnounce);
    }

    public ImportSettings withColumns(Map<String, String> newColumns) {
        return new ImportSettings(newColumns, constants, values, delimiter, dateFormat, decimalComma, createMissing,
                foldVariants, mode, currency, announce);
    }
}
