package io.partnerpulse.imports.internal;

import java.util.List;

/**
 * A failure that is nobody's row: the file cannot be read, the mapping does not fit it. Its text is
 * the message {@code imports.<code>} of the application's bundles with {@code args}: the exception's
 * message is the English one (the API, the command line, the log), and a page says it in its reader's
 * language from the key and the arguments.
 */
public final class FileProblem extends IllegalArgumentException {

    private final String field;
    private final String code;
    private final List<String> args;

    /** The problem of {@code field} ("file", "delimiter" or a mapped field) said by {@code imports.<code>}. */
    public FileProblem(String field, String code, String... args) {
        this(field, english(code, args), code, List.of(args));
    }

    private FileProblem(String field, String englishText, String code, List<String> args) {
        super(englishText);
        this.field = field;
        this.code = code;
        this.args = args;
    }

    /** The same, with an English text of its own that says more than the message (what the API answers). */
    static FileProblem withText(String field, String englishText, String code, String... args) {
        return new FileProblem(field, englishText, code, List.of(args));
    }

    /** The English text of the message {@code imports.<code>} with these arguments. */
    public static String english(String code, String... args) {
        return Reason.text(key(code), args);
    }

    public static String key(String code) {
        return "imports." + code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    /** The message key of its text. */
    public String key() {
        return key(code);
    }

    public List<String> args() {
        return args;
    }
}
