package io.partnerpulse.shared;

/** A record with an id that changes under optimistic locking: its version is its ETag. */
public interface Versioned {
    long id();

    long version();
}
