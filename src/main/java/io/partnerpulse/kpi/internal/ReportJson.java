package io.partnerpulse.kpi.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.partnerpulse.kpi.KpiReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a KPI report as JSON, byte for byte what the app's JSON mapper writes for it. A report of
 * many groups (the leaderboard: 10,000 partners, 20 MB) is written in slices side by side on the
 * read model's threads: the first slice streams to the answer while the others are written into
 * memory, then they follow it. Writing the leaderboard's JSON on one thread was a quarter of its time.
 */
public final class ReportJson {

    /** From this many groups the JSON is written in slices. */
    static final int SLICED_FROM = 1_000;
    private static final byte[] GROUPS = "\"groups\":[]".getBytes(StandardCharsets.UTF_8);

    private final JsonMapper mapper;
    /** Writes group after group into an array it leaves open, flushing only at the end, never closing the answer. */
    private final ObjectWriter streaming;

    public ReportJson(JsonMapper mapper) {
        this.mapper = mapper;
        this.streaming = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .without(StreamWriteFeature.AUTO_CLOSE_CONTENT).without(StreamWriteFeature.AUTO_CLOSE_TARGET);
    }

    public void write(KpiReport report, OutputStream out) throws IOException {
        List<KpiReport.Group> groups = report.groups();
        int slices = groups.size() >= SLICED_FROM && !mapper.isEnabled(SerializationFeature.INDENT_OUTPUT) ? Slices.cores() : 1;
        byte[] shell = slices == 1 ? null : mapper.writeValueAsBytes(new KpiReport(report.from(), report.to(), report.currency(),
                report.timeZone(), report.groupBy(), List.of(), report.warnings()));
        int marker = shell == null ? -1 : indexOf(shell, GROUPS);
        if (marker < 0) {
            // one slice, or a mapper configured to write the report otherwise: written in one go
            try (JsonGenerator generator = streaming.createGenerator(out)) {
                streaming.writeValue(generator, report);
            }
            return;
        }
        int open = marker + GROUPS.length - 2;
        out.write(shell, 0, open);
        int size = groups.size();
        List<Blocks> parts;
        try {
            parts = Slices.run(slices, slice -> {
                List<KpiReport.Group> part = groups.subList(size * slice / slices, size * (slice + 1) / slices);
                if (slice > 0) {
                    Blocks blocks = new Blocks();
                    mapper.writeValue(blocks, part);
                    return blocks;
                }
                try (JsonGenerator generator = streaming.createGenerator(out)) {
                    generator.writeStartArray();
                    for (KpiReport.Group group : part) {
                        streaming.writeValue(generator, group);
                    }
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (tools.jackson.core.JacksonException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
        for (int slice = 1; slice < slices; slice++) {
            Blocks part = parts.get(slice);
            if (part.size() > 2) {
                out.write(',');
                part.writeInside(out);
            }
        }
        out.write(shell, open + 1, shell.length - open - 1);
    }

    /**
     * Bytes kept in blocks of 128 KB: one array of megabytes would be a "humongous" object for G1,
     * allocated straight into the old generation, and the leaderboard made one per answer, which
     * started a marking of the whole heap again and again (measured: the GC threads at a fifth of the
     * CPU).
     */
    private static final class Blocks extends OutputStream {
        private static final int BLOCK = 128 * 1024;
        private final List<byte[]> full = new java.util.ArrayList<>();
        private byte[] current = new byte[BLOCK];
        private int used;

        @Override
        public void write(int b) {
            if (used == BLOCK) {
                next();
            }
            current[used++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (used == BLOCK) {
                    next();
                }
                int n = Math.min(length, BLOCK - used);
                System.arraycopy(bytes, offset, current, used, n);
                used += n;
                offset += n;
                length -= n;
            }
        }

        private void next() {
            full.add(current);
            current = new byte[BLOCK];
            used = 0;
        }

        long size() {
            return (long) full.size() * BLOCK + used;
        }

        /** Writes all but the first and the last byte (the brackets of a JSON array). */
        void writeInside(OutputStream out) throws IOException {
            long last = size() - 1;
            long at = 0;
            List<byte[]> blocks = new java.util.ArrayList<>(full);
            blocks.add(java.util.Arrays.copyOf(current, used));
            for (byte[] block : blocks) {
                int from = at == 0 ? 1 : 0;
                int to = (int) Math.min(block.length, last - at);
                if (to > from) {
                    out.write(block, from, to - from);
                }
                at += block.length;
            }
        }
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
