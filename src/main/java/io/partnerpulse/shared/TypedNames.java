package io.partnerpulse.shared;

import java.util.Locale;
import java.util.Map;

import io.partnerpulse.shared.References.Kind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A page form's references typed by name (a partner, an account, an owner): the record each names,
 * or beside its field why it names none ("No X is named …") or several ("Several match …: A, B").
 */
@Component
public class TypedNames {

    private final References references;
    private final MessageSource messages;

    TypedNames(References references, MessageSource messages) {
        this.references = references;
        this.messages = messages;
    }

    /**
     * The id of the record of {@code kind} that {@code typed} names; null when blank, or when it names
     * no single record, in which case {@code fieldErrors} gets why under {@code field} (messages
     * {@code none} and {@code several}, with the text typed and the candidates). {@code except} (may be
     * null) is never meant: the record the form is about.
     */
    public Long id(Kind kind, String typed, Long except, String field, String none, String several, Map<String, String> fieldErrors,
                   Locale locale) {
        return id(kind, typed, null, except, field, none, several, fieldErrors, locale);
    }

    /**
     * The same, for a form that changes a record: {@code current} (may be null) is the record it names
     * now, kept while its name is typed unchanged, even when another record has the same name (a form
     * shows names, and a name shared by two partners must not move the deal to the other).
     */
    public Long id(Kind kind, String typed, Long current, Long except, String field, String none, String several,
                   Map<String, String> fieldErrors, Locale locale) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (current != null && text.equalsIgnoreCase(references.names(kind, java.util.List.of(current)).getOrDefault(current, "").strip())) {
            return current;
        }
        References.Named named = references.named(kind, text, 5, except);
        if (named.id() == null) {
            fieldErrors.put(field, named.candidates().isEmpty() ? messages.getMessage(none, new Object[] {text}, locale)
                    : messages.getMessage(several, new Object[] {text, String.join(", ", named.candidates().values())}, locale));
        }
        return named.id();
    }
}
