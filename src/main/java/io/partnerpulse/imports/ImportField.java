package io.partnerpulse.imports;

import java.util.List;

/**
 * One field of an entity that a CSV column can be mapped to.
 *
 * @param name        the field's name in mappings and reports (camelCase)
 * @param type        how the cell is read
 * @param required    a row without a value for it is rejected
 * @param description what it means, shown beside the mapping: the message {@code imports.field.<entity>.<name>}
 *                    of the application's bundles (here in English; the mapping page says it in its reader's language)
 * @param guesses     column names (folded: lower case, no spaces or punctuation) that map to it by default
 * @param choices     for {@link Type#CHOICE}: the values it may take
 */
public record ImportField(String name, Type type, boolean required, String description, List<String> guesses,
                          List<String> choices) {

    public enum Type {
        /** Free text; an empty cell is unknown. */
        TEXT,
        /** A decimal number, with a decimal point or, when the file says so, a decimal comma. */
        DECIMAL,
        /** A whole number. */
        INTEGER,
        /** A day, or a day with a time of day, in the date format chosen for the file. */
        DATE,
        /** One of {@link ImportField#choices()}, after the value map and spelling variants. */
        CHOICE,
        /** A country: ISO code or English name. */
        COUNTRY,
        /** Another record, by its external id or its name. */
        REFERENCE
    }

    static ImportField of(String name, Type type, boolean required, String... guesses) {
        return new ImportField(name, type, required, null, List.of(guesses), List.of());
    }

    static ImportField choice(String name, boolean required, List<String> choices, String... guesses) {
        return new ImportField(name, Type.CHOICE, required, null, List.of(guesses), choices);
    }

    ImportField described(String text) {
        return new ImportField(name, type, required, text, guesses, choices);
    }

    /** The staging table column that holds it. */
    public String column() {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
