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

    long bytes() {
        return tables.stream().mapToLong(t -> t.file().toFile().length()).sum();
    }
}
