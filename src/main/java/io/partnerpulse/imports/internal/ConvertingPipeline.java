package io.partnerpulse.imports.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;


/**
 * Converts the rows of a file on {@link #THREADS} threads and writes them, in the file's order, as
 * {@code COPY} reads them (the staging's text, {@link CopyText}, or a direct load's binary rows): the calling thread reads the file and writes to
 * the database, batches of {@link #BATCH_ROWS} rows are converted in between (each thread with a
 * converter of its own: a converter keeps a cache). At most a few batches are in flight, so the
 * file is never held in memory. Converting is most of a staging's CPU (a million deals: 60% of it
 * against 20% for reading the file, stop 16); on one thread it kept the second core of a two-core
 * machine half idle.
 */
final class ConvertingPipeline {

    static final int BATCH_ROWS = 2_048;
    static final int THREADS = 2;
    private static final int IN_FLIGHT = THREADS * 2;

    /** A row that left more than its values: notes, or the problems that kept it out. */
    record Outcome(long line, RowConverter.Result result) {
    }

    /** Receives, in the file's order, each batch's size and the outcomes worth reporting. */
    interface Sink {
        void batch(int rows, List<Outcome> outcomes) throws IOException;
    }

    private record Converted(int rows, byte[] csv, List<Outcome> outcomes, long[] keys, int keyCount) {
    }

    /**
     * How a converting thread writes the good rows of its batch for {@code COPY}: {@link Text} for the
     * staging table, or the direct load's binary rows ({@link DirectLoad}). One per thread.
     */
    interface Encoder {
        /** Writes one converted row ({@code values} as {@link RowConverter#convert} gives them). */
        void row(long line, String[] values);

        /** The bytes written since the last call. */
        byte[] take();
    }

    /** {@link CopyText}'s rows, for the staging table: the line and then every value. */
    static final class Text implements Encoder {
        private final StringBuilder text = new StringBuilder(BATCH_ROWS * 160);

        @Override
        public void row(long line, String[] values) {
            CopyText.appendRow(text, line, values);
        }

        @Override
        public byte[] take() {
            // written into one StringBuilder and encoded once (through an OutputStreamWriter each
            // character went through the writer's lock and encoder)
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            text.setLength(0);
            return bytes;
        }
    }

    /** A converter and the encoder its thread writes with. */
    private record Worker(RowConverter converter, Encoder encoder) {
    }

    private final BlockingQueue<Worker> workers;
    /** The field whose values are watched for repeats ({@link #keys}), -1 none. */
    private final int keyField;
    private final KeyRepeats keys = new KeyRepeats();

    ConvertingPipeline(Supplier<RowConverter> converter) {
        this(converter, -1);
    }

    /** @param keyField the index of the field whose staged values {@link #keys()} watches for repeats, -1 none */
    ConvertingPipeline(Supplier<RowConverter> converter, int keyField) {
        this(converter, c -> new Text(), keyField);
    }

    /** @param encoder makes each thread's encoder, for the converter of that thread */
    ConvertingPipeline(Supplier<RowConverter> converter, java.util.function.Function<RowConverter, Encoder> encoder, int keyField) {
        this.keyField = keyField;
        workers = new ArrayBlockingQueue<>(THREADS);
        for (int i = 0; i < THREADS; i++) {
            RowConverter own = converter.get();
            workers.add(new Worker(own, encoder.apply(own)));
        }
    }

    /** The hashes of the key field's staged values: after {@link #run}, whether two rows may hold the same value. */
    KeyRepeats keys() {
        return keys;
    }

    /**
     * Reads every row, converts it and writes the good ones to {@code copy}. Exceptions of the
     * reading ({@code rows}) and of the converting come out as they were thrown.
     */
    void run(Iterator<CsvSource.Row> rows, OutputStream copy, Sink sink) throws IOException {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "import-convert-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<Converted>> pending = new ArrayDeque<>();
        try {
            List<CsvSource.Row> batch = new ArrayList<>(BATCH_ROWS);
            while (rows.hasNext()) {
                batch.add(rows.next());
                if (batch.size() == BATCH_ROWS) {
                    List<CsvSource.Row> full = batch;
                    pending.add(pool.submit(() -> convert(full)));
                    batch = new ArrayList<>(BATCH_ROWS);
                    while (pending.size() >= IN_FLIGHT) {
                        write(pending.poll(), copy, sink);
                    }
                }
            }
            if (!batch.isEmpty()) {
                List<CsvSource.Row> last = batch;
                pending.add(pool.submit(() -> convert(last)));
            }
            while (!pending.isEmpty()) {
                write(pending.poll(), copy, sink);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Converted convert(List<CsvSource.Row> batch) throws IOException, InterruptedException {
        Worker worker = workers.take();
        try {
            RowConverter converter = worker.converter();
            List<Outcome> outcomes = new ArrayList<>(0);
            long[] hashes = new long[keyField < 0 ? 0 : batch.size()];
            int hashed = 0;
            for (CsvSource.Row row : batch) {
                RowConverter.Result result = converter.convert(row);
                if (!result.ok() || !result.notes().isEmpty()) {
                    outcomes.add(new Outcome(row.line(), result));
                }
                if (result.ok()) {
                    worker.encoder().row(row.line(), result.values());
                    if (keyField >= 0 && result.values()[keyField] != null) {
                        hashes[hashed++] = KeyRepeats.hash(result.values()[keyField]);
                    }
                }
            }
            return new Converted(batch.size(), worker.encoder().take(), outcomes, hashes, hashed);
        } finally {
            workers.put(worker);
        }
    }

    private void write(Future<Converted> next, OutputStream copy, Sink sink) throws IOException {
        Converted converted;
        try {
            converted = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the import was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
        copy.write(converted.csv());
        for (int i = 0; i < converted.keyCount(); i++) {
            keys.add(converted.keys()[i]);
        }
        sink.batch(converted.rows(), converted.outcomes());
    }
}
