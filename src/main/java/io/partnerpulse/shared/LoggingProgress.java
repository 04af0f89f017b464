package io.partnerpulse.shared;

import java.util.Locale;

import org.slf4j.Logger;

/** Logs progress as a line at most every two seconds per step, and when a step finishes (or, unforeseeable, begins). */
public final class LoggingProgress implements ProgressListener {

    private final Logger log;
    private String lastStep = "";
    private long lastLogged;

    public LoggingProgress(Logger log) {
        this.log = log;
    }

    @Override
    public synchronized void progress(String step, long done, long total) {
        long now = System.nanoTime();
        if (total <= 0) {
            if (!step.equals(lastStep)) {
                log.info(String.format(Locale.ROOT, "%-40s …  %,d", step, done));
                lastStep = step;
                lastLogged = now;
            }
            return;
        }
        boolean finished = done >= total;
        if (!step.equals(lastStep) || finished || now - lastLogged > 2_000_000_000L) {
            int percent = total == 0 ? 100 : (int) (100 * done / total);
            log.info(String.format(Locale.ROOT, "%-40s %3d%%  %,d / %,d", step, percent, done, total));
            lastStep = finished ? "" : step;
            lastLogged = now;
        }
    }
}
