package io.partnerpulse.shared;

/** What a page's form field holds, tidied: no surrounding spaces, blank as empty or as none. */
public final class FormText {

    private FormText() {
    }

    /** The text without the spaces around it; "" for none. */
    public static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** The text, or "" for none (a form shows "" for a value that is not there). */
    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The text without the spaces around it, or null when that leaves nothing (a field left empty sets no value). */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
