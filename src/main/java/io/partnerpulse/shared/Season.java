package io.partnerpulse.shared;

import java.time.Month;

/**
 * Meteorological seasons: December to February is winter in the north and summer in the south.
 */
public enum Season {
    WINTER, SPRING, SUMMER, AUTUMN;

    public static Season of(Month month, Hemisphere hemisphere) {
        Season northern = switch (month) {
            case DECEMBER, JANUARY, FEBRUARY -> WINTER;
            case MARCH, APRIL, MAY -> SPRING;
            case JUNE, JULY, AUGUST -> SUMMER;
            case SEPTEMBER, OCTOBER, NOVEMBER -> AUTUMN;
        };
        return hemisphere == Hemisphere.NORTH ? northern : northern.opposite();
    }

    public Season opposite() {
        return switch (this) {
            case WINTER -> SUMMER;
            case SPRING -> AUTUMN;
            case SUMMER -> WINTER;
            case AUTUMN -> SPRING;
        };
    }
}
