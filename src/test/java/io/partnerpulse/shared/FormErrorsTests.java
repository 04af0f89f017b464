package io.partnerpulse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class FormErrorsTests {

    private final ResourceBundleMessageSource messages = messages();

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void saysARefusedFieldsReasonInThePagesLanguageWithoutTheApisEnglishFieldName() {
        ApiError tooLong = ApiError.invalid("name", "must be at most 500 characters", "problem.field.too-long");
        Locale urdu = Locale.forLanguageTag("ur");
        assertThat(FormErrors.text(tooLong, messages, urdu)).isEqualTo(messages.getMessage("problem.field.too-long", null, urdu))
                .doesNotContain("name");
        assertThat(FormErrors.failed(tooLong, messages, Locale.ENGLISH)).isEqualTo("That did not work: "
                + messages.getMessage("problem.field.too-long", null, Locale.ENGLISH));
    }

    @Test
    void saysEachRefusedFieldOnceAndAnyOtherFailureAsItIs() {
        ApiError two = ApiError.invalid(List.of(new ApiError.FieldProblem("a", "is wrong"), new ApiError.FieldProblem("b", "is missing")));
        assertThat(FormErrors.text(two, messages, Locale.ENGLISH)).isEqualTo("is wrong; is missing");
        assertThat(FormErrors.text(ApiError.notFound("partner", 7), messages, Locale.ENGLISH)).contains("7");
    }
}
