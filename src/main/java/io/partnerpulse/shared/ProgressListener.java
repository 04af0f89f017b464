package io.partnerpulse.shared;

/** Hears how far a long piece of work has come. */
@FunctionalInterface
public interface ProgressListener {

    /** {@code done} of {@code total} units of the named step are finished. */
    void progress(String step, long done, long total);

    ProgressListener NONE = (step, done, total) -> { };
}
