package io.partnerpulse.export;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.partnerpulse.shared.Page;

/**
 * Turns what an API endpoint answers into tables: a {@link Page}'s items, or each list of records
 * a report holds (a KPI report's groups, the channel table's channels and channel types). A row's
 * columns are its record components, nested records flattened into dotted names
 * ({@code kpis.averageDealSize.value}), decided by the record's type so that every row has the same
 * columns even where values are missing; rows that are maps (a pivot's) have the first row's keys.
 */
final class Tables {

    record Column(String name, Function<Object, Object> value) {
    }

    record Table(String name, List<Column> columns, List<?> rows) {
    }

    private Tables() {
    }

    static boolean supports(Class<?> type) {
        return Page.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
                || type.isRecord() && !listsOfRecords(type).isEmpty();
    }

    static List<Table> of(Object body, String name) {
        if (body instanceof Page<?> page) {
            return List.of(table(name, page.items()));
        }
        if (body instanceof Collection<?> rows) {
            return List.of(table(name, List.copyOf(rows)));
        }
        List<Table> tables = new ArrayList<>();
        for (RecordComponent component : listsOfRecords(body.getClass())) {
            List<?> rows = (List<?>) read(component, body);
            tables.add(new Table(component.getName(), columns("", elementType(component.getGenericType())), rows == null ? List.of() : rows));
        }
        return tables;
    }

    /**
     * The tables of a report as one CSV file: tables of the same columns (the channel table's
     * channels, channel types and campaigns) one after the other, each row led by its table's name in
     * a column {@code table}; otherwise the first table (an XLSX has them all, a sheet each).
     */
    static Table oneFile(List<Table> tables) {
        List<String> names = tables.get(0).columns().stream().map(Column::name).toList();
        if (tables.size() == 1 || !tables.stream().allMatch(t -> t.columns().stream().map(Column::name).toList().equals(names))) {
            return tables.get(0);
        }
        record Tagged(String table, Object row) {
        }
        List<Tagged> rows = new ArrayList<>();
        tables.forEach(t -> t.rows().forEach(row -> rows.add(new Tagged(t.name(), row))));
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("table", row -> ((Tagged) row).table()));
        tables.get(0).columns().forEach(c -> columns.add(new Column(c.name(), row -> c.value().apply(((Tagged) row).row()))));
        return new Table(tables.get(0).name(), columns, rows);
    }

    private static Table table(String name, List<?> rows) {
        if (!rows.isEmpty() && rows.get(0) instanceof Map<?, ?> first) {
            // rows of named cells whose names are only known when asked (a pivot's months): the first row's, in its order
            List<Column> columns = new ArrayList<>();
            for (Object key : first.keySet()) {
                columns.add(new Column(String.valueOf(key), row -> ((Map<?, ?>) row).get(key)));
            }
            return new Table(name, columns, rows);
        }
        if (rows.isEmpty() || !rows.get(0).getClass().isRecord()) {
            return new Table(name, List.of(new Column("value", row -> row)), rows);
        }
        return new Table(name, columns("", rows.get(0).getClass()), rows);
    }

    private static List<RecordComponent> listsOfRecords(Class<?> type) {
        List<RecordComponent> lists = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (List.class.isAssignableFrom(component.getType()) && elementType(component.getGenericType()) instanceof Class<?> element
                    && element.isRecord()) {
                lists.add(component);
            }
        }
        return lists;
    }

    private static Type elementType(Type type) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0] : Object.class;
    }

    private static List<Column> columns(String prefix, Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : Object.class;
        List<Column> columns = new ArrayList<>();
        if (!raw.isRecord()) {
            return columns;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            String name = prefix + component.getName();
            Type componentType = component.getGenericType();
            Class<?> componentClass = component.getType();
            boolean optional = componentClass == Optional.class;
            if (optional) {
                componentType = elementType(componentType);
                componentClass = componentType instanceof Class<?> c ? c : Object.class;
            }
            Function<Object, Object> read = row -> {
                Object value = row == null ? null : read(component, row);
                return value instanceof Optional<?> o ? o.orElse(null) : value;
            };
            if (componentClass.isRecord()) {
                for (Column nested : columns(name + ".", componentClass)) {
                    columns.add(new Column(nested.name(), row -> nested.value().apply(read.apply(row))));
                }
            } else if (Collection.class.isAssignableFrom(componentClass)) {
                Type element = elementType(componentType);
                if (!(element instanceof Class<?> c && c.isRecord())) {
                    columns.add(new Column(name, row -> read.apply(row) instanceof Collection<?> values
                            ? String.join("; ", values.stream().map(String::valueOf).toList()) : null));
                }
            } else if (!Map.class.isAssignableFrom(componentClass)) {
                columns.add(new Column(name, read));
            }
        }
        return columns;
    }

    private static Object read(RecordComponent component, Object row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cell text of a value in a CSV file. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant || value instanceof LocalDate || value instanceof Temporal) {
            return value.toString();
        }
        return String.valueOf(value);
    }
}
