package io.partnerpulse.imports;

import java.util.List;

/**
 * What an import did. {@code status} is IMPORTED (committed; in skip mode without the rejected
 * rows), REJECTED (bad rows in all-or-nothing mode: nothing written) or FAILED (nothing written).
 * CHECKED is a dry run: everything was done and then rolled back, so the counts say what an import
 * would do. {@code problems} lists rejected rows with the line of the file, the column and the reason (the
 * first 1,000; {@code rejected} counts them all); {@code warnings} what was accepted with a remark.
 */
public record ImportReport(Long runId, String entity, String mode, String status, long rowsRead, long inserted,
                           long updated, long unchanged, long rejected, List<RowProblem> problems,
                           List<String> warnings, List<String> created, long millis, List<Remark> remarks,
                           List<Remark> createdRemarks) {

    /**
     * {@code warnings} and {@code created} by their messages, in the same order, for other languages:
     * the message {@code imports.<code>} with {@code args}; {@code rows} is how many rows it was said
     * of (0: the whole file) and {@code firstLine} the first of them.
     */
    public record Remark(String code, List<String> args, long rows, long firstLine) {

        /** Its text from {@code messages} (a message's key and arguments to its text): with its line, or how many rows. */
        public String text(java.util.function.BiFunction<String, Object[], String> messages) {
            String text = messages.apply("imports." + code, args.toArray());
            return rows == 0 ? text
                    : rows == 1 ? messages.apply("imports.remark.line", new Object[] {String.valueOf(firstLine), text})
                    : messages.apply("imports.remark.rows", new Object[] {text, String.valueOf(rows), String.valueOf(firstLine)});
        }
    }

    /**
     * A row that was not imported: its line in the file (the header is line 1), column, value and why
     * ({@code reason}, in English; {@code code} and {@code args} name the same reason for other
     * languages: the message {@code imports.reason.<code>} with those arguments).
     */
    public record RowProblem(long line, String column, String value, String reason, String code, List<String> args) {

        public RowProblem(long line, String column, String value, String reason) {
            this(line, column, value, reason, null, List.of());
        }
    }

    public boolean imported() {
        return "IMPORTED".equals(status);
    }
}
