package io.partnerpulse.imports.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read as a stream of rows with their line numbers: UTF-8 with or without a byte order
 * mark, CRLF or LF, comma, semicolon or tab (guessed from the header line when not given), quoted
 * fields holding separators, quotes and line breaks. Blank lines are skipped.
 */
public final class CsvSource implements AutoCloseable {

    /** A row of the file: the line it starts on (the header is line 1) and its cells. */
    public record Row(long line, List<String> cells) {
    }

    private final CSVParser parser;
    private final List<String> header;
    private final char delimiter;
    private final Iterator<CSVRecord> records;
    private long lastLine;

    private CsvSource(CSVParser parser, char delimiter) {
        this.parser = parser;
        this.delimiter = delimiter;
        this.records = parser.iterator();
        if (!records.hasNext()) {
            throw new FileProblem("file", "file.empty");
        }
        CSVRecord first = records.next();
        this.header = first.stream().map(String::trim).toList();
        this.lastLine = parser.getCurrentLineNumber();
        if (header.stream().allMatch(String::isEmpty)) {
            throw new FileProblem("file", "file.noHeader");
        }
    }

    /** Opens the stream; {@code delimiter} may be empty to guess it. */
    public static CsvSource open(InputStream in, String delimiter) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        reader.mark(1 << 16);
        char[] start = new char[1 << 16];
        int n = reader.read(start);
        reader.reset();
        if (n > 0 && start[0] == '\uFEFF') {
            reader.skip(1);
        }
        char chosen = chooseDelimiter(delimiter, n > 0 ? new String(start, 0, n) : "");
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(chosen).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).get();
        return new CsvSource(CSVParser.builder().setReader(reader).setFormat(format).get(), chosen);
    }

    static char chooseDelimiter(String asked, String start) {
        if (asked != null && !asked.isEmpty()) {
            String d = asked.equalsIgnoreCase("tab") || asked.equals("\\t") ? "\t" : asked;
            if (d.length() != 1 || ",;\t|".indexOf(d.charAt(0)) < 0) {
                throw new FileProblem("delimiter", "file.delimiter", asked);
            }
            return d.charAt(0);
        }
        int[] counts = new int[4];
        String candidates = ",;\t|";
        boolean quoted = false;
        for (int i = 0; i < start.length(); i++) {
            char c = start.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && candidates.indexOf(c) >= 0) {
                counts[candidates.indexOf(c)]++;
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return candidates.charAt(best);
    }

    public List<String> header() {
        return header;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The rows after the header, read as they are asked for. */
    public Iterator<Row> rows() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException e) {
                    throw readFailure(e);
                }
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord record;
                try {
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw readFailure(e);
                }
                int size = record.size();
                List<String> cells = new ArrayList<>(size);
                long breaks = 0;
                // by index: iterating a record copies its values into a new list through a stream first
                for (int i = 0; i < size; i++) {
                    String cell = record.get(i);
                    cells.add(cell);
                    breaks += lineBreaks(cell);
                }
                // The parser counts the line breaks it has read, including the one that ends this record
                // (unless the file ends without one) but not blank lines it skipped before it.
                long end = parser.getCurrentLineNumber();
                long line = end - breaks;
                if (line <= lastLine) {
                    line = lastLine + 1;
                }
                lastLine = Math.max(end, line + breaks);
                return new Row(line, cells);
            }
        };
    }

    private static int lineBreaks(String cell) {
        // most cells have none: two vectorized searches instead of a loop over every character of
        // every cell (that loop was a third of the reading thread's samples)
        if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    private FileProblem readFailure(UncheckedIOException e) {
        if (e.getCause() instanceof CharacterCodingException) {
            return new FileProblem("file", "file.notUtf8Line", String.valueOf(lastLine + 1));
        }
        return new FileProblem("file", "file.unreadableAfter", String.valueOf(lastLine), String.valueOf(e.getCause().getMessage()));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
