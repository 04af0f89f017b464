package io.partnerpulse.imports.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.partnerpulse.deal.Stage;
import io.partnerpulse.deal.StageMoveAnnouncer;
import io.partnerpulse.imports.ImportEntity;
import io.partnerpulse.imports.ImportReport.RowProblem;
import io.partnerpulse.imports.ImportSettings;
import io.partnerpulse.shared.ProgressListener;

/**
 * The set-based SQL of an import, over the staging table {@code import_stage} (one column per field,
 * typed as {@link RowConverter#stagedType} says, plus the file line and the id of the record a row
 * updates): resolving references by
 * external id or by (folded) name into small {@code ref_*} tables, creating the missing ones when
 * asked, the checks that need the database, and the update-then-insert that makes a re-import of
 * the same file change nothing.
 */
final class EntitySql {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EntitySql.class);
    /** New records from which an import into a smaller table builds the table's indexes at the end. */
    static final long BULK_LOAD_ROWS = 100_000;
    static final String BULK_LOAD_LOCK_WAIT = "3 seconds";

    record Counts(long inserted, long updated, long unchanged) {
    }

    /**
     * What staging wrote: how many rows, the file line of the last one read, and whether two of them
     * may share an external id ({@link KeyRepeats}; false: certainly none do).
     */
    record Staged(long rows, long lastLine, boolean externalIdsMayRepeat) {
    }

    /** Problems found in the staging table: the first ones listed, and how many rows in all. */
    record Checked(List<RowProblem> listed, long badRows) {
    }

    /**
     * A reference from a field to a table. {@code creatable}: created when missing and the import
     * allows it; {@code sameFile}: may name a record of the file itself (resolved after the write).
     */
    record Ref(String field, String column, String table, String nameColumn, boolean creatable, boolean sameFile) {
    }

    /** What a deal takes from its lead when its own row does not say. */
    private static final String CARRIED = ", e.created_at, e.channel_id, e.country, e.region, e.city";
    private static final String CARRIED_NULLS = ", null::timestamptz as created_at, null::bigint as channel_id, null::char(2) as country,"
            + " null::text as region, null::text as city";

    private final Connection connection;
    private final ImportEntity entity;
    private final ImportSettings settings;
    private final String actor;
    private final String tz;
    private final String today;
    private final String baseCurrency;
    private final List<String> checks = new ArrayList<>();
    private final List<Reason.Note> created = new ArrayList<>();
    private final Map<String, String> labels;
    private final ProgressListener progress;
    /** The rows in the staging table (less those {@link #dropBadRows} removed). */
    private long staged;
    /** The line of the file's last row: no staged row has a greater one. */
    private final long lastLine;
    private final boolean externalIdsMayRepeat;
    /** Whether {@link #write} kept the deals whose stage moved into or out of WON or LOST ({@link #announce}). */
    private boolean movesKept;
    /** Whether {@link #write} kept the leads its deals converted that are announced ({@link #announce}). */
    private boolean conversionsKept;
    /** Leads the file named that this import converted, when those are all its converted leads; else 0. */
    private long leadsConverted;

    EntitySql(Connection connection, ImportEntity entity, ImportSettings settings, String actor, ZoneId zone,
              String baseCurrency, Map<String, String> labels, ProgressListener progress, Staged staged) {
        this.connection = connection;
        this.entity = entity;
        this.settings = settings;
        this.actor = lit(actor);
        this.tz = lit(zone.getId());
        this.today = lit(LocalDate.now(zone).toString()) + "::date";
        this.baseCurrency = lit(baseCurrency);
        this.labels = labels;
        this.progress = progress;
        this.staged = staged.rows();
        this.lastLine = staged.lastLine();
        this.externalIdsMayRepeat = staged.externalIdsMayRepeat();
    }

    List<Reason.Note> created() {
        return created;
    }

    // ------------------------------------------------------------------------------------------
    // References and checks
    // ------------------------------------------------------------------------------------------

    /**
     * The references the file can hold: those its mapping names (a column or a constant). A reference
     * it cannot hold is null in every row: it is neither resolved nor joined (a million deals and four
     * unmapped references: the four scans for their values and the four joins took about 1.5 s).
     */
    List<Ref> refs() {
        return allRefs().stream().filter(this::mapped).toList();
    }

    private boolean mapped(Ref ref) {
        // an employee's department is looked up within the business unit of the row (resolveDepartments)
        return ref.table().equals("business_unit") || isSet(settings.columns().get(ref.field()))
                || isSet(settings.constants().get(ref.field()));
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private List<Ref> allRefs() {
        return switch (entity) {
            case PARTNERS -> List.of(new Ref("partnerManager", "partner_manager", "employee", "full_name", true, false),
                    new Ref("distributor", "distributor", "partner", "name", false, true));
            case EMPLOYEES -> List.of(new Ref("businessUnit", "business_unit", "business_unit", "name", true, false),
                    new Ref("manager", "manager", "employee", "full_name", false, true));
            case ACCOUNTS -> List.of(new Ref("parentAccount", "parent_account", "customer_account", "name", true, true));
            case CHANNELS -> List.of();
            case CAMPAIGNS -> List.of(new Ref("channel", "channel", "marketing_channel", "name", true, false),
                    new Ref("partner", "partner", "partner", "name", false, false));
            case LEADS -> List.of(new Ref("channel", "channel", "marketing_channel", "name", true, false),
                    new Ref("campaign", "campaign", "campaign", "name", false, false),
                    new Ref("partner", "partner", "partner", "name", false, false),
                    new Ref("owner", "owner", "employee", "full_name", true, false));
            case OPPORTUNITIES -> List.of(new Ref("account", "account", "customer_account", "name", true, false),
                    new Ref("partner", "partner", "partner", "name", false, false),
                    new Ref("owner", "owner", "employee", "full_name", true, false),
                    new Ref("productLine", "product_line", "product_line", "name", true, false),
                    new Ref("channel", "channel", "marketing_channel", "name", true, false),
                    new Ref("campaign", "campaign", "campaign", "name", false, false),
                    new Ref("lead", "lead", "lead", null, false, false));
        };
    }

    String fold(String expression) {
        return settings.foldVariants() ? "lower(regexp_replace(" + expression + ", '[[:space:]_./-]+', '', 'g'))" : expression;
    }

    private String label(String field) {
        return lit(labels.getOrDefault(field, field));
    }

    /** Resolves every reference and runs the checks; lists the first problems and counts the bad rows. */
    Checked check() throws SQLException {
        if (externalIdsMayRepeat) {
            checks.add(repeated("externalId", false, Reason.REPEATED_EXTERNAL_ID));
        }
        // a step per reference, the departments and the checks' query
        int steps = refs().size() + (entity == ImportEntity.EMPLOYEES ? 2 : 1);
        int done = 0;
        progress.progress(ImportStep.CHECKING.key(), done, steps);
        stageReferencedValues();
        for (Ref ref : refs()) {
            resolve(ref);
            progress.progress(ImportStep.CHECKING.key(), ++done, steps);
        }
        if (entity == ImportEntity.EMPLOYEES) {
            resolveDepartments();
            progress.progress(ImportStep.CHECKING.key(), ++done, steps);
            // a file without external ids finds an employee made in the app (who has none) by name: that one is not another
            checks.add("select s.line, " + label("email") + ", s.email, " + code(Reason.EMAIL_OF_ANOTHER) + ", e.full_name, null"
                    + " from import_stage s join employee e on lower(e.email) = lower(s.email)"
                    + " where e.external_id is distinct from s.external_id"
                    + (externalIdsMapped() ? "" : " and not (e.external_id is null and " + fold("e.full_name") + " = " + fold("s.full_name") + ")"));
            checks.add(repeated("email", true, Reason.REPEATED_EMAIL));
            checks.add("select s.line, " + label("manager") + ", s.manager, " + code(Reason.OWN_MANAGER) + ", null, null"
                    + " from import_stage s where s.manager = s.external_id or " + fold("s.manager") + " = " + fold("s.full_name"));
        }
        if (entity == ImportEntity.CHANNELS) {
            // a channel's name is unique: a new one cannot take the name of another (a file without
            // external ids finds its channels by name, so only one with another external id is another)
            checks.add(repeated("name", false, Reason.REPEATED_NAME));
            checks.add("select s.line, " + label("name") + ", s.name, case when c.external_id is null then " + code(Reason.CHANNEL_NAME_TAKEN)
                    + " else " + code(Reason.CHANNEL_NAME_TAKEN_BY) + " end, c.external_id, null from import_stage s join marketing_channel c"
                    + " on c.name = s.name where c.external_id is distinct from s.external_id"
                    + (externalIdsMapped() ? "" : " and c.external_id is not null"));
        }
        if (entity == ImportEntity.PARTNERS) {
            checkTwoTiers();
        }
        if (entity == ImportEntity.ACCOUNTS) {
            checks.add("select s.line, " + label("parentAccount") + ", s.parent_account, " + code(Reason.OWN_PARENT) + ", null, null"
                    + " from import_stage s where s.parent_account = s.external_id or " + fold("s.parent_account") + " = " + fold("s.name"));
        }
        if (entity == ImportEntity.OPPORTUNITIES || entity == ImportEntity.CAMPAIGNS) {
            checks.add("select s.line, " + label("currency") + ", s.currency, " + code(Reason.NO_EXCHANGE_RATE) + ", s.currency, "
                    + baseCurrency + " from import_stage s where s.currency in (select distinct c.currency from import_stage c"
                    + " where c.currency <> " + baseCurrency + " and not exists (select 1 from exchange_rate r where r.currency = c.currency))");
        }
        if (convertsLeads()) {
            // a deal made in the app has no external id: then its name
            checks.add("select s.line, " + label("lead") + ", s.lead, " + code(Reason.LEAD_TAKEN) + ", coalesce(o.external_id, o.name), null"
                    + " from import_stage s join ref_lead r on r.raw = s.lead join opportunity o on o.lead_id = r.id"
                    + " where o.external_id is distinct from s.external_id");
            checks.add(repeated("lead", false, Reason.REPEATED_LEAD));
        }
        List<RowProblem> listed = new ArrayList<>();
        if (checks.isEmpty()) {
            progress.progress(ImportStep.CHECKING.key(), steps, steps);
            return new Checked(listed, 0);
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select line, col, value, code, a0, a1 from " + problems() + " order by line limit "
                     + ImportJob.MAX_LISTED_PROBLEMS)) {
            while (rs.next()) {
                String[] args = java.util.stream.Stream.of(rs.getString(5), rs.getString(6)).filter(java.util.Objects::nonNull)
                        .toArray(String[]::new);
                listed.add(Reason.byCode(rs.getString(4)).problem(rs.getLong(1), rs.getString(2), rs.getString(3), args));
            }
        }
        long bad = listed.isEmpty() ? 0 : count("select count(distinct line) from " + problems());
        progress.progress(ImportStep.CHECKING.key(), steps, steps);
        return new Checked(listed, bad);
    }

    /**
     * Two-tier distribution, as the schema keeps it (whose trigger is off while an import writes,
     * see {@link #startBulk}): a row does not name itself as its distributor, a distributor names
     * none, the partner a row names is a distributor once the file is in (marked so in the file, or
     * already one and not unmarked by it), and a distributor others buy through stays one.
     */
    private void checkTwoTiers() throws SQLException {
        boolean named = refs().stream().anyMatch(r -> r.field().equals("distributor"));
        if (named) {
            checks.add("select s.line, " + label("distributor") + ", s.distributor, " + code(Reason.OWN_DISTRIBUTOR) + ", null, null"
                    + " from import_stage s where s.distributor = s.external_id or " + fold("s.distributor") + " = " + fold("s.name"));
            checks.add("select s.line, " + label("distributor") + ", s.distributor, " + code(Reason.DISTRIBUTOR_BUYS_THROUGH)
                    + ", null, null from import_stage s where s.partner_type = 'DISTRIBUTOR' and s.distributor is not null");
            // each partner named as a distributor: the record it is, and the file's first row of it (by external id, else by name)
            update("create temp table import_named_distributor on commit drop as select r.raw, p.id as existing_id,"
                    + " p.distributor as now_distributor, coalesce(fe.line, fn.line) as file_line,"
                    + " coalesce(fe.partner_type, fn.partner_type) as file_type from ref_distributor r"
                    + " left join partner p on p.id = r.id"
                    + " left join (select distinct on (external_id) external_id, line, partner_type from import_stage"
                    + " where external_id is not null order by external_id, line) fe on fe.external_id = r.raw"
                    + " left join (select distinct on (k) " + fold("name") + " as k, line, partner_type from import_stage"
                    + " order by k, line) fn on fe.line is null and fn.k = " + fold("r.raw"));
            checks.add("select s.line, " + label("distributor") + ", s.distributor, " + code(Reason.NOT_A_DISTRIBUTOR) + ", s.distributor, null"
                    + " from import_stage s join import_named_distributor d on d.raw = s.distributor"
                    + " where (d.file_line is not null or d.existing_id is not null)"
                    + " and not coalesce(d.file_type = 'DISTRIBUTOR', d.now_distributor, false)"
                    + " and s.distributor is distinct from s.external_id and " + fold("s.distributor") + " <> " + fold("s.name"));
        }
        if (!isSet(settings.columns().get("partnerType")) && !isSet(settings.constants().get("partnerType"))) {
            return;
        }
        // the record each row is, found as write() finds it: by external id (a file without ids has its names
        // there), else by name among those without one; each its own equality join, hashed (one join on
        // either would pair every row with every partner)
        List<String> targets = new ArrayList<>(List.of("t.external_id = s.external_id"));
        if (!externalIdsMapped()) {
            targets.add("t.external_id is null and " + fold("t.name") + " = " + fold("s.name"));
        }
        for (String target : targets) {
            checks.add("select s.line, " + label("partnerType") + ", s.partner_type, " + code(Reason.HAS_RESELLERS) + ", null, null"
                    + " from import_stage s join partner t on " + target
                    + " where s.partner_type = 'RESELLER' and t.distributor and exists (select 1 from partner x where x.distributor_id = t.id)");
        }
    }

    /** The rows the checks found, as a table: line, col, value, code and the reason's arguments a0 and a1. */
    private String problems() {
        return "(" + String.join(" union all ", checks) + ") p (line, col, value, code, a0, a1)";
    }

    /**
     * The rows after the first that repeat an earlier row's value of {@code field} (its case ignored
     * or not), with {@code reason} and the first row's line: external ids, leads and values the
     * database keeps unique, reported by row instead of failing the whole import at the insert.
     */
    private String repeated(String field, boolean ignoreCase, Reason reason) {
        String column = entity.field(field).orElseThrow().column();
        String key = ignoreCase ? "lower(" + column + ")" : column;
        String staged = ignoreCase ? "lower(s." + column + ")" : "s." + column;
        return "select s.line, " + label(field) + " as col, s." + column + " as value, " + code(reason) + " as code,"
                + " f.first_line::text as a0, null::text as a1 from import_stage s join (select " + key
                + " as k, min(line) as first_line from import_stage where " + column + " is not null group by 1 having count(*) > 1) f"
                + " on f.k = " + staged + " where s.line <> f.first_line";
    }

    /** A reason's code as an SQL literal. */
    private static String code(Reason reason) {
        return lit(reason.code());
    }

    /** Whether the file's rows name their external ids (else a record is found by its name, as {@link #write} does). */
    private boolean externalIdsMapped() {
        return settings.columns().containsKey("externalId");
    }

    /** Removes the rows the checks found, to import the rest. */
    void dropBadRows() throws SQLException {
        staged -= update("delete from import_stage where line in (select line from " + problems() + ")");
    }

    /**
     * The distinct values of every mapped reference, in {@code import_ref_value (ref, raw)}: one pass
     * over the staged rows for all of them (grouping sets, hashed side by side) instead of one pass
     * each. A million deals naming three references: 0.43 s instead of 3 × 0.23 s.
     */
    private void stageReferencedValues() throws SQLException {
        List<String> columns = refs().stream().map(Ref::column).toList();
        if (columns.isEmpty()) {
            return;
        }
        StringBuilder ref = new StringBuilder("case");
        StringBuilder raw = new StringBuilder("case");
        for (String column : columns) {
            ref.append(" when grouping(").append(column).append(") = 0 then ").append(lit(column));
            raw.append(" when grouping(").append(column).append(") = 0 then ").append(column);
        }
        String sets = String.join(", ", columns.stream().map(c -> "(" + c + ")").toList());
        update("create temp table import_ref_value on commit drop as select ref, raw from (select " + ref + " end as ref, "
                + raw + " end as raw from import_stage group by grouping sets (" + sets + ")) v where raw is not null");
        // statistics of how many values each reference has: without them PostgreSQL guessed a few
        // hundred for any one, and matched 915,729 distinct lead ids to 2,000,000 leads by an index
        // probe each (8 s) instead of one hash join
        update("analyze import_ref_value");
    }

    private void resolve(Ref ref) throws SQLException {
        String table = "ref_" + ref.column();
        // each distinct value and the id of the record with that external id; the values no external id
        // matched get their folded key and the id of the first record with that name (a reference by
        // external id only, a lead, needs no key). Folding the names of a big table (200,000 accounts)
        // costs a second, so it is done only when some value is not an external id.
        // a deal takes its lead's first contact, channel and place when its own row does not say
        String carried = ref.table().equals("lead") ? CARRIED : "";
        update("create temp table " + table + " on commit drop as select d.raw, "
                + (ref.nameColumn() != null ? "case when e.id is null then " + fold("d.raw") + " end" : "d.raw") + " as key, e.id"
                + carried + " from (select raw from import_ref_value where ref = " + lit(ref.column()) + ") d left join "
                + ref.table() + " e on e.external_id = d.raw");
        if (ref.nameColumn() != null && count("select count(*) from (select 1 from " + table + " where id is null limit 1) u") > 0) {
            matchByName(ref, table);
        }
        // statistics, so that the joins with the staged rows go by hash instead of probing an index per row
        update("analyze " + table);
        if (ref.creatable() && settings.createMissing()) {
            String unresolved = " from " + table + " where id is null" + (ref.sameFile() ? sameFileFilter(ref, table) : "");
            long missing = count("select count(distinct key)" + unresolved);
            if (missing > 0) {
                String names = names("select min(raw)" + unresolved + " group by key order by 1 limit 5");
                update("insert into " + ref.table() + " (external_id, " + ref.nameColumn() + extraColumns(ref) + ") "
                        + "select distinct on (key) raw, raw" + extraValues(ref) + " from " + table + " where id is null"
                        + (ref.sameFile() ? sameFileFilter(ref, table) : "") + " order by key, raw");
                created.add(Reason.Note.of("created." + ref.table() + (missing == 1 ? ".one" : ".many"), String.valueOf(missing),
                        ref.field(), names + (missing > 5 ? ", …" : "")));
                match(ref, table);
            }
        }
        Reason missing = Reason.missing(ref.table(), ref.creatable() && !settings.createMissing());
        checks.add("select s.line, " + label(ref.field()) + ", s." + ref.column() + ", " + code(missing) + ", s." + ref.column()
                + ", null from import_stage s join "
                + table + " r on r.raw = s." + ref.column() + " where r.id is null"
                + (ref.sameFile() ? sameFileFilter(ref, "r") : ""));
    }

    private String sameFileFilter(Ref ref, String alias) {
        String nameField = entity.nameField().map(n -> n.equals("fullName") ? "full_name" : n).orElse("external_id");
        return " and not exists (select 1 from import_stage f where f.external_id = " + alias + ".raw or "
                + fold("f." + nameField) + " = " + alias + ".key)";
    }

    private void match(Ref ref, String table) throws SQLException {
        update("update " + table + " r set id = t.id from " + ref.table() + " t where r.id is null and t.external_id = r.raw");
        if (ref.nameColumn() != null) {
            matchByName(ref, table);
        }
    }

    /** The values of the ref table that no external id matched, matched with the first record of that (folded) name. */
    private void matchByName(Ref ref, String table) throws SQLException {
        update("update " + table + " r set id = m.id from (select distinct on (" + fold("t." + ref.nameColumn()) + ") "
                + fold("t." + ref.nameColumn()) + " as k, t.id from " + ref.table() + " t order by 1, t.id) m "
                + "where r.id is null and m.k = r.key");
    }

    private String extraColumns(Ref ref) {
        return switch (ref.table()) {
            case "employee" -> ", department_id, hire_date";
            case "marketing_channel" -> ", type";
            default -> "";
        };
    }

    private String extraValues(Ref ref) throws SQLException {
        return switch (ref.table()) {
            case "employee" -> ", " + importedDepartment() + ", " + today;
            case "marketing_channel" -> ", " + channelTypeGuess("key");
            default -> "";
        };
    }

    /** PAID, EARNED or OWNED from a channel's folded name. */
    static String channelTypeGuess(String folded) {
        return "case when " + folded + " ~ '(paid|cpc|ppc|display|banner|adwords|sponsor|affiliate|retarget|ads$)' then 'PAID'"
                + " when " + folded + " ~ '(organic|seo|referral|social|press|review|wordofmouth|community|partner)' then 'EARNED'"
                + " else 'OWNED' end";
    }

    /** The department new employees go to when the file does not say: "Imported" in the unit "Imported". */
    private long importedDepartment() throws SQLException {
        update("insert into business_unit (name) values ('Imported') on conflict (name) do nothing");
        update("insert into department (name, business_unit_id) select 'Imported', id from business_unit where name = 'Imported'"
                + " on conflict (business_unit_id, name) do nothing");
        return count("select d.id from department d join business_unit u on u.id = d.business_unit_id"
                + " where d.name = 'Imported' and u.name = 'Imported'");
    }

    /** Departments are named within their business unit: (unit, name) → id, created in the row's unit when allowed. */
    private void resolveDepartments() throws SQLException {
        update("create temp table ref_department (raw text not null, unit_id bigint, key text not null, id bigint) on commit drop");
        update("insert into ref_department (raw, unit_id, key) select distinct s.department, u.id, " + fold("s.department")
                + " from import_stage s left join ref_business_unit u on u.raw = s.business_unit where s.department is not null");
        String matchDepartments = "update ref_department r set id = t.id from department t where r.id is null and t.external_id = r.raw;"
                + "update ref_department r set id = m.id from (select distinct on (" + fold("t.name") + ", t.business_unit_id) "
                + fold("t.name") + " as k, t.business_unit_id, t.id from department t order by 1, 2, t.id) m "
                + "where r.id is null and m.k = r.key and (r.unit_id is null or m.business_unit_id = r.unit_id)";
        update(matchDepartments);
        if (settings.createMissing()) {
            long missing = count("select count(*) from ref_department where id is null and unit_id is not null");
            if (missing > 0) {
                String names = names("select raw from ref_department where id is null and unit_id is not null order by raw limit 5");
                update("insert into department (name, business_unit_id) select distinct on (key, unit_id) raw, unit_id"
                        + " from ref_department where id is null and unit_id is not null order by key, unit_id, raw");
                created.add(Reason.Note.of("created.department" + (missing == 1 ? ".one" : ".many"), String.valueOf(missing),
                        names + (missing > 5 ? ", …" : "")));
                update(matchDepartments);
            }
        }
        checks.add("select s.line, " + label("department") + ", s.department, case when r.unit_id is null and s.business_unit is null"
                + " then " + code(Reason.NO_DEPARTMENT) + " else " + code(Reason.NO_DEPARTMENT_IN_UNIT) + " end, s.department, null"
                + " from import_stage s join ref_department r on r.raw = s.department"
                + " and r.unit_id is not distinct from (select u.id from ref_business_unit u where u.raw = s.business_unit)"
                + " where r.id is null");
    }

    // ------------------------------------------------------------------------------------------
    // Writing
    // ------------------------------------------------------------------------------------------

    /** Updates the records the file already holds (when something changed) and inserts the rest. */
    Counts write() throws SQLException {
        String table = table();
        String nameColumn = entity.nameField().map(n -> n.equals("fullName") ? "full_name" : "name").orElse(null);
        progress.progress(ImportStep.MATCHING.key(), 0, 0);
        // each staged row is updated at most once by each, and the second looks only at those the first left
        long matched = update("update import_stage s set target_id = t.id from " + table + " t where t.external_id = s.external_id");
        if (nameColumn != null && !externalIdsMapped()) {
            matched += update("update import_stage s set target_id = m.id from (select distinct on (" + fold("t." + nameColumn) + ") "
                    + fold("t." + nameColumn) + " as k, t.id from " + table + " t where t.external_id is null order by 1, t.id) m "
                    + "where s.target_id is null and m.k = " + fold("s." + nameColumn));
        }
        long unmatched = staged - matched;
        if (matched > 0) {
            // the staging's statistics were taken before the matches were known (every target_id
            // null): without new ones PostgreSQL expects no row to match and joins the matched rows
            // by nested loops (a million-row file imported again: 9 minutes instead of seconds).
            // Only that column changed (half the time of analysing them all).
            update("analyze import_stage (target_id)");
        }
        if (convertsLeads()) {
            update("create temp table import_converted_lead (lead_id bigint not null, created_at timestamptz not null) on commit drop");
        }
        ImportSettings.Announce announce = settings.announce();
        if (entity == ImportEntity.OPPORTUNITIES && (announce == ImportSettings.Announce.CHANGES && matched > 0
                || announce == ImportSettings.Announce.ALL && staged > 0)) {
            update("create temp table import_stage_move (opportunity_id bigint not null, from_stage text not null) on commit drop");
            movesKept = true;
        }
        boolean bulk = startBulk();
        long updated = 0;
        if (matched > 0) {
            progress.progress(ImportStep.UPDATING.key(), matched, 0);
            updated = count(updateSql());
        }
        List<String> withoutIndexes = dropIndexesForBulkLoad(unmatched, bulk);
        long inserted = 0;
        if (unmatched > 0) {
            progress.progress(ImportStep.INSERTING.key(), unmatched, 0);
            inserted = count(insertSql(withoutIndexes.contains(table) ? reserveIds(table) : null));
        }
        after();
        for (int i = 0; i < withoutIndexes.size(); i++) {
            progress.progress(ImportStep.INDEXING.key(), i, withoutIndexes.size());
            count("select bulk_load_end(" + lit(withoutIndexes.get(i)) + ")");
            progress.progress(ImportStep.INDEXING.key(), i + 1, withoutIndexes.size());
        }
        if (bulk) {
            endBulk();
        }
        return new Counts(inserted, updated, matched - updated);
    }

    /**
     * A load of at least {@link #BULK_LOAD_ROWS} new records into a table holding fewer than that
     * (the first import from another CRM) goes in without the table's secondary indexes and unique
     * keys, which are built again from sorted rows before the commit (V11's {@code bulk_load_begin}
     * and {@code bulk_load_end}, run as the schema's owner): a million deals in 3.4 s plus 2.9 s of
     * building instead of 15.5 s. The file's rows were checked for duplicate keys before.
     * The table is locked meanwhile; when other transactions hold it for more than
     * {@link #BULK_LOAD_LOCK_WAIT}, the import writes with the indexes in place instead. When those
     * tables and every table referring to them are empty, V15's {@code bulk_load_fresh} truncates them,
     * so that a server logging minimally (the embedded one) writes their rows without logging each.
     *
     * With the triggers off ({@code triggersOff}), their triggers that would keep a copy of every row
     * written are set aside too ({@link #skipCapture}).
     *
     * @return the tables whose indexes were dropped
     */
    private List<String> dropIndexesForBulkLoad(long newRows, boolean triggersOff) throws SQLException {
        if (newRows < BULK_LOAD_ROWS) {
            return List.of();
        }
        List<String> tables = new ArrayList<>();
        for (String table : bulkLoadTables()) {
            if (count("select count(*) from (select 1 from " + table + " limit " + newRows + ") t") < newRows) {
                if (count("select case when bulk_load_begin(" + lit(table) + ", " + lit(BULK_LOAD_LOCK_WAIT) + ") then 1 else 0 end") == 1) {
                    tables.add(table);
                    if (triggersOff) {
                        skipCapture(table);
                    }
                } else {
                    log.info("Import into {}: the table is in use, so its indexes stay while it is written", table);
                }
            }
        }
        if (!tables.isEmpty()) {
            String targets = String.join(", ", tables.stream().map(t -> lit(t) + "::regclass").toList());
            if (count("select case when bulk_load_fresh(array[" + targets + "], " + lit(BULK_LOAD_LOCK_WAIT) + ") then 1 else 0 end") == 1) {
                log.info("Import into {}: empty, so written into new storage without logging each row", tables);
            }
        }
        return tables;
    }

    /**
     * Sets aside the table's statement triggers that keep a transition table (the KPI read model's,
     * V9): PostgreSQL copies every row written for them even while the import has triggers off
     * (V31's {@code bulk_load_skip_capture}; a million deals 0.2 s more). {@code bulk_load_end} makes
     * them again with the indexes; {@link #endBulk} tells the read model itself.
     */
    private void skipCapture(String table) throws SQLException {
        count("select bulk_load_skip_capture(" + lit(table) + ")");
    }

    /** The tables an import writes its new records to: the entity's own and its history. */
    private List<String> bulkLoadTables() {
        return switch (entity) {
            case OPPORTUNITIES -> List.of("opportunity", "stage_change");
            case LEADS -> List.of("lead", "lead_assignment");
            default -> List.of(table());
        };
    }

    /**
     * Where the database allows it (PostgreSQL 15+ with the SET privilege on
     * {@code session_replication_role}, granted by the migrations on the embedded database), switches
     * off the per-row trigger checks of foreign keys for this transaction: a million rows with seven
     * references each would otherwise run millions of single-row lookups. Every reference of the file
     * was resolved to an existing id in the ref tables; those rows are locked against deletion here as
     * the foreign key checks would, and {@link #endBulk} checks them again, set-based, before commit.
     */
    private boolean startBulk() throws SQLException {
        if (!triggersCanBeSwitchedOff()) {
            return false;
        }
        for (Ref ref : refs()) {
            if (!ref.table().equals("lead")) {
                count("select count(*) from (select 1 from " + ref.table() + " where id in (select id from ref_" + ref.column()
                        + ") for key share) locked");
            }
        }
        if (entity == ImportEntity.EMPLOYEES) {
            count("select count(*) from (select 1 from department where id in (select id from ref_department) for key share) locked");
        }
        update("set local session_replication_role = replica");
        return true;
    }

    private boolean triggersCanBeSwitchedOff() throws SQLException {
        return count("select current_setting('server_version_num')::int") >= 150000
                && count("select case when has_parameter_privilege('session_replication_role', 'SET') then 1 else 0 end") == 1;
    }

    private void endBulk() throws SQLException {
        List<String> tables = new ArrayList<>();
        for (Ref ref : refs()) {
            tables.add("ref_" + ref.column() + ":" + ref.table());
        }
        if (entity == ImportEntity.EMPLOYEES) {
            tables.add("ref_department:department");
        }
        for (String pair : tables) {
            String[] parts = pair.split(":");
            if (parts[1].equals("lead") && leadsConverted > 0
                    && count("select count(distinct id) from " + parts[0] + " where id is not null") == leadsConverted) {
                // every lead the file names was converted by this import, so it exists and this
                // transaction holds its row lock until the commit: nothing to check again (1.2 s for
                // 915,729 leads among 2,000,000)
                continue;
            }
            long missing = count("select count(*) from " + parts[0] + " r where r.id is not null and not exists (select 1 from "
                    + parts[1] + " t where t.id = r.id)");
            if (missing > 0) {
                throw new SQLException(missing + " referenced " + parts[1].replace('_', ' ') + " records were deleted during the import");
            }
        }
        update("set local session_replication_role = origin");
        // the statement triggers that tell the KPI read model to reload were off: tell it here (delivered at commit)
        count("select count(*) from (select pg_notify('partnerpulse_kpi', " + lit(table()) + ")) n");
    }

    private String table() {
        return switch (entity) {
            case PARTNERS -> "partner";
            case EMPLOYEES -> "employee";
            case ACCOUNTS -> "customer_account";
            case CHANNELS -> "marketing_channel";
            case CAMPAIGNS -> "campaign";
            case LEADS -> "lead";
            case OPPORTUNITIES -> "opportunity";
        };
    }

    private String joins() {
        StringBuilder joins = new StringBuilder();
        for (Ref ref : allRefs()) {
            if (ref.sameFile()) {
                continue;
            }
            if (mapped(ref)) {
                joins.append(" left join ref_").append(ref.column()).append(" r_").append(ref.column())
                        .append(" on r_").append(ref.column()).append(".raw = s.").append(ref.column());
            } else {
                // one row of nulls, which PostgreSQL folds into the columns as constants (no join is run)
                joins.append(" cross join (select null::bigint as id").append(ref.table().equals("lead") ? CARRIED_NULLS : "")
                        .append(") r_").append(ref.column());
            }
        }
        if (entity == ImportEntity.EMPLOYEES) {
            joins.append(" left join ref_business_unit ru on ru.raw = s.business_unit")
                    .append(" left join ref_department r_department on r_department.raw = s.department and r_department.unit_id is not distinct from ru.id");
        }
        return joins.toString();
    }

    /** Column → (value on insert, value on update; {@code cur} is the record as it was). */
    private record Col(String name, String insert, String update) {
        static Col keep(String name, String value) {
            return new Col(name, value, "coalesce(" + value + ", cur." + name + ")");
        }
    }

    private String ts(String column) {
        return "s." + column + "::timestamptz";
    }

    private List<Col> columns() {
        String dayStart = "(coalesce(s.joined_on::date, " + today + ")::timestamp at time zone " + tz + ")";
        return switch (entity) {
            case PARTNERS -> List.of(new Col("external_id", "s.external_id", "s.external_id"), new Col("name", "s.name", "s.name"),
                    new Col("tier", "coalesce(s.tier, 'REGISTERED')", "coalesce(s.tier, cur.tier)"),
                    new Col("status", "coalesce(s.status, 'ACTIVE')", "coalesce(s.status, cur.status)"),
                    new Col("status_changed_at", dayStart, "case when coalesce(s.status, cur.status) <> cur.status then now() else cur.status_changed_at end"),
                    new Col("country", "s.country", "s.country"),
                    new Col("region", "coalesce(s.region, cy.default_region)",
                            "coalesce(s.region, case when s.country <> cur.country then cy.default_region else cur.region end)"),
                    Col.keep("city", "s.city"), Col.keep("commission_rate", "round(s.commission_rate::numeric, 4)"),
                    Col.keep("partner_manager_id", "r_partner_manager.id"),
                    // a partner becoming a distributor buys through no one; whom a reseller buys through is linked after the write
                    new Col("distributor", "coalesce(s.partner_type = 'DISTRIBUTOR', false)", "coalesce(s.partner_type = 'DISTRIBUTOR', cur.distributor)"),
                    new Col("distributor_id", "null::bigint", "case when s.partner_type = 'DISTRIBUTOR' then null else cur.distributor_id end"),
                    new Col("joined_on", "coalesce(s.joined_on::date, " + today + ")", "coalesce(s.joined_on::date, cur.joined_on)"));
            case EMPLOYEES -> List.of(new Col("external_id", "s.external_id", "s.external_id"),
                    new Col("full_name", "s.full_name", "s.full_name"), Col.keep("email", "s.email"), Col.keep("title", "s.title"),
                    new Col("department_id", "r_department.id", "coalesce(r_department.id, cur.department_id)"),
                    new Col("hire_date", "coalesce(s.hire_date::date, " + today + ")", "coalesce(s.hire_date::date, cur.hire_date)"));
            case ACCOUNTS -> List.of(new Col("external_id", "s.external_id", "s.external_id"), new Col("name", "s.name", "s.name"),
                    Col.keep("sector", "s.sector"), Col.keep("country", "s.country"), Col.keep("region", "s.region"),
                    Col.keep("city", "s.city"), Col.keep("employees", "s.employees::int"),
                    Col.keep("annual_revenue", "round(s.annual_revenue::numeric, 2)"), Col.keep("year_established", "s.year_established::int"));
            case CHANNELS -> List.of(new Col("external_id", "s.external_id", "s.external_id"), new Col("name", "s.name", "s.name"),
                    new Col("type", "coalesce(s.type, " + channelTypeGuess(fold("s.name")) + ")", "coalesce(s.type, cur.type)"));
            case CAMPAIGNS -> List.of(new Col("external_id", "s.external_id", "s.external_id"), new Col("name", "s.name", "s.name"),
                    new Col("channel_id", "r_channel.id", "r_channel.id"), Col.keep("partner_id", "r_partner.id"),
                    new Col("starts_on", "s.starts_on::date", "s.starts_on::date"), new Col("ends_on", "s.ends_on::date", "s.ends_on::date"),
                    new Col("cost", "coalesce(round(s.cost::numeric, 2), 0)", "coalesce(round(s.cost::numeric, 2), cur.cost)"),
                    new Col("currency", "s.currency", "s.currency"));
            case LEADS -> List.of(new Col("external_id", "s.external_id", "s.external_id"),
                    new Col("created_at", ts("created_at"), ts("created_at")),
                    // a whole name wins; else the first and last names of exports that split it
                    Col.keep("contact_name", "coalesce(s.contact_name, nullif(concat_ws(' ', s.first_name, s.last_name), ''))"),
                    Col.keep("company_name", "s.company_name"), Col.keep("email", "s.email"),
                    Col.keep("channel_id", "r_channel.id"), Col.keep("campaign_id", "r_campaign.id"), Col.keep("partner_id", "r_partner.id"),
                    Col.keep("owner_id", "r_owner.id"), Col.keep("country", "s.country"),
                    Col.keep("region", "coalesce(s.region, cy.default_region)"),
                    Col.keep("city", "s.city"),
                    new Col("status", "coalesce(s.status, 'NEW')",
                            "case when cur.status = 'CONVERTED' then cur.status else coalesce(s.status, cur.status) end"),
                    new Col("status_changed_at", ts("created_at"),
                            "case when cur.status <> 'CONVERTED' and coalesce(s.status, cur.status) <> cur.status then greatest(now(), " + ts("created_at")
                                    + ") else greatest(cur.status_changed_at, " + ts("created_at") + ") end"),
                    new Col("disqualified_reason", "case when s.status = 'DISQUALIFIED' then s.disqualified_reason end",
                            "case when (case when cur.status = 'CONVERTED' then cur.status else coalesce(s.status, cur.status) end) = 'DISQUALIFIED'"
                                    + " then coalesce(s.disqualified_reason, cur.disqualified_reason) end"));
            case OPPORTUNITIES -> {
                String closed = "s.stage in ('WON', 'LOST')";
                String createdNew = "coalesce(" + ts("created_at") + ", r_lead.created_at, now())";
                String createdUpd = "coalesce(" + ts("created_at") + ", cur.created_at)";
                yield List.of(new Col("external_id", "s.external_id", "s.external_id"),
                        new Col("name", "coalesce(s.name, nullif(concat_ws(' · ', s.product_line, s.account), ''), s.external_id)",
                                "coalesce(s.name, cur.name)"),
                        new Col("stage", "s.stage", "s.stage"), new Col("amount", "round(s.amount::numeric, 2)", "round(s.amount::numeric, 2)"),
                        new Col("currency", "s.currency", "s.currency"),
                        new Col("created_at", "case when " + closed + " then least(" + createdNew + ", " + ts("closed_at") + ") else " + createdNew + " end",
                                "case when " + closed + " then least(" + createdUpd + ", " + ts("closed_at") + ") else " + createdUpd + " end"),
                        new Col("closed_at", "case when " + closed + " then " + ts("closed_at") + " end",
                                "case when " + closed + " then " + ts("closed_at") + " end"),
                        new Col("expected_close_on", "case when not " + closed + " then (" + ts("closed_at") + " at time zone " + tz + ")::date end",
                                "case when not " + closed + " then coalesce((" + ts("closed_at") + " at time zone " + tz + ")::date, cur.expected_close_on) end"),
                        Col.keep("account_id", "r_account.id"), Col.keep("partner_id", "r_partner.id"), Col.keep("owner_id", "r_owner.id"),
                        Col.keep("product_line_id", "r_product_line.id"),
                        new Col("channel_id", "coalesce(r_channel.id, r_lead.channel_id)", "coalesce(r_channel.id, cur.channel_id, r_lead.channel_id)"),
                        Col.keep("campaign_id", "r_campaign.id"), Col.keep("lead_id", "r_lead.id"),
                        new Col("country", "coalesce(s.country, r_lead.country)", "coalesce(s.country, cur.country, r_lead.country)"),
                        new Col("region", "coalesce(s.region, r_lead.region, cy.default_region)",
                                "coalesce(s.region, cur.region, r_lead.region)"),
                        new Col("city", "coalesce(s.city, r_lead.city)", "coalesce(s.city, cur.city, r_lead.city)"),
                        new Col("lost_reason", "case when s.stage = 'LOST' then s.lost_reason end",
                                "case when s.stage = 'LOST' then coalesce(s.lost_reason, cur.lost_reason) end"),
                        new Col("competitor", "case when s.stage = 'LOST' then s.competitor end",
                                "case when s.stage = 'LOST' then coalesce(s.competitor, cur.competitor) end"));
            }
        };
    }

    /**
     * The country of the row, for its default region. A file that names no country gets one row of
     * nulls (folded into the columns as constants): the join cost a million deals 0.2 s for nothing.
     */
    private String extraJoins() {
        if (entity != ImportEntity.PARTNERS && entity != ImportEntity.LEADS && entity != ImportEntity.OPPORTUNITIES) {
            return "";
        }
        return isSet(settings.columns().get("country")) || isSet(settings.constants().get("country"))
                ? " left join country cy on cy.code = s.country" : " cross join (select null::text as default_region) cy";
    }

    private String updateSql() {
        List<Col> cols = columns();
        String table = table();
        String news = String.join(", ", cols.stream().map(c -> c.update() + " as " + c.name()).toList());
        String sets = String.join(", ", cols.stream().map(c -> c.name() + " = n." + c.name()).toList());
        String current = String.join(", ", cols.stream().map(c -> "t." + c.name()).toList());
        String next = String.join(", ", cols.stream().map(c -> "n." + c.name()).toList());
        String old = switch (entity) {
            case PARTNERS -> ", cur.status as old_status, cur.tier as old_tier";
            case OPPORTUNITIES -> ", cur.stage as old_stage";
            default -> "";
        };
        String returning = switch (entity) {
            case PARTNERS -> " returning t.id, t.status, t.tier, n.old_status, n.old_tier";
            case OPPORTUNITIES -> " returning t.id, t.stage, t.closed_at, n.old_stage";
            default -> " returning t.id";
        };
        String history = switch (entity) {
            case PARTNERS -> ", hs as (insert into partner_status_change (partner_id, status, changed_at, changed_by, note)"
                    + " select id, status, now(), " + actor + ", 'import' from u where status <> old_status returning 1)"
                    + ", ht as (insert into partner_tier_change (partner_id, from_tier, to_tier, changed_at, changed_by, reason)"
                    + " select id, old_tier, tier, now(), " + actor + ", 'import' from u where tier <> old_tier returning 1)";
            // and the moves into or out of WON and LOST, which are announced (announce)
            case OPPORTUNITIES -> ", h as (insert into stage_change (opportunity_id, from_stage, to_stage, changed_at, changed_by)"
                    + " select id, old_stage, stage, coalesce(closed_at, now()), " + actor + " from u where stage <> old_stage returning 1)"
                    + (movesKept ? ", m as (insert into import_stage_move (opportunity_id, from_stage) select id, old_stage from u"
                    + " where stage <> old_stage and (stage in ('WON', 'LOST') or old_stage in ('WON', 'LOST')))" : "");
            default -> "";
        };
        return "with n as (select s.target_id as id" + old + ", " + news + " from import_stage s join " + table
                + " cur on cur.id = s.target_id" + joins() + extraJoins() + "), "
                + "u as (update " + table + " t set " + sets + ", version = t.version + 1 from n where t.id = n.id and ("
                + current + ") is distinct from (" + next + ")" + returning + ")" + history
                + " select count(*) from u";
    }

    /**
     * Takes ids for every line of the file from the table's sequence at once, for a bulk load: the
     * new record of line {@code n} gets id {@code base + n}, which keeps the ids in the file's order
     * without sorting the rows by line (a million deals: about 0.3 s). Ids of lines that insert
     * nothing (the header, updated or rejected rows) stay unused, as a rolled-back insert leaves
     * them. Nobody else takes ids meanwhile: a bulk load holds the table's exclusive lock.
     *
     * @return the base
     */
    private long reserveIds(String table) throws SQLException {
        String sequence = "pg_get_serial_sequence(" + lit(table) + ", 'id')";
        long base = count("select nextval(" + sequence + ")");
        count("select setval(" + sequence + ", " + Math.addExact(base, lastLine) + ")");
        return base;
    }

    /** @param base null: ids from the sequence in the file's order, else the ids {@link #reserveIds} took */
    private String insertSql(Long base) {
        List<Col> cols = columns();
        String table = table();
        String names = (base == null ? "" : "id, ") + String.join(", ", cols.stream().map(Col::name).toList());
        String values = (base == null ? "" : base + " + s.line, ") + String.join(", ", cols.stream().map(Col::insert).toList());
        String returning = switch (entity) {
            case PARTNERS -> " returning id, status, status_changed_at";
            case LEADS -> " returning id, partner_id, created_at";
            case OPPORTUNITIES -> " returning id, stage, created_at, closed_at, lead_id";
            default -> " returning id";
        };
        String history = switch (entity) {
            case PARTNERS -> ", h as (insert into partner_status_change (partner_id, status, changed_at, changed_by, note)"
                    + " select id, status, status_changed_at, " + actor + ", 'import' from i returning 1)";
            case LEADS -> ", h as (insert into lead_assignment (lead_id, partner_id, assigned_at, assigned_by, reason)"
                    + " select id, partner_id, created_at, " + actor + ", 'imported' from i where partner_id is not null returning 1)";
            // the stage history of the new deals: opened in their stage, or opened and then closed
            case OPPORTUNITIES -> ", h as (" + historyOf("i") + " returning 1)" + (convertsLeads() ? ", c as (insert into import_converted_lead (lead_id, created_at)"
                    + " select lead_id, created_at from i where lead_id is not null)" : "")
                    // new deals closed as they came (opened in PROSPECTING, as their history says), when those are announced too
                    + (movesKept && settings.announce() == ImportSettings.Announce.ALL
                    ? ", m as (insert into import_stage_move (opportunity_id, from_stage) select id, 'PROSPECTING' from i"
                    + " where stage in ('WON', 'LOST'))" : "");
            default -> "";
        };
        return "with i as (insert into " + table + " (" + names + ") select " + values + " from import_stage s" + joins() + extraJoins()
                // in file order: new records get their ids in the order of the file's lines (the joins with big
                // reference tables would otherwise hand the rows over batch by batch, scrambling them)
                + " where s.target_id is null" + (base == null ? " order by s.line" : "") + returning + ")" + history
                + " select count(*) from i";
    }

    /** The stage history of new deals: opened in their stage, or opened and then closed (the ids from the sequence). */
    private String historyOf(String deals) {
        return historyOf(deals, null, null);
    }

    /**
     * The stage history of new deals, the openings first; {@code openingId} and {@code closingId}:
     * the ids of a deal's two rows as expressions of it, or null to take them from the sequence.
     */
    private String historyOf(String deals, String openingId, String closingId) {
        boolean ids = openingId != null;
        return "insert into stage_change (" + (ids ? "id, " : "") + "opportunity_id, from_stage, to_stage, changed_at, changed_by)"
                + " select " + (ids ? openingId + ", " : "") + "id, null, case when stage in ('WON', 'LOST') then 'PROSPECTING' else stage end,"
                + " created_at, " + actor + " from " + deals + " union all select " + (ids ? closingId + ", " : "") + "id, 'PROSPECTING',"
                + " stage, closed_at, " + actor + " from " + deals + " where stage in ('WON', 'LOST')";
    }

    // ------------------------------------------------------------------------------------------
    // The direct load (DirectLoad)
    // ------------------------------------------------------------------------------------------

    /**
     * Readies a direct load of deals, if the database allows one: the per-row trigger checks can be
     * switched off ({@link #startBulk}), the deals' and their history's indexes dropped without
     * waiting more than {@link #BULK_LOAD_LOCK_WAIT} for their locks ({@link #dropIndexesForBulkLoad}),
     * and the deals' table is empty under that lock. Then the tables are truncated into new storage
     * when the server logs minimally, the triggers are off, and the ids of all the file's lines are
     * taken from the sequence as the rows come (nobody else can insert a deal meanwhile).
     *
     * @return the id of line 0 (line n's deal gets base + n) and whether the tables were truncated into new
     *         storage (then the rows may be written frozen), or null: nothing was changed, take the set-based path
     */
    DirectStart beginDirect() throws SQLException {
        if (!triggersCanBeSwitchedOff()) {
            return null;
        }
        update("savepoint direct_load");
        boolean ready = true;
        for (String table : bulkLoadTables()) {
            ready = ready && count("select case when bulk_load_begin(" + lit(table) + ", " + lit(BULK_LOAD_LOCK_WAIT) + ") then 1 else 0 end") == 1;
        }
        if (!ready || count("select count(*) from (select 1 from opportunity limit 1) t") > 0) {
            update("rollback to savepoint direct_load");
            update("release savepoint direct_load");
            return null;
        }
        update("release savepoint direct_load");
        String targets = String.join(", ", bulkLoadTables().stream().map(t -> lit(t) + "::regclass").toList());
        boolean fresh = count("select case when bulk_load_fresh(array[" + targets + "], " + lit(BULK_LOAD_LOCK_WAIT) + ") then 1 else 0 end") == 1;
        if (fresh) {
            log.info("Import into {}: empty, so written into new storage without logging each row", bulkLoadTables());
        }
        update("set local session_replication_role = replica");
        for (String table : bulkLoadTables()) {
            skipCapture(table);
        }
        return new DirectStart(count("select nextval(pg_get_serial_sequence('opportunity', 'id'))"), fresh);
    }

    /** How a direct load starts: the id of line 0, and whether its tables were truncated in this transaction. */
    record DirectStart(long base, boolean fresh) {
    }

    /**
     * After a direct load's rows: the values each reference met ({@code ref_*} tables, as the checks
     * make them), the records to make made with the ids the rows already carry, the records referred
     * to locked as {@link #startBulk} locks them, and the rows the file repeats an external id of
     * found in the written deals. Lists the first problems (the load's and these) and counts the bad rows.
     */
    Checked checkDirect(DirectLoad load, long base, boolean externalIdsMayRepeat) throws SQLException, java.io.IOException {
        org.postgresql.copy.CopyManager copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
        int steps = load.references().size() + 1;
        int done = 0;
        progress.progress(ImportStep.CHECKING.key(), done, steps);
        for (DirectLoad.Reference reference : load.references()) {
            String table = "ref_" + reference.column;
            update("create temp table " + table + " (n bigint not null, raw text not null, key text, id bigint, made boolean not null)"
                    + " on commit drop");
            copy.copyIn("copy " + table + " from stdin", new java.io.ByteArrayInputStream(reference.metRows()));
            Ref ref = refs().stream().filter(r -> r.field().equals(reference.field)).findFirst().orElseThrow();
            long missing = count("select count(distinct key) from " + table + " where made");
            if (missing > 0) {
                String names = names("select min(raw) from " + table + " where made group by key order by 1 limit 5");
                update("insert into " + ref.table() + " (id, external_id, " + ref.nameColumn() + extraColumns(ref) + ") "
                        + "select distinct on (key) id, raw, raw" + extraValues(ref) + " from " + table + " where made order by key, raw");
                created.add(Reason.Note.of("created." + ref.table() + (missing == 1 ? ".one" : ".many"), String.valueOf(missing),
                        ref.field(), names + (missing > 5 ? ", …" : "")));
            }
            count("select count(*) from (select 1 from " + ref.table() + " where id in (select id from " + table + " where not made)"
                    + " for key share) locked");
            progress.progress(ImportStep.CHECKING.key(), ++done, steps);
        }
        update("create temp table direct_bad (line bigint primary key) on commit drop");
        StringBuilder lines = new StringBuilder();
        for (long line : load.badLines()) {
            lines.append(line).append('\n');
        }
        copy.copyIn("copy direct_bad from stdin", new java.io.ByteArrayInputStream(lines.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        List<RowProblem> listed = new ArrayList<>(load.problems());
        if (externalIdsMayRepeat) {
            String repeats = "select o.id - " + base + " as line, o.external_id, f.first - " + base + " as first_line from opportunity o"
                    + " join (select external_id, min(id) as first from opportunity where external_id is not null group by 1"
                    + " having count(*) > 1) f on f.external_id = o.external_id where o.id <> f.first";
            String label = labels.getOrDefault("externalId", "externalId");
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(repeats + " order by 1 limit " + ImportJob.MAX_LISTED_PROBLEMS)) {
                while (rs.next()) {
                    listed.add(Reason.REPEATED_EXTERNAL_ID.problem(rs.getLong(1), label, rs.getString(2), String.valueOf(rs.getLong(3))));
                }
            }
            update("insert into direct_bad select line from (" + repeats + ") r on conflict do nothing");
        }
        progress.progress(ImportStep.CHECKING.key(), steps, steps);
        return new Checked(listed, count("select count(*) from direct_bad"));
    }

    /**
     * The rest of a direct load: the bad rows taken out again, the new deals' stage history, the
     * sequence set past the file's last line, the indexes built, the references checked again and
     * the triggers back on ({@link #endBulk}).
     */
    Counts writeDirect(long base, long written) throws SQLException {
        long removed = update("delete from opportunity where id in (select " + base + " + line from direct_bad)");
        progress.progress(ImportStep.INSERTING.key(), written - removed, 0);
        // the history's ids taken at once too: line n's opening gets historyBase + n, its closing historyBase + lastLine + n
        // (openings first, as the set-based path writes them), instead of a call of the sequence per row
        String sequence = "pg_get_serial_sequence('stage_change', 'id')";
        long historyBase = count("select nextval(" + sequence + ")");
        count("select setval(" + sequence + ", " + Math.addExact(historyBase, Math.multiplyExact(2, lastLine)) + ")");
        String line = "(id - " + base + ")";
        update(historyOf("opportunity", historyBase + " + " + line, (historyBase + lastLine) + " + " + line));
        count("select setval(pg_get_serial_sequence('opportunity', 'id'), " + Math.addExact(base, lastLine) + ")");
        List<String> tables = bulkLoadTables();
        for (int i = 0; i < tables.size(); i++) {
            progress.progress(ImportStep.INDEXING.key(), i, tables.size());
            count("select bulk_load_end(" + lit(tables.get(i)) + ")");
            progress.progress(ImportStep.INDEXING.key(), i + 1, tables.size());
        }
        endBulk();
        return new Counts(written - removed, 0, 0);
    }

    /** What needs the written records: references to records of the same file, leads that became deals. */
    private void after() throws SQLException {
        if (convertsLeads() || refs().stream().anyMatch(Ref::sameFile)) {
            progress.progress(ImportStep.LINKING.key(), 0, 0);
        }
        for (Ref ref : refs()) {
            if (ref.sameFile()) {
                String table = "ref_" + ref.column();
                match(ref, table);
                String column = switch (ref.column()) {
                    case "parent_account" -> "parent_account_id";
                    case "distributor" -> "distributor_id";
                    default -> "manager_id";
                };
                update("update " + table() + " t set " + column + " = r.id, version = t.version + 1 from import_stage s join " + table
                        + " r on r.raw = s." + ref.column() + " where t.external_id = s.external_id and r.id <> t.id and t."
                        + column + " is distinct from r.id");
            }
        }
        if (entity == ImportEntity.PARTNERS) {
            // the checks kept the two tiers; the schema's trigger was off (startBulk), so make sure before the commit
            long broken = count("select count(*) from partner r left join partner d on d.id = r.distributor_id"
                    + " where (r.distributor and r.distributor_id is not null) or (r.distributor_id is not null and not d.distributor)");
            if (broken > 0) {
                throw new SQLException(broken + " partners would break two-tier distribution (a distributor buying through another,"
                        + " or a partner buying through one that is not a distributor)");
            }
        }
        if (convertsLeads()) {
            // the leads of the new deals, then those of the updated ones; the conversions announced
            // follow their deals' (announce): of updated deals unless the settings announce none, of
            // new ones only when they announce all
            ImportSettings.Announce announce = settings.announce();
            if (announce != ImportSettings.Announce.NONE) {
                update("create temp table import_lead_conversion (lead_id bigint not null) on commit drop");
                conversionsKept = true;
            }
            update("analyze import_converted_lead");
            long ofNewDeals = update(convertLeads("import_converted_lead", announce == ImportSettings.Announce.ALL));
            long ofUpdatedDeals = update(convertLeads("(select o.created_at, o.lead_id from import_stage s join opportunity o"
                    + " on o.external_id = s.external_id where s.target_id is not null)", conversionsKept));
            // the leads of new deals are all leads the file named (an updated deal may keep a lead it does not name)
            leadsConverted = ofUpdatedDeals == 0 ? ofNewDeals : 0;
        }
    }

    /** Whether the deals of this file can name leads (which then become CONVERTED). */
    private boolean convertsLeads() {
        return entity == ImportEntity.OPPORTUNITIES && refs().stream().anyMatch(r -> r.table().equals("lead"));
    }

    /**
     * Leads named by deals become CONVERTED (no longer open), as of the deal's creation. The new deals'
     * leads come from a table of their own with statistics, so that PostgreSQL hashes those (900,000
     * in the benchmark) and reads the 2,000,000 leads once in their order on disk, rewriting page
     * after page: with the leads hashed instead (the deals' count unknown inside one statement) and
     * the deals sorted by lead, the join alone took 2.6 s.
     */
    private static String convertLeads(String deals, boolean kept) {
        String update = "update lead l set status = 'CONVERTED', converted_at = greatest(o.created_at, l.created_at),"
                + " status_changed_at = greatest(o.created_at, l.created_at, l.status_changed_at), disqualified_reason = null,"
                + " version = l.version + 1 from (select lead_id, created_at from " + deals + " d where lead_id is not null) o"
                + " where o.lead_id = l.id and l.status <> 'CONVERTED'";
        return kept ? "with c as (" + update + " returning l.id) insert into import_lead_conversion (lead_id) select id from c" : update;
    }

    /** A lead this import converted: the deal it became, the lead's partner, when. */
    record Conversion(long leadId, long opportunityId, Long partnerId, java.time.Instant at) {
    }

    /** How many deals and leads {@link #announce} handed over (or, {@link #pending}, would). */
    record Announced(long moves, long conversions) {
    }

    /**
     * Hands over what the import announces (as the settings say, see {@link #write} and {@link
     * #after}): in id order the deals whose stage moved into or out of WON or LOST, as they are now,
     * then the leads their deals converted. Read with cursors, with progress: a re-import may close
     * thousands of deals (each announcement writes its event publications and webhook deliveries:
     * 10,000 deals took 3.6 s).
     */
    Announced announce(java.util.function.Consumer<StageMoveAnnouncer.Move> moves, java.util.function.Consumer<Conversion> conversions)
            throws SQLException {
        Announced pending = pending();
        long total = pending.moves() + pending.conversions();
        if (total == 0) {
            return pending;
        }
        long[] done = {0};
        progress.progress(ImportStep.ANNOUNCING.key(), 0, total);
        long moved = !movesKept ? 0 : each("select m.opportunity_id, o.partner_id, m.from_stage, o.stage, o.amount, trim(o.currency),"
                + " o.closed_at, o.lost_reason, o.competitor from import_stage_move m join opportunity o on o.id = m.opportunity_id"
                + " order by m.opportunity_id", rs -> {
                    java.sql.Timestamp closed = rs.getTimestamp(7);
                    moves.accept(new StageMoveAnnouncer.Move(rs.getLong(1), rs.getObject(2, Long.class), Stage.valueOf(rs.getString(3)),
                            Stage.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6),
                            closed == null ? null : closed.toInstant(), rs.getString(8), rs.getString(9)));
                }, done, total);
        long converted = !conversionsKept ? 0 : each("select l.id, o.id, l.partner_id, l.converted_at from import_lead_conversion c"
                + " join lead l on l.id = c.lead_id join opportunity o on o.lead_id = l.id order by l.id",
                rs -> conversions.accept(new Conversion(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getTimestamp(4).toInstant())), done, total);
        progress.progress(ImportStep.ANNOUNCING.key(), total, total);
        return new Announced(moved, converted);
    }

    /** How many deals and leads {@link #announce} would hand over (what a dry run reports). */
    Announced pending() throws SQLException {
        return new Announced(movesKept ? count("select count(*) from import_stage_move") : 0,
                conversionsKept ? count("select count(*) from import_lead_conversion") : 0);
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** Each row of {@code sql}, read 1,000 at a time; the progress every 1,000 rows. */
    private long each(String sql, RowHandler handler, long[] done, long total) throws SQLException {
        long n = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1_000);
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    handler.handle(rs);
                    n++;
                    if (++done[0] % 1_000 == 0) {
                        progress.progress(ImportStep.ANNOUNCING.key(), done[0], total);
                    }
                }
            }
        }
        return n;
    }

    /** One audit log entry for the whole import, with its counts. */
    void audit(Long runId, long rows, Counts counts, long rejected) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into audit_log (actor, action, entity_type, entity_id, after)"
                + " values (" + actor + ", 'import', ?, ?, ?::jsonb)")) {
            statement.setString(1, entity.path());
            statement.setString(2, runId == null ? null : runId.toString());
            statement.setString(3, "{\"rows\": " + rows + ", \"inserted\": " + counts.inserted() + ", \"updated\": " + counts.updated()
                    + ", \"unchanged\": " + counts.unchanged() + ", \"rejected\": " + rejected + "}");
            statement.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------------

    private long update(String sql) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return statement.getUpdateCount();
        } finally {
            slow(sql, started);
        }
    }

    private long count(String sql) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } finally {
            slow(sql, started);
        }
    }

    private static void slow(String sql, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > 500) {
            log.info("Import statement took {} ms: {}", millis, sql.length() > 160 ? sql.substring(0, 160) + "…" : sql);
        }
    }

    private String names(String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return String.join(", ", names);
    }

    static String lit(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
