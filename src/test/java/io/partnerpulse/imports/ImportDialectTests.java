package io.partnerpulse.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.partnerpulse.imports.internal.CsvSource;
import io.partnerpulse.imports.internal.RowConverter;
import org.junit.jupiter.api.Test;

/** What real exports contain, read without a database: separators, quotes, BOM, CRLF, date formats, decimal commas. */
class ImportDialectTests {

    static final Map<String, String> COUNTRIES = Map.of("DE", "DE", "germany", "DE", "US", "US", "unitedstates", "US");

    record Read(List<String> header, List<CsvSource.Row> rows, char delimiter) {
    }

    static Read read(String text, String delimiter) throws Exception {
        try (CsvSource source = CsvSource.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), delimiter)) {
            List<CsvSource.Row> rows = new ArrayList<>();
            source.rows().forEachRemaining(rows::add);
            return new Read(source.header(), rows, source.delimiter());
        }
    }

    @Test
    void guessesTheSeparatorAndSkipsTheByteOrderMark() throws Exception {
        assertThat(read("\uFEFFa;b;c\r\n1;2;3\r\n", "").delimiter()).isEqualTo(';');
        assertThat(read("\uFEFFa;b;c\r\n1;2;3\r\n", "").header()).containsExactly("a", "b", "c");
        assertThat(read("a\tb\tc\n1\t2\t3\n", "").delimiter()).isEqualTo('\t');
        assertThat(read("\"a;x\",b,c\n1,2,3\n", "").delimiter()).as("a separator inside quotes does not count").isEqualTo(',');
        assertThat(read("a;b\n1;2\n", "tab").delimiter()).isEqualTo('\t');
    }

    @Test
    void keepsQuotedSeparatorsQuotesAndLineBreaksAndCountsLinesOfTheFile() throws Exception {
        Read read = read("id,note,amount\r\n1,\"one, two\",3\r\n2,\"a \"\"quoted\"\" word\r\nover two lines\",4\r\n\r\n3,plain,5\r\n", "");
        assertThat(read.rows()).extracting(CsvSource.Row::line).containsExactly(2L, 3L, 6L);
        assertThat(read.rows().get(0).cells()).containsExactly("1", "one, two", "3");
        assertThat(read.rows().get(1).cells().get(1)).isEqualTo("a \"quoted\" word\r\nover two lines");
        assertThat(read("h\n1\n2", "").rows()).extracting(CsvSource.Row::line).as("the last line without a line break").containsExactly(2L, 3L);
    }

    @Test
    void refusesAnEmptyFileAndAnUnknownSeparator() {
        assertThatThrownBy(() -> read("", "")).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("a,b\n", "#")).hasMessageContaining("delimiter");
    }

    static RowConverter converter(String header, ImportSettings settings) throws Exception {
        return new RowConverter(ImportEntity.OPPORTUNITIES, settings.withDefaults(), read(header + "\n", ",").header(), COUNTRIES,
                ZoneId.of("Asia/Karachi"), "USD");
    }

    static ImportSettings settings(String dateFormat, boolean decimalComma) {
        return new ImportSettings(Map.of("externalId", "id", "stage", "stage", "closedAt", "closed", "amount", "amount", "country", "country"),
                null, Map.of("stage", Map.of("Closed Won!", "WON")), ",", dateFormat, decimalComma, null, null, null, null, null);
    }

    static String[] convert(RowConverter converter, String... cells) {
        RowConverter.Result result = converter.convert(new CsvSource.Row(2, List.of(cells)));
        assertThat(result.problems()).isEmpty();
        return result.values();
    }

    static String value(RowConverter converter, String[] values, String field) {
        return values[converter.fields().indexOf(ImportEntity.OPPORTUNITIES.field(field).orElseThrow())];
    }

    @Test
    void readsLocalDateFormatsWithTheirTimeOfDayInTheOrganizationsTimeZone() throws Exception {
        RowConverter us = converter("id,stage,closed,amount,country", settings("M/D/YYYY", false));
        String[] values = convert(us, "1", "Won", "3/31/2026 4:05 PM", "1,234.50", "Germany");
        assertThat(value(us, values, "closedAt")).isEqualTo("2026-03-31T16:05:00+05:00");
        assertThat(value(us, values, "amount")).isEqualTo("1234.50");
        assertThat(value(us, values, "country")).isEqualTo("DE");
        RowConverter european = converter("id,stage,closed,amount,country", settings("D.M.YYYY", true));
        String[] eu = convert(european, "1", "closed won!", "31.03.2026", "1.234,50", "de");
        assertThat(value(european, eu, "closedAt")).isEqualTo("2026-03-31T00:00:00+05:00");
        assertThat(value(european, eu, "amount")).isEqualTo("1234.50");
        assertThat(value(european, eu, "stage")).as("a value map, with spelling variants folded").isEqualTo("WON");
        RowConverter iso = converter("id,stage,closed,amount,country", settings("ISO", false));
        assertThat(value(iso, convert(iso, "1", "Won", "2026-03-31T10:00:00Z", "", ""), "closedAt")).isEqualTo("2026-03-31T10:00:00Z");
        RowConverter dayFirst = converter("id,stage,closed,amount,country", settings("D/M/YYYY", false));
        assertThat(value(dayFirst, convert(dayFirst, "1", "Won", "31/3/26", "", ""), "closedAt")).startsWith("2026-03-31");
    }

    @Test
    void anEmptyCellIsUnknownAndAnUnknownAmountOfAWonDealIsReported() throws Exception {
        RowConverter converter = converter("id,stage,closed,amount,country", settings("ISO", false));
        RowConverter.Result result = converter.convert(new CsvSource.Row(2, List.of("1", "Won", "2026-01-02", "  ", "")));
        assertThat(value(converter, result.values(), "amount")).isEqualTo("0");
        assertThat(value(converter, result.values(), "country")).isNull();
        assertThat(result.englishNotes()).containsExactly("won deal without an amount: counted as 0");
    }

    @Test
    void namesTheColumnAndTheReasonOfEveryBadCell() throws Exception {
        RowConverter converter = converter("id,stage,closed,amount,country", settings("M/D/YYYY", false));
        RowConverter.Result result = converter.convert(new CsvSource.Row(7, List.of("1", "Won", "31/3/2026", "12abc", "Atlantis")));
        assertThat(result.problems()).extracting(p -> p.line() + " " + p.column() + ": " + p.reason()).containsExactlyInAnyOrder(
                "7 closed: \"31/3/2026\" is not a day of the calendar in the format M/D/YYYY",
                "7 amount: \"12abc\" is not a number (like 1234.56; choose decimal commas for 1.234,56)");
        RowConverter.Result tooWide = converter.convert(new CsvSource.Row(8, List.of("1", "Won", "", "1", "DE", "surprise")));
        assertThat(tooWide.problems().get(0).reason()).contains("6 cells but the header has 5");
    }

    @Test
    void guessesTheMappingOfBothKnownExports() throws Exception {
        assertThat(RowConverter.guess(ImportEntity.OPPORTUNITIES, List.of("opportunity_id", "sales_agent", "product", "account",
                "deal_stage", "engage_date", "close_date", "close_value"))).containsEntry("externalId", "opportunity_id")
                .containsEntry("owner", "sales_agent").containsEntry("productLine", "product").containsEntry("account", "account")
                .containsEntry("stage", "deal_stage").containsEntry("createdAt", "engage_date").containsEntry("closedAt", "close_date")
                .containsEntry("amount", "close_value");
        assertThat(RowConverter.guess(ImportEntity.LEADS, List.of("mql_id", "first_contact_date", "landing_page_id", "origin")))
                .containsEntry("externalId", "mql_id").containsEntry("createdAt", "first_contact_date").containsEntry("channel", "origin");
        assertThat(RowConverter.guess(ImportEntity.EMPLOYEES, List.of("sales_agent", "manager", "regional_office")))
                .containsEntry("fullName", "sales_agent").containsEntry("department", "manager").containsEntry("businessUnit", "regional_office");
    }
}
