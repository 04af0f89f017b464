package io.partnerpulse.shared;

/** The half of the globe a location is in; it decides which months are summer. */
public enum Hemisphere {
    NORTH, SOUTH;

    /** Reads the one-letter code the database stores ({@code N} or {@code S}). */
    public static Hemisphere fromCode(String code) {
        return switch (code) {
            case "N" -> NORTH;
            case "S" -> SOUTH;
            default -> throw new IllegalArgumentException("Unknown hemisphere code: " + code);
        };
    }
}
