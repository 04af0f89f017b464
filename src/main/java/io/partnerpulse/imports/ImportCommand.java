package io.partnerpulse.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.ProgressListener;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line import: {@code java -jar partnerpulse.jar import <entity> <file.csv> [options]}
 * (see {@link #USAGE}). It runs without the web server, prints progress lines and the report, and
 * exits with 0 when the file was imported (or checked), 1 when it was not, 2 on a usage mistake.
 */
@Component
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String USAGE = """
            Usage: import <entity> <file.csv> [options]
              entity            %s
              --settings=FILE   the mapping and options as JSON (columns, constants, values, delimiter, dateFormat,
                                decimalComma, createMissing, foldVariants, mode, currency, announce), as for POST /api/v1/imports/{entity}
              --mapping=NAME    start from a mapping saved in the app
              --mode=MODE       ALL_OR_NOTHING (default) or SKIP_BAD_ROWS
              --announce=WHAT   deals announced as won, lost or reopened (webhooks, commission): CHANGES (default,
                                the deals the file moves), ALL (also those it adds closed) or NONE
              --dry-run         check everything, write nothing
              --report=FILE     also write the whole report as JSON
            """.formatted(String.join(", ", ImportEntity.paths()));

    private final Imports imports;
    private final JsonMapper json;
    private final PrintStream out = System.out;
    private int exitCode;

    private final org.springframework.context.MessageSource messages;

    ImportCommand(Imports imports, JsonMapper json, org.springframework.context.MessageSource messages) {
        this.imports = imports;
        this.json = json;
        this.messages = messages;
    }

    /** Whether these program arguments ask for the import command. */
    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals("import");
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !words.get(0).equals("import")) {
            return;
        }
        if (words.size() != 3) {
            usage("Name what to import and the file.");
            return;
        }
        ImportEntity entity = ImportEntity.fromPath(words.get(1)).orElse(null);
        if (entity == null) {
            usage("\"" + words.get(1) + "\" cannot be imported.");
            return;
        }
        Path file = Path.of(words.get(2));
        if (!Files.isReadable(file)) {
            usage("Cannot read " + file.toAbsolutePath() + ".");
            return;
        }
        try {
            ImportSettings given = null;
            if (args.containsOption("settings")) {
                given = json.readValue(Files.readString(Path.of(args.getOptionValues("settings").get(0))), ImportSettings.class);
            }
            ImportSettings settings = imports.settings(entity, option(args, "mapping"), given);
            ImportSettings.Mode mode;
            ImportSettings.Announce announce;
            try {
                mode = choice(args, "mode", ImportSettings.Mode.class);
                announce = choice(args, "announce", ImportSettings.Announce.class);
            } catch (IllegalArgumentException e) {
                usage(e.getMessage());
                return;
            }
            if (mode != null) {
                settings = settings.withMode(mode);
            }
            if (announce != null) {
                settings = settings.withAnnounce(announce);
            }
            ImportReport report;
            PrintedProgress progress = new PrintedProgress(out, this::stepLabel);
            var beats = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "import-progress");
                thread.setDaemon(true);
                return thread;
            });
            beats.scheduleAtFixedRate(() -> progress.beat(System.nanoTime()), 1, 1, java.util.concurrent.TimeUnit.SECONDS);
            try (InputStream in = Files.newInputStream(file)) {
                report = imports.importFile(entity, in, Files.size(file), file.getFileName().toString(), settings, "command line",
                        args.containsOption("dry-run"), progress);
            } finally {
                beats.shutdownNow();
            }
            print(report);
            if (args.containsOption("report")) {
                Files.writeString(Path.of(option(args, "report")), json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            }
            exitCode = report.imported() || "CHECKED".equals(report.status()) ? 0 : 1;
        } catch (ApiError e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            out.println(message.toLowerCase(Locale.ROOT).contains("nothing was imported") ? message : "Nothing was imported: " + message);
            exitCode = 1;
        } catch (IOException | RuntimeException e) {
            out.println("Nothing was imported: " + e.getMessage());
            exitCode = 1;
        }
    }

    /** A step's label as the web app shows it (its English messages), with the records it handles. */
    private String stepLabel(String step, long records) {
        return messages.getMessage("imports.step." + step, new Object[] {records}, step, Locale.ENGLISH);
    }

    /** The value of an option naming one of {@code choices} (any case), null when not given; else what is wrong with it. */
    private static <E extends Enum<E>> E choice(ApplicationArguments args, String name, Class<E> choices) {
        String value = option(args, name);
        if (value == null) {
            return null;
        }
        for (E choice : choices.getEnumConstants()) {
            if (choice.name().equalsIgnoreCase(value.trim())) {
                return choice;
            }
        }
        throw new IllegalArgumentException("--" + name + " is one of " + java.util.Arrays.toString(choices.getEnumConstants())
                + ", not \"" + value + "\".");
    }

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private void usage(String problem) {
        out.println(problem);
        out.println(USAGE);
        exitCode = 2;
    }

    private void print(ImportReport report) {
        out.printf(Locale.ROOT, "%s: %s, %,d rows read, %,d new, %,d updated, %,d unchanged, %,d rejected, %.1f s%n",
                report.entity(), report.status(), report.rowsRead(), report.inserted(), report.updated(), report.unchanged(),
                report.rejected(), report.millis() / 1000.0);
        report.created().forEach(line -> out.println("  " + line));
        report.warnings().forEach(line -> out.println("  remark: " + line));
        report.problems().stream().limit(50).forEach(p -> out.printf(Locale.ROOT, "  line %d, %s: %s%n", p.line(), p.column(), p.reason()));
        if (report.problems().size() > 50) {
            out.println("  … " + (report.rejected() - 50) + " more rejected rows (--report=FILE writes them all)");
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * A progress line at most once a second per step and when a step ends, each with the seconds
     * since the import began; a step whose end cannot be foreseen (one statement) gets one line when
     * it begins.
     */
    static final class PrintedProgress implements ProgressListener {
        private final PrintStream out;
        private final java.util.function.BiFunction<String, Long, String> labels;
        private final long started = System.nanoTime();
        private String step = "";
        private String working;
        private long printed;

        PrintedProgress(PrintStream out, java.util.function.BiFunction<String, Long, String> labels) {
            this.out = out;
            this.labels = labels;
        }

        @Override
        public synchronized void progress(String name, long done, long total) {
            long now = System.nanoTime();
            double seconds = (now - started) / 1e9;
            if (total <= 0) {
                if (!name.equals(step)) {
                    working = labels.apply(name, done);
                    out.printf(Locale.ROOT, "%6.1f s  %s …%n", seconds, working);
                    step = name;
                    printed = now;
                }
                return;
            }
            working = null;
            if (!name.equals(step) || done >= total || now - printed > 1_000_000_000L) {
                int percent = (int) Math.min(100, 100 * done / total);
                out.printf(Locale.ROOT, "%6.1f s  %-32s %3d%%%n", seconds, labels.apply(name, done), percent);
                step = done >= total ? "" : name;
                printed = now;
            }
        }

        /**
         * Called every second or so: a step that is one long statement gets a line every
         * {@link #QUIET_NANOS}, so that a minute of writing does not look like a hang.
         */
        synchronized void beat(long now) {
            if (working != null && now - printed >= QUIET_NANOS) {
                out.printf(Locale.ROOT, "%6.1f s  %s … still running%n", (now - started) / 1e9, working);
                printed = now;
            }
        }

        static final long QUIET_NANOS = 5_000_000_000L;
    }
}
