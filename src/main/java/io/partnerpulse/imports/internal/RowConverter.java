package io.partnerpulse.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.imports.ImportEntity;
import io.partnerpulse.imports.ImportField;
import io.partnerpulse.imports.ImportReport.RowProblem;
import io.partnerpulse.imports.ImportSettings;

/**
 * Turns the cells of one CSV row into the normalized values of an entity's fields: value maps
 * applied, numbers and dates read in the file's dialect, choices and countries resolved, and the
 * checks that need only the row itself. References stay as text: they are resolved in SQL.
 */
public final class RowConverter {


    /** The converted row, or the reasons it is rejected. */
    public record Result(String[] values, List<RowProblem> problems, List<Reason.Note> notes) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The row's remarks in English. */
        public List<String> englishNotes() {
            return notes.stream().map(Reason.Note::english).toList();
        }
    }

    private static final Map<String, String> STAGE_WORDS = Map.ofEntries(
            Map.entry("prospecting", "PROSPECTING"), Map.entry("prospect", "PROSPECTING"), Map.entry("new", "PROSPECTING"),
            Map.entry("engaging", "QUALIFICATION"), Map.entry("qualification", "QUALIFICATION"), Map.entry("qualified", "QUALIFICATION"),
            Map.entry("discovery", "QUALIFICATION"), Map.entry("proposal", "PROPOSAL"), Map.entry("proposalpricequote", "PROPOSAL"),
            Map.entry("quote", "PROPOSAL"), Map.entry("negotiation", "NEGOTIATION"), Map.entry("negotiationreview", "NEGOTIATION"),
            Map.entry("commit", "NEGOTIATION"), Map.entry("won", "WON"), Map.entry("closedwon", "WON"),
            Map.entry("lost", "LOST"), Map.entry("closedlost", "LOST"),
            // the default pipelines of Salesforce and HubSpot, as their exports name the stages
            Map.entry("needsanalysis", "QUALIFICATION"), Map.entry("iddecisionmakers", "QUALIFICATION"),
            Map.entry("valueproposition", "PROPOSAL"), Map.entry("perceptionanalysis", "PROPOSAL"),
            Map.entry("appointmentscheduled", "PROSPECTING"), Map.entry("qualifiedtobuy", "QUALIFICATION"),
            Map.entry("presentationscheduled", "PROPOSAL"), Map.entry("decisionmakerboughtin", "NEGOTIATION"),
            Map.entry("contractsent", "NEGOTIATION"));
    private static final Map<String, String> COUNTRY_ALIASES = Map.ofEntries(
            Map.entry("usa", "US"), Map.entry("unitedstatesofamerica", "US"), Map.entry("us", "US"), Map.entry("america", "US"),
            Map.entry("uk", "GB"), Map.entry("greatbritain", "GB"), Map.entry("england", "GB"), Map.entry("scotland", "GB"),
            Map.entry("wales", "GB"), Map.entry("uae", "AE"), Map.entry("korea", "KR"), Map.entry("republicofkorea", "KR"),
            Map.entry("holland", "NL"), Map.entry("thenetherlands", "NL"), Map.entry("czechrepublic", "CZ"),
            Map.entry("turkiye", "TR"), Map.entry("brasil", "BR"), Map.entry("deutschland", "DE"), Map.entry("espana", "ES"));

    private final ImportEntity entity;
    private final ImportSettings settings;
    private final List<ImportField> fields;
    private final int[] columnOf;
    private final String[] constantOf;
    private final List<String> header;
    private final Map<String, String> countries;
    private final ZoneId zone;
    private final String currency;
    /** By field index: the mapping's values (folded when variants are folded) → ours; empty when none. */
    private final List<Map<String, String>> foldedValueMaps = new ArrayList<>();
    private final Map<String, Integer> fieldIndex = new HashMap<>();
    private final Map<String, Instant> instants = new HashMap<>();

    /**
     * @param countries every known country: code and folded English name → code
     */
    public RowConverter(ImportEntity entity, ImportSettings settings, List<String> header, Map<String, String> countries,
                        ZoneId zone, String currency) {
        this.entity = entity;
        this.settings = settings;
        this.fields = entity.fields();
        this.header = header;
        this.countries = countries;
        this.zone = zone;
        this.currency = settings.currency() != null ? settings.currency() : currency;
        this.columnOf = new int[fields.size()];
        this.constantOf = new String[fields.size()];
        if (!ImportSettings.DATE_FORMATS.contains(settings.dateFormat())) {
            throw new FileProblem("dateFormat", "mapping.dateFormat", String.valueOf(ImportSettings.DATE_FORMATS), String.valueOf(settings.dateFormat()));
        }
        if (!this.currency.matches("[A-Z]{3}")) {
            throw new FileProblem("currency", "mapping.currency", String.valueOf(settings.currency()));
        }
        for (String name : settings.columns().keySet()) {
            requireField(name, "columns");
        }
        for (String name : settings.constants().keySet()) {
            requireField(name, "constants");
        }
        for (String name : settings.values().keySet()) {
            requireField(name, "values");
        }
        for (int i = 0; i < fields.size(); i++) {
            ImportField field = fields.get(i);
            fieldIndex.put(field.name(), i);
            String column = settings.columns().get(field.name());
            columnOf[i] = column == null || column.isBlank() ? -1 : indexOf(column, field);
            String constant = settings.constants().get(field.name());
            constantOf[i] = constant == null || constant.isBlank() ? null : constant.trim();
            boolean keyByName = field.name().equals("externalId") && entity.nameField().isPresent();
            if (field.required() && columnOf[i] < 0 && constantOf[i] == null && !keyByName) {
                // the page shows the field's description beside it; the API's text names it
                throw FileProblem.withText(field.name(), FileProblem.english("mapping.requiredNamed", field.description()),
                        "mapping.required");
            }
            Map<String, String> valueMap = settings.values().getOrDefault(field.name(), Map.of());
            Map<String, String> folded = new LinkedHashMap<>();
            valueMap.forEach((from, to) -> folded.put(settings.foldVariants() ? Values.fold(from) : from, to == null ? "" : to));
            foldedValueMaps.add(folded);
        }
    }

    private void requireField(String name, String where) {
        if (entity.field(name).isEmpty()) {
            throw new FileProblem(name, "mapping.noField", where, entity.path(), name,
                    String.valueOf(entity.fields().stream().map(ImportField::name).toList()));
        }
    }

    private int indexOf(String column, ImportField field) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).equals(column.trim())) {
                return c;
            }
        }
        for (int c = 0; c < header.size(); c++) {
            if (Values.fold(header.get(c)).equals(Values.fold(column))) {
                return c;
            }
        }
        throw new FileProblem(field.name(), "mapping.noColumn", column, String.valueOf(header));
    }

    /** The mapping a person would most likely choose for this header: field → column. */
    public static Map<String, String> guess(ImportEntity entity, List<String> header) {
        Map<String, String> mapping = new LinkedHashMap<>();
        List<String> free = new ArrayList<>(header);
        for (ImportField field : entity.fields()) {
            List<String> candidates = new ArrayList<>(field.guesses());
            candidates.add(0, Values.fold(field.name()));
            for (String candidate : candidates) {
                String match = free.stream().filter(h -> Values.fold(h).equals(candidate)).findFirst().orElse(null);
                if (match != null) {
                    mapping.put(field.name(), match);
                    free.remove(match);
                    break;
                }
            }
        }
        return mapping;
    }

    public List<ImportField> fields() {
        return fields;
    }

    public String currency() {
        return currency;
    }

    /** Converts one row; {@code values[i]} belongs to {@code fields().get(i)}, null when unknown. */
    public Result convert(CsvSource.Row row) {
        String[] values = new String[fields.size()];
        List<RowProblem> problems = new ArrayList<>(0);
        List<Reason.Note> notes = new ArrayList<>(0);
        List<String> cells = row.cells();
        if (cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream().anyMatch(c -> !c.isBlank())) {
            problems.add(Reason.ROW_CELLS.problem(row.line(), null, null, String.valueOf(cells.size()), String.valueOf(header.size())));
            return new Result(values, problems, notes);
        }
        for (int i = 0; i < fields.size(); i++) {
            ImportField field = fields.get(i);
            String column = columnOf[i] >= 0 ? header.get(columnOf[i]) : null;
            String raw = columnOf[i] >= 0 ? (columnOf[i] < cells.size() ? cells.get(columnOf[i]) : "") : constantOf[i];
            String cell = raw == null ? "" : raw.strip();
            if (columnOf[i] >= 0 && cell.isEmpty() && constantOf[i] != null) {
                cell = constantOf[i];
            }
            Map<String, String> valueMap = foldedValueMaps.get(i);
            if (!cell.isEmpty() && !valueMap.isEmpty()) {
                String mapped = valueMap.get(settings.foldVariants() ? Values.fold(cell) : cell);
                if (mapped != null) {
                    cell = mapped.strip();
                }
            }
            if (cell.isEmpty()) {
                continue;
            }
            if (cell.indexOf('\0') >= 0) {
                problems.add(Reason.VALUE_NUL.problem(row.line(), column == null ? field.name() : column, null));
                continue;
            }
            try {
                values[i] = cached(i, field, cell);
            } catch (Values.BadValue e) {
                problems.add(e.problem(row.line(), column == null ? field.name() : column, raw, cell));
            } catch (UnknownCountry e) {
                if (field.required()) {
                    problems.add(Reason.VALUE_COUNTRY.problem(row.line(), column, raw, cell));
                } else {
                    notes.add(Reason.Note.of("remark.countryUnknown", cell));
                }
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).required() && values[i] == null) {
                boolean alreadyBad = false;
                for (RowProblem p : problems) {
                    if (p.column() != null && columnOf[i] >= 0 && p.column().equals(header.get(columnOf[i]))) {
                        alreadyBad = true;
                    }
                }
                if (!alreadyBad) {
                    problems.add(Reason.VALUE_REQUIRED.problem(row.line(), columnOf[i] >= 0 ? header.get(columnOf[i]) : fields.get(i).name(),
                            "", fields.get(i).name()));
                }
            }
        }
        if (problems.isEmpty()) {
            checkRow(row.line(), values, problems, notes);
        }
        return new Result(values, problems, notes);
    }

    private static final class UnknownCountry extends Exception {
        UnknownCountry() {
            super(null, null, false, false);
        }
    }

    /** Dates, choices and countries repeat a lot in a file: each distinct cell is worked out once. */
    @SuppressWarnings("unchecked")
    private final Map<String, String>[] cache = new Map[64];

    private String cached(int i, ImportField field, String cell) throws Values.BadValue, UnknownCountry {
        if (field.type() != ImportField.Type.DATE && field.type() != ImportField.Type.CHOICE && field.type() != ImportField.Type.COUNTRY) {
            return normalize(field, cell);
        }
        Map<String, String> known = cache[i];
        if (known == null) {
            known = cache[i] = new HashMap<>();
        }
        String value = known.get(cell);
        if (value == null) {
            value = normalize(field, cell);
            if (known.size() < 20_000) {
                known.put(cell, value);
            }
        }
        return value;
    }

    private String normalize(ImportField field, String cell) throws Values.BadValue, UnknownCountry {
        return switch (field.type()) {
            case TEXT -> {
                if (cell.length() > 1000) {
                    throw new Values.BadValue(Reason.VALUE_TOO_LONG, "1,000");
                }
                yield cell;
            }
            case REFERENCE -> {
                if (cell.length() > 300) {
                    throw new Values.BadValue(Reason.VALUE_TOO_LONG, "300");
                }
                yield cell;
            }
            case DECIMAL -> Values.decimal(cell, settings.decimalComma()).toPlainString();
            case INTEGER -> Long.toString(Values.integer(cell, settings.decimalComma()));
            case DATE -> {
                Values.When when = Values.when(cell, settings.dateFormat());
                if (isDay(field)) {
                    yield when.local().toLocalDate().toString();
                }
                OffsetDateTime at = when.at(zone);
                String converted = at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                // its instant, for instant(): known here, so that it is never parsed back from the text
                if (instants.size() < 20_000) {
                    instants.put(converted, at.toInstant());
                }
                yield converted;
            }
            case CHOICE -> choice(field, cell);
            case COUNTRY -> {
                String code = countries.get(cell.length() == 2 ? cell.toUpperCase(Locale.ROOT) : Values.fold(cell));
                if (code == null) {
                    code = COUNTRY_ALIASES.get(Values.fold(cell));
                }
                if (code == null) {
                    throw new UnknownCountry();
                }
                yield code;
            }
        };
    }

    /**
     * The staging table's type for a field: what this converter writes for it, in the form the
     * database reads it in. Dates and numbers are typed there, so that {@code COPY} reads them once
     * while the file is being converted (its backend is mostly idle then) instead of the write
     * reading the text again for each expression that uses them (a million deals: about 1 s less).
     */
    static String stagedType(ImportField field) {
        return switch (field.type()) {
            case DATE -> isDay(field) ? "date" : "timestamptz";
            case DECIMAL -> "numeric";
            case INTEGER -> "bigint";
            case TEXT, CHOICE, COUNTRY, REFERENCE -> "text";
        };
    }

    private static boolean isDay(ImportField field) {
        return switch (field.name()) {
            case "joinedOn", "hireDate", "startsOn", "endsOn" -> true;
            default -> false;
        };
    }

    private String choice(ImportField field, String cell) throws Values.BadValue {
        String folded = Values.fold(cell);
        for (String choice : field.choices()) {
            if (Values.fold(choice).equals(folded)) {
                return choice;
            }
        }
        if (field.name().equals("stage") && STAGE_WORDS.containsKey(folded)) {
            return STAGE_WORDS.get(folded);
        }
        throw new Values.BadValue(Reason.VALUE_CHOICE, String.valueOf(field.choices()));
    }

    private int index(String field) {
        Integer i = fieldIndex.get(field);
        if (i == null) {
            throw new IllegalArgumentException(field);
        }
        return i;
    }

    private String value(String[] values, String field) {
        return values[index(field)];
    }

    private void set(String[] values, String field, String value) {
        values[index(field)] = value;
    }

    /**
     * The instant of a converted date ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}); the
     * distinct dates of a file are few, and parsing one per row was a sixth of the converting.
     */
    Instant instant(String converted) {
        Instant known = instants.get(converted);
        if (known == null) {
            known = OffsetDateTime.parse(converted).toInstant();
            if (instants.size() < 20_000) {
                instants.put(converted, known);
            }
        }
        return known;
    }

    private String columnName(String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return columnOf[i] >= 0 ? header.get(columnOf[i]) : field;
            }
        }
        return field;
    }

    private void reject(List<RowProblem> problems, long line, String field, String value, Reason reason, String... args) {
        problems.add(reason.problem(line, columnName(field), value, args));
    }

    /** The checks that involve several fields of the row, and defaults that depend on them. */
    private void checkRow(long line, String[] values, List<RowProblem> problems, List<Reason.Note> notes) {
        entity.nameField().ifPresent(name -> {
            if (value(values, "externalId") == null) {
                set(values, "externalId", value(values, name));
            }
        });
        switch (entity) {
            case PARTNERS -> {
                String rate = value(values, "commissionRate");
                if (rate != null && (new BigDecimal(rate).signum() < 0 || new BigDecimal(rate).compareTo(BigDecimal.ONE) > 0)) {
                    reject(problems, line, "commissionRate", rate, Reason.COMMISSION_RATE);
                }
            }
            case ACCOUNTS -> {
                nonNegative(values, "annualRevenue", line, problems);
                nonNegative(values, "employees", line, problems);
                String year = value(values, "yearEstablished");
                if (year != null && (Long.parseLong(year) < 1000 || Long.parseLong(year) > LocalDate.now().getYear())) {
                    reject(problems, line, "yearEstablished", year, Reason.YEAR_ESTABLISHED);
                }
            }
            case CAMPAIGNS -> {
                nonNegative(values, "cost", line, problems);
                currency(values, line, problems);
                String starts = value(values, "startsOn");
                String ends = value(values, "endsOn");
                if (starts != null && ends != null && ends.compareTo(starts) < 0) {
                    reject(problems, line, "endsOn", ends, Reason.CAMPAIGN_ENDS_BEFORE_START, starts);
                }
            }
            case LEADS -> {
                String email = value(values, "email");
                if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
                    reject(problems, line, "email", email, Reason.EMAIL);
                }
                if (!"DISQUALIFIED".equals(value(values, "status")) && value(values, "disqualifiedReason") != null) {
                    set(values, "disqualifiedReason", null);
                }
            }
            case OPPORTUNITIES -> {
                nonNegative(values, "amount", line, problems);
                currency(values, line, problems);
                String stage = value(values, "stage");
                boolean closed = "WON".equals(stage) || "LOST".equals(stage);
                String closedAt = value(values, "closedAt");
                if (closed && closedAt == null) {
                    reject(problems, line, "closedAt", "", stage.equals("WON") ? Reason.WON_NEEDS_CLOSE_DAY : Reason.LOST_NEEDS_CLOSE_DAY);
                }
                String createdAt = value(values, "createdAt");
                if (closed && closedAt != null && createdAt != null && instant(closedAt).isBefore(instant(createdAt))) {
                    reject(problems, line, "closedAt", closedAt, Reason.CLOSES_BEFORE_OPENED, createdAt.substring(0, 10));
                }
                if (!closed) {
                    set(values, "lostReason", null);
                    set(values, "competitor", null);
                }
                if ("LOST".equals(stage) || !closed) {
                    if (value(values, "amount") == null) {
                        set(values, "amount", "0");
                    }
                } else if (value(values, "amount") == null) {
                    set(values, "amount", "0");
                    notes.add(Reason.Note.of("remark.wonWithoutAmount"));
                }
            }
            default -> {
            }
        }
    }

    private void nonNegative(String[] values, String field, long line, List<RowProblem> problems) {
        String v = value(values, field);
        // a converted number is plain (BigDecimal#toPlainString, which never writes "-0"): negative when it starts with a minus
        if (v != null && v.startsWith("-")) {
            reject(problems, line, field, v, Reason.NEGATIVE);
        }
    }

    /** Three letters A–Z (a loop: {@code String.matches} compiled its pattern again for every row). */
    private static boolean isCurrencyCode(String c) {
        return c.length() == 3 && c.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z');
    }

    private void currency(String[] values, long line, List<RowProblem> problems) {
        String c = value(values, "currency");
        if (c == null) {
            set(values, "currency", currency);
        } else if (!isCurrencyCode(c.toUpperCase(Locale.ROOT))) {
            reject(problems, line, "currency", c, Reason.CURRENCY);
        } else {
            set(values, "currency", c.toUpperCase(Locale.ROOT));
        }
    }
}
