package io.partnerpulse.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows ticked in a list page's boxes, each written by the page as "id:version" (the version the
 * page showed, which the change must send back).
 */
public final class TickedRows {

    private TickedRows() {
    }

    /** One ticked row; {@code version} is -1 when the box did not carry one. */
    public record Row(long id, long version) {
    }

    /** The ticked rows, each id once (its first box), in the page's order; a value the page did not write names no row. */
    public static List<Row> parse(List<String> picked) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        for (String one : picked == null ? List.<String>of() : picked) {
            String[] parts = one.split(":", -1);
            try {
                long id = Long.parseLong(parts[0].strip());
                rows.putIfAbsent(id, new Row(id, parts.length > 1 ? Long.parseLong(parts[1].strip()) : -1));
            } catch (NumberFormatException e) {
                // not a box the page wrote
            }
        }
        return new ArrayList<>(rows.values());
    }
}
