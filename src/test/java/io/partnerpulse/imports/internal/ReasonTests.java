package io.partnerpulse.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.partnerpulse.imports.ImportReport.RowProblem;
import org.junit.jupiter.api.Test;

/** Every reason a row can be rejected for has its text in English and Urdu, and no text is left without its reason. */
class ReasonTests {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(ReasonTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyReasonHasItsTextInBothLanguagesAndEveryReasonTextItsReason() throws IOException {
        Set<String> keys = Arrays.stream(Reason.values()).map(Reason::key).collect(Collectors.toSet());
        for (String bundle : new String[] {"messages.properties", "messages_ur.properties"}) {
            Set<String> texts = load(bundle).stringPropertyNames().stream().filter(k -> k.startsWith("imports.reason."))
                    .collect(Collectors.toSet());
            assertThat(texts).as(bundle).isEqualTo(keys);
        }
    }

    @Test
    void everyKindOfRecordAnImportCreatesHasItsLineInBothLanguages() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_ur.properties"}) {
            Properties texts = load(bundle);
            for (String table : new String[] {"employee", "business_unit", "customer_account", "marketing_channel", "product_line",
                    "department"}) {
                assertThat(texts.getProperty("imports.created." + table + ".one")).as(bundle + " " + table).isNotBlank();
                assertThat(texts.getProperty("imports.created." + table + ".many")).as(bundle + " " + table).isNotBlank();
            }
        }
        assertThat(Reason.Note.of("created.product_line.many", "5", "productLine", "GTK 500, GTXPro").english())
                .isEqualTo("5 product lines created for productLine: GTK 500, GTXPro");
    }

    @Test
    void aReasonsEnglishTextIsItsTemplateWithTheRowsValuesAndKeepsThemForOtherLanguages() {
        RowProblem problem = Reason.VALUE_NOT_DATE.problem(7, "engage_date", " 31/02/2026", "31/02/2026", "M/D/YYYY");

        assertThat(problem.reason()).isEqualTo("\"31/02/2026\" is not a date in the format M/D/YYYY");
        assertThat(problem.code()).isEqualTo("value.notDate");
        assertThat(problem.args()).containsExactly("31/02/2026", "M/D/YYYY");
        assertThat(Reason.missing("customer_account", true).english("Acme"))
                .isEqualTo("there is no customer account with the external id or name Acme (allow creating missing records to create it)");
        assertThat(Reason.byCode("repeated.externalId").english("2")).isEqualTo("the same external id is on line 2; the first one is imported");
    }
}
