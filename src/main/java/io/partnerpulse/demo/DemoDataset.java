package io.partnerpulse.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * A generated data set: one CSV file per table, in the order they can be loaded (referenced tables
 * first).
 */
public record DemoDataset(Path dir, List<CsvTable.Written> tables) {

    public long rows(String table) {
        return tables.stream().filter(t -> t.table().equals(table)).mapToLong(CsvTable.Written::rows).sum();
    }

    /** A table's CSV file (PostgreSQL COPY format, no header) and its columns. */
    public record TableFile(String table, List<String> columns, Path file, long rows) {
    }

    /** The tables' files in load order, for tools that load them their own way (the benchmark imports some). */
    public List<TableFile> files() {
        return tables.stream().map(t -> new TableFile(t.table(), t.columns(), t.file(), t.rows())).toList();
    }

    long bytes() {
        return tables.stream().mapToLong(t -> t.file().toFile().length()).sum();
    }
}
