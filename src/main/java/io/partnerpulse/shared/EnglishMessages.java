package io.partnerpulse.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The application's base bundle ({@code messages.properties}, English), whatever the machine's locale:
 * for texts that are also said in English outside a page (the API, the command line, the log), from
 * the same keys the pages say in their reader's language.
 */
public final class EnglishMessages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private EnglishMessages() {
    }

    /** The text of {@code key} as written (no arguments, as Spring says a message without them). */
    public static String text(String key) {
        return BUNDLE.getString(key);
    }

    /** The text of {@code key} with its arguments, as {@link MessageFormat} (and Spring, given arguments) formats it. */
    public static String format(String key, Object... args) {
        return new MessageFormat(BUNDLE.getString(key), Locale.ENGLISH).format(args);
    }
}
