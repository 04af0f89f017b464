package io.partnerpulse.demo;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One table's rows as a PostgreSQL CSV file, written with Apache Commons CSV in the format
 * {@code COPY ... (FORMAT csv)} reads: nulls unquoted and empty, every other value quoted.
 */
final class CsvTable implements Closeable {

    /** A written table: what {@link DemoDataLoader} needs to COPY it. */
    record Written(String table, List<String> columns, Path file, long rows) {
    }

    private final String table;
    private final List<String> columns;
    private final Path file;
    private final CSVPrinter printer;
    private long rows;

    CsvTable(Path dir, String table, String... columns) throws IOException {
        this.table = table;
        this.columns = List.of(columns);
        this.file = dir.resolve(table + ".csv");
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(writer, CSVFormat.POSTGRESQL_CSV);
    }

    void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + " has " + columns.size() + " columns, got " + values.length + " values");
        }
        try {
            for (Object value : values) {
                printer.print(value instanceof BigDecimal decimal ? decimal.toPlainString() : value);
            }
            printer.println();
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long rows() {
        return rows;
    }

    Written written() {
        return new Written(table, columns, file, rows);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
