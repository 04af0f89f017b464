package io.partnerpulse.imports.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows in the binary format of PostgreSQL's {@code COPY … FROM STDIN (FORMAT binary)} ("COPY" in
 * its manual, "Binary Format"; each type as its {@code *_recv} function reads it): a tuple is its
 * field count and then each field's length ({@code -1} for null) and bytes, big-endian. The server
 * then parses no text: the direct load's deals cost its backend about a third less than text.
 * One buffer per converting thread; {@link #take} hands over what was written and starts again.
 */
final class BinaryCopy {

    /** The file header: signature, flags, header extension length. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** The file trailer: a field count of -1. */
    static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

    /** Microseconds and days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01. */
    private static final long EPOCH_SECONDS = 946_684_800L;
    private static final long EPOCH_DAYS = 10_957L;

    private byte[] bytes = new byte[1 << 16];
    private int size;

    /** Starts a tuple of {@code fields} fields. */
    void tuple(int fields) {
        ensure(2);
        bytes[size++] = (byte) (fields >>> 8);
        bytes[size++] = (byte) fields;
    }

    void nul() {
        putInt(-1);
    }

    void int8(long value) {
        putInt(8);
        putLong(value);
    }

    void int8(Long value) {
        if (value == null) {
            nul();
        } else {
            int8(value.longValue());
        }
    }

    /** Text in UTF-8, encoded here (a name with a "·" went through the charset encoder for every deal). */
    void text(String value) {
        if (value == null) {
            nul();
            return;
        }
        int length = value.length();
        ensure(4 + 3 * length);
        int start = size;
        size += 4;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xc0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3f);
            } else if (!Character.isSurrogate(c)) {
                bytes[size++] = (byte) (0xe0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3f);
                bytes[size++] = (byte) (0x80 | c & 0x3f);
            } else {
                // a pair beyond the basic plane: the charset encoder writes it
                size = start;
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                putInt(utf8.length);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, bytes, size, utf8.length);
                size += utf8.length;
                return;
            }
        }
        int written = size - start - 4;
        bytes[start] = (byte) (written >>> 24);
        bytes[start + 1] = (byte) (written >>> 16);
        bytes[start + 2] = (byte) (written >>> 8);
        bytes[start + 3] = (byte) written;
    }

    /** A {@code timestamptz}: microseconds since 2000-01-01 00:00 UTC. */
    void timestamp(Instant value) {
        if (value == null) {
            nul();
            return;
        }
        int8(Math.addExact(Math.multiplyExact(value.getEpochSecond() - EPOCH_SECONDS, 1_000_000L), value.getNano() / 1_000));
    }

    /** A {@code date}: days since 2000-01-01. */
    void date(LocalDate value) {
        if (value == null) {
            nul();
            return;
        }
        putInt(4);
        putInt(Math.toIntExact(value.toEpochDay() - EPOCH_DAYS));
    }

    /**
     * A {@code numeric} from its plain decimal text ({@link BigDecimal#toPlainString}: an optional
     * minus, digits, an optional point and digits): digit count, weight (of the first base-10,000
     * digit), sign, display scale, then the base-10,000 digits, the integer part grouped from the
     * point leftwards and the fraction rightwards. Leading and trailing zero digits are left out, as
     * PostgreSQL's own sender does.
     */
    void numeric(String plain) {
        if (plain == null) {
            nul();
            return;
        }
        boolean negative = plain.startsWith("-");
        int from = negative ? 1 : 0;
        int point = plain.indexOf('.');
        int integerEnd = point < 0 ? plain.length() : point;
        int scale = point < 0 ? 0 : plain.length() - point - 1;
        int integerDigits = integerEnd - from;
        int integerGroups = (integerDigits + 3) / 4;
        int fractionGroups = (scale + 3) / 4;
        int[] groups = new int[integerGroups + fractionGroups];
        // the integer part: digit d (0 = leftmost) falls in group (d + pad) / 4
        int pad = integerGroups * 4 - integerDigits;
        for (int d = 0; d < integerDigits; d++) {
            int g = (d + pad) / 4;
            groups[g] = groups[g] * 10 + (plain.charAt(from + d) - '0');
        }
        for (int d = 0; d < fractionGroups * 4; d++) {
            int g = integerGroups + d / 4;
            groups[g] = groups[g] * 10 + (d < scale ? plain.charAt(point + 1 + d) - '0' : 0);
        }
        int first = 0;
        while (first < groups.length && groups[first] == 0) {
            first++;
        }
        int last = groups.length;
        while (last > first && groups[last - 1] == 0) {
            last--;
        }
        int count = last - first;
        putInt(8 + 2 * count);
        putShort(count);
        putShort(count == 0 ? 0 : integerGroups - 1 - first);
        putShort(count == 0 || !negative ? 0x0000 : 0x4000);
        putShort(scale);
        for (int i = first; i < last; i++) {
            putShort(groups[i]);
        }
    }

    /** What was written since the last call, and an empty buffer. */
    byte[] take() {
        byte[] taken = Arrays.copyOf(bytes, size);
        size = 0;
        return taken;
    }

    private void putShort(int value) {
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
