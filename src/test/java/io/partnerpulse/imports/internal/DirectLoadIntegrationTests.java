package io.partnerpulse.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.partnerpulse.deal.StageMoveAnnouncer;
import io.partnerpulse.imports.ImportEntity;
import io.partnerpulse.imports.ImportReport;
import io.partnerpulse.imports.ImportSettings;
import io.partnerpulse.imports.ImportSettings.Mode;
import io.partnerpulse.lead.LeadConversionAnnouncer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The direct load ({@link DirectLoad}) writes what the set-based path writes: the same file, with
 * every quirk the two paths treat on their own (references by external id, by folded name, with
 * letters beyond ASCII, made on the way; currencies without a rate; partners that do not exist;
 * repeated ids; bad dates; amounts rounded to cents; names made of product and account; a lost
 * deal's reason, a won deal's dropped; default regions; deals without an opening day), imported
 * into an empty database once each way: every column of every deal, its stage history, the records
 * made and the report are the same. On a database of its own (its deals' table must start empty).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"partnerpulse.test.own-database=direct-load", "partnerpulse.forecast.learn-ahead=false"})
@ActiveProfiles("test")
@DirtiesContext
class DirectLoadIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Autowired
    DataSource dataSource;

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    StageMoveAnnouncer announcer;

    @Autowired
    LeadConversionAnnouncer leads;

    @Autowired
    JdbcClient jdbc;

    static final String FILE = String.join("\r\n",
            "id,name,agent,product,account,partner,channel,campaign,stage,engaged,closed,value,currency,country,region,city,reason,competitor",
            "D-1,,Ann Lee,GTX Pro,Acme GmbH,P-1,Paid Search,Spring Push,Won,2025-01-05,2025-02-01,1200.50,,DE,,Berlin,Too slow,Rival",
            "D-2,Big deal,ann lee,GTXPro,acme gmbh,Northwind Partners,paid search,,Lost,2025-01-06,2025-01-30,0,EUR,,,,Price,Rival Inc",
            "D-3,,Bob Stone,MG Special,,,Organic Search,,Engaging,2025-03-01,2025-06-30,,,FR,,,,",
            "D-4,,Chloé Dupont,Café Ünïon,Société Générale,Contoso,,,Prospecting,,,,USD,,,,,",
            "D-5,,CHLOÉ DUPONT,café ünïon,SOCIÉTÉ GÉNÉRALE,contoso,,,Prospecting,2025-02-02,,17,JPY,,,,,",
            "D-6,,Bob Stone,MG Special,Initech,Nobody Partners,,,Won,2025-02-02,2025-02-10,5,EUR,,,,,",
            "D-1,Again,Bob Stone,,,,,,Won,2025-02-02,2025-02-10,5,EUR,,,,,",
            "D-8,,Bob Stone,,,,,,Won,2025-13-45,2025-02-10,5,EUR,,,,,",
            "D-9,,E-7,GTX Basic,Initech,P-1,,,Won,2024-12-30,2025-01-02,,EUR,US,,Austin,,",
            "D-10,,,,,,,,Proposal,2025-04-01,,1234567.891,EUR,US,Texas,,,",
            "D-11,,,,,,,,Negotiation,2025-04-01,2025-05-01,0.5,EUR,,,,,",
            "D-12,,,,,,,,Won,,2025-05-01,10000,EUR,,,,,",
            "D-13,,,MG Special,,,,,Lost,2025-05-01,2025-05-02,99999999.99,EUR,,,,,",
            "D-14,Retail push,Dana Ray,GTX Basic,Initech,,Email Blast,,Won,2025-06-01,2025-06-01,12.3,EUR,DE,Bavaria,,,",
            "D-15,,,,Acme GmbH,,,,Qualification,2025-06-01,,250,EUR,,,,,",
            "D-1,Third,,,,,,,Prospecting,,,,,,,,,",
            "");

    static final String MAPPING_COLUMNS = "externalId=id,name=name,owner=agent,productLine=product,account=account,partner=partner,"
            + "channel=channel,campaign=campaign,stage=stage,createdAt=engaged,closedAt=closed,amount=value,currency=currency,"
            + "country=country,region=region,city=city,lostReason=reason,competitor=competitor";

    static ImportSettings settings(Mode mode) {
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        for (String pair : MAPPING_COLUMNS.split(",")) {
            String[] parts = pair.split("=");
            columns.put(parts[0], parts[1]);
        }
        return new ImportSettings(columns, Map.of(), Map.of("stage", Map.of("Engaging", "QUALIFICATION")), null, null, null, true, true,
                mode, null, null);
    }

    @BeforeEach
    void emptyDatabaseWithTheRecordsTheFileNames() {
        JdbcClient asOwner = JdbcClient.create(owner);
        asOwner.sql("truncate opportunity, stage_change, customer_account, product_line restart identity cascade").update();
        asOwner.sql("delete from campaign").update();
        asOwner.sql("delete from marketing_channel").update();
        asOwner.sql("delete from employee where external_id is distinct from 'E-7'").update();
        asOwner.sql("insert into business_unit (name) values ('Direct') on conflict (name) do nothing").update();
        asOwner.sql("insert into department (name, business_unit_id) select 'Direct', id from business_unit where name = 'Direct'"
                + " and not exists (select 1 from department where name = 'Direct')").update();
        asOwner.sql("insert into employee (external_id, full_name, department_id, hire_date) select 'E-7', 'Dana Ray', id, date '2020-01-01'"
                + " from department where name = 'Direct' on conflict (external_id) do nothing").update();
        for (String[] partner : List.of(new String[] {"P-1", "Northwind Partners"}, new String[] {null, "Contoso"})) {
            asOwner.sql("insert into partner (external_id, name, tier, status, status_changed_at, country, region, joined_on)"
                            + " select :id, :name, 'REGISTERED', 'ACTIVE', now(), 'DE', 'Berlin', date '2024-01-01'"
                            + " where not exists (select 1 from partner where name = :name)")
                    .param("id", partner[0]).param("name", partner[1]).update();
        }
        asOwner.sql("insert into marketing_channel (name, type) values ('Email Blast', 'OWNED')").update();
        asOwner.sql("insert into campaign (name, channel_id, starts_on, ends_on, currency) select 'Spring Push', id,"
                + " date '2025-01-01', date '2025-03-31', 'EUR' from marketing_channel where name = 'Email Blast'").update();
        asOwner.sql("insert into exchange_rate (currency, rate_date, rate_to_base) values ('USD', date '2025-01-01', 0.9)"
                + " on conflict do nothing").update();
    }

    @Test
    void writesEveryColumnOfEveryDealItsHistoryTheRecordsItMakesAndItsReportAsTheSetBasedPathDoes() {
        Outcome direct = importOnce(Mode.SKIP_BAD_ROWS, 0);
        emptyDatabaseWithTheRecordsTheFileNames();
        Outcome setBased = importOnce(Mode.SKIP_BAD_ROWS, Long.MAX_VALUE);

        assertThat(direct.direct()).isTrue();
        assertThat(setBased.direct()).isFalse();
        assertThat(direct.steps()).containsExactly("loading", "checking", "inserting", "indexing", "saving");
        assertThat(setBased.steps()).containsExactly("reading", "checking", "matching", "inserting", "saving");
        assertThat(direct.report().status()).isEqualTo("IMPORTED");
        assertThat(direct.report().inserted()).isEqualTo(11);
        assertThat(direct.report().rejected()).isEqualTo(5);
        assertThat(direct.report().problems()).extracting(ImportReport.RowProblem::code)
                .containsExactly("currency.noRate", "missing.partner", "repeated.externalId", "value.notCalendarDay", "repeated.externalId");
        assertThat(direct.rows()).filteredOn(r -> r.startsWith("deal|")).hasSize(11);
        assertThat(direct.rows()).filteredOn(r -> r.startsWith("history|")).hasSize(11 + 6);
        assertThat(direct.rows()).containsExactlyElementsOf(setBased.rows());
        assertThat(summary(direct.report())).isEqualTo(summary(setBased.report()));
    }

    @Test
    void rejectsTheWholeFileWithTheSameProblemsAndLeavesTheTablesAsTheyWere() {
        Outcome direct = importOnce(Mode.ALL_OR_NOTHING, 0);
        assertThat(direct.report().status()).isEqualTo("REJECTED");
        assertThat(direct.rows()).filteredOn(r -> r.startsWith("deal") || r.startsWith("history")).isEmpty();
        assertThat(jdbc.sql("select count(*) from customer_account").query(Long.class).single()).isZero();
        emptyDatabaseWithTheRecordsTheFileNames();
        Outcome setBased = importOnce(Mode.ALL_OR_NOTHING, Long.MAX_VALUE);

        assertThat(direct.direct()).isTrue();
        assertThat(summary(direct.report())).isEqualTo(summary(setBased.report()));
        assertThat(direct.rows()).containsExactlyElementsOf(setBased.rows());
        // the deals' indexes are back after the rollback
        assertThat(jdbc.sql("select count(*) from pg_indexes where tablename = 'opportunity'").query(Long.class).single()).isGreaterThan(8);
    }

    @Test
    void aSecondImportIntoTheFilledTableTakesTheSetBasedPathAndChangesNothing() {
        Outcome first = importOnce(Mode.SKIP_BAD_ROWS, 0);
        Outcome again = importOnce(Mode.SKIP_BAD_ROWS, 0);

        assertThat(first.direct()).isTrue();
        assertThat(again.direct()).isFalse();
        assertThat(again.rows()).containsExactlyElementsOf(first.rows());
        assertThat(again.report().unchanged()).isEqualTo(11);
        assertThat(again.report().inserted()).isZero();
        assertThat(again.rows()).containsExactlyElementsOf(first.rows());
        assertThat(jdbc.sql("select bool_and(indisvalid and indisready) from pg_index where indrelid = 'opportunity'::regclass")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select pg_sequence_last_value(pg_get_serial_sequence('opportunity', 'id')::regclass) >= max(id) from opportunity")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void writesNumbersTextDaysAndInstantsInTheBinaryFormatAsPostgreSqlReadsThem() throws Exception {
        List<String> numbers = List.of("0", "0.00", "0.5", "0.0001", "7", "10000", "100000000", "99999999.99", "1234567.891", "-12.3400",
                "123456789012345.12", "20000.0002", "-0.01");
        java.time.Instant instant = java.time.Instant.parse("1999-12-31T23:59:59.123456Z");
        java.time.LocalDate day = java.time.LocalDate.of(2031, 2, 28);
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("create temp table binary_rows (n numeric, t text, ts timestamptz, d date, i bigint) on commit drop");
            }
            BinaryCopy out = new BinaryCopy();
            for (String number : numbers) {
                out.tuple(5);
                out.numeric(number);
                out.text("Société Générale · 東京 😀 " + number);
                out.timestamp(instant);
                out.date(day);
                out.int8(Long.MIN_VALUE + numbers.indexOf(number));
            }
            out.tuple(5);
            out.numeric(null);
            out.text(null);
            out.timestamp(null);
            out.date(null);
            out.int8((Long) null);
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            all.write(BinaryCopy.HEADER);
            all.write(out.take());
            all.write(BinaryCopy.TRAILER);
            connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                    .copyIn("copy binary_rows from stdin (format binary)", new ByteArrayInputStream(all.toByteArray()));
            List<String> read = new ArrayList<>();
            try (var statement = connection.createStatement();
                 var rs = statement.executeQuery("select n::text, t, to_char(ts at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), d::text, i"
                         + " - (-9223372036854775808) from binary_rows")) {
                while (rs.next()) {
                    read.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getString(5));
                }
            }
            connection.rollback();
            List<String> expected = new ArrayList<>();
            for (String number : numbers) {
                expected.add(number + "|Société Générale · 東京 😀 " + number + "|1999-12-31 23:59:59.123456|2031-02-28|" + numbers.indexOf(number));
            }
            expected.add("null|null|null|null|null");
            assertThat(read).containsExactlyElementsOf(expected);
        }
    }

    record Outcome(ImportReport report, boolean direct, List<String> rows, List<String> steps) {
    }

    private Outcome importOnce(Mode mode, long directLoadFrom) {
        byte[] file = FILE.getBytes(StandardCharsets.UTF_8);
        List<String> steps = new ArrayList<>();
        ImportJob job = new ImportJob(dataSource, transactions, announcer, leads, ImportEntity.OPPORTUNITIES, settings(mode), "test",
                ZONE, "EUR", (step, done, total) -> {
                    if (steps.isEmpty() || !steps.get(steps.size() - 1).equals(step)) {
                        steps.add(step);
                    }
                }).directLoadFrom(directLoadFrom);
        try {
            ImportReport report = job.run(new ByteArrayInputStream(file), file.length, null, false);
            return new Outcome(report, job.loadedDirectly(), rows(), steps);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything the import wrote, by names instead of ids (the ids of made records differ between runs), in id order. */
    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("""
                select concat_ws('|', 'deal', o.external_id, o.name, o.stage, o.amount, o.currency,
                       case when o.created_at > now() - interval '1 hour' then 'now' else o.created_at::text end, o.closed_at,
                       o.expected_close_on, a.external_id, a.name, p.name, e.external_id, e.full_name, l.external_id, l.name,
                       c.name, c.type, m.name, o.lead_id, o.country, o.region, o.city, o.lost_reason, o.competitor, o.version)
                from opportunity o left join customer_account a on a.id = o.account_id left join partner p on p.id = o.partner_id
                left join employee e on e.id = o.owner_id left join product_line l on l.id = o.product_line_id
                left join marketing_channel c on c.id = o.channel_id left join campaign m on m.id = o.campaign_id
                order by o.id""").query(String.class).list());
        rows.addAll(jdbc.sql("""
                select concat_ws('|', 'history', o.external_id, s.from_stage, s.to_stage,
                       case when s.changed_at > now() - interval '1 hour' then 'now' else s.changed_at::text end, s.changed_by)
                from stage_change s join opportunity o on o.id = s.opportunity_id order by s.id""").query(String.class).list());
        rows.addAll(jdbc.sql("select concat_ws('|', 'account', external_id, name) from customer_account order by name")
                .query(String.class).list());
        rows.addAll(jdbc.sql("""
                select concat_ws('|', 'employee', e.external_id, e.full_name, d.name, e.hire_date) from employee e
                join department d on d.id = e.department_id order by e.full_name""").query(String.class).list());
        rows.addAll(jdbc.sql("select concat_ws('|', 'product', external_id, name) from product_line order by name")
                .query(String.class).list());
        rows.addAll(jdbc.sql("select concat_ws('|', 'channel', external_id, name, type) from marketing_channel order by name")
                .query(String.class).list());
        return rows;
    }

    /** The report without its timing. */
    private static String summary(ImportReport report) {
        return List.of(report.status(), report.rowsRead(), report.inserted(), report.updated(), report.unchanged(), report.rejected(),
                report.problems(), report.warnings(), report.created(), report.remarks(), report.createdRemarks()).toString();
    }
}
