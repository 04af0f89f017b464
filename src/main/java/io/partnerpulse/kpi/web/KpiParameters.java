package io.partnerpulse.kpi.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiQuery.AverageDealSizeVariant;
import io.partnerpulse.kpi.KpiQuery.CloseRateVariant;
import io.partnerpulse.kpi.KpiQuery.Comparison;
import io.partnerpulse.shared.ApiError;
import org.springframework.util.MultiValueMap;

/**
 * Reads and checks the query parameters of the KPI API. Every problem is a 400 that names the
 * parameter and, for a choice, the allowed values; an unknown parameter is refused too, so that a
 * misspelt filter never silently widens the answer.
 */
final class KpiParameters {

    static final int MAX_LENGTH = 200;
    static final List<String> TIERS = List.of("PLATINUM", "GOLD", "SILVER", "REGISTERED");
    static final List<String> CHANNEL_TYPES = List.of("PAID", "EARNED", "OWNED");
    private static final List<String> PERIOD = List.of("from", "to", "compare", "closeRate", "averageDealSize");

    private final MultiValueMap<String, String> params;

    KpiParameters(MultiValueMap<String, String> params, List<String> allowed) {
        this.params = params;
        Set<String> known = new LinkedHashSet<>(allowed);
        known.addAll(Dimension.filterNames());
        known.add("format");
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw ApiError.invalidParameter(name, "Unknown parameter '" + shorten(name) + "'.", List.copyOf(known));
            }
        }
        params.forEach((name, values) -> {
            for (String value : values) {
                if (value != null && value.length() > MAX_LENGTH) {
                    throw ApiError.invalidParameter(name, name + " is longer than " + MAX_LENGTH + " characters.", null);
                }
            }
        });
    }

    static List<String> periodParameters(String... more) {
        List<String> names = new ArrayList<>(PERIOD);
        names.add("groupBy");
        names.addAll(Arrays.asList(more));
        return names;
    }

    KpiQuery query() {
        LocalDate from = date("from");
        LocalDate to = date("to");
        if (!from.isBefore(to)) {
            throw ApiError.invalidParameter("from", "from (" + from + ") must be before to (" + to + "); to is exclusive.", null);
        }
        if (from.plusYears(50).isBefore(to)) {
            throw ApiError.invalidParameter("to", "A period may span at most 50 years.", null);
        }
        return new KpiQuery(from, to, groupBy(false), filters(), compare(),
                choice("closeRate", CloseRateVariant.values(), CloseRateVariant::apiName, CloseRateVariant.COHORT),
                choice("averageDealSize", AverageDealSizeVariant.values(), AverageDealSizeVariant::apiName, AverageDealSizeVariant.PER_DEAL));
    }

    LocalDate date(String name) {
        String value = single(name, true);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.invalidParameter(name, name + " must be an ISO date such as 2026-01-01, was '" + shorten(value) + "'.", null);
        }
    }

    Dimension groupBy(boolean thingsOnly) {
        String value = single("groupBy", false);
        if (value == null) {
            return null;
        }
        List<String> allowed = Arrays.stream(Dimension.values()).filter(d -> !thingsOnly || !d.isTime()).map(Dimension::apiName).toList();
        return Dimension.byApiName(value).filter(d -> allowed.contains(d.apiName()))
                .orElseThrow(() -> ApiError.invalidParameter("groupBy", "groupBy must be one of " + allowed + ", was '" + shorten(value) + "'.", allowed));
    }

    Map<Dimension, List<String>> filters() {
        Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
        for (String name : Dimension.filterNames()) {
            List<String> raw = params.get(name);
            if (raw == null) {
                continue;
            }
            Dimension dimension = Dimension.byFilterName(name).orElseThrow();
            List<String> values = new ArrayList<>();
            for (String entry : raw) {
                for (String value : entry.split(",")) {
                    values.add(check(name, dimension, value.trim()));
                }
            }
            filters.put(dimension, values);
        }
        return filters;
    }

    private static String check(String name, Dimension dimension, String value) {
        if (value.isEmpty()) {
            throw ApiError.invalidParameter(name, name + " must not be empty.", null);
        }
        switch (dimension) {
            case TIER -> {
                if (!TIERS.contains(value.toUpperCase(Locale.ROOT))) {
                    throw ApiError.invalidParameter(name, "tier must be one of " + TIERS + ", was '" + shorten(value) + "'.", TIERS);
                }
                return value.toUpperCase(Locale.ROOT);
            }
            case CHANNEL_TYPE -> {
                if (!CHANNEL_TYPES.contains(value.toUpperCase(Locale.ROOT))) {
                    throw ApiError.invalidParameter(name, "channelType must be one of " + CHANNEL_TYPES + ", was '" + shorten(value) + "'.", CHANNEL_TYPES);
                }
                return value.toUpperCase(Locale.ROOT);
            }
            case COUNTRY -> {
                if (!value.matches("[A-Za-z]{2}")) {
                    throw ApiError.invalidParameter(name, "country must be a two-letter ISO 3166 code such as PK, was '" + shorten(value) + "'.", null);
                }
                return value.toUpperCase(Locale.ROOT);
            }
            case REGION, CITY -> {
                return value;
            }
            default -> {
                if (!value.matches("[0-9]{1,18}") || Long.parseLong(value) == 0) {
                    throw ApiError.invalidParameter(name, name + " must be a positive whole number (an id), was '" + shorten(value) + "'.", null);
                }
                return Long.toString(Long.parseLong(value));
            }
        }
    }

    Set<Comparison> compare() {
        List<String> raw = params.get("compare");
        Set<Comparison> result = EnumSet.noneOf(Comparison.class);
        if (raw == null) {
            return result;
        }
        List<String> allowed = Arrays.stream(Comparison.values()).map(Comparison::apiName).toList();
        for (String entry : raw) {
            for (String value : entry.split(",")) {
                String v = value.trim();
                result.add(Arrays.stream(Comparison.values()).filter(c -> c.apiName().equals(v)).findFirst()
                        .orElseThrow(() -> ApiError.invalidParameter("compare", "compare takes " + allowed + ", was '" + shorten(v) + "'.", allowed)));
            }
        }
        return result;
    }

    <E> E choice(String name, E[] values, java.util.function.Function<E, String> apiName, E fallback) {
        String value = single(name, false);
        if (value == null) {
            return fallback;
        }
        List<String> allowed = Arrays.stream(values).map(apiName).toList();
        return Arrays.stream(values).filter(v -> apiName.apply(v).equals(value)).findFirst()
                .orElseThrow(() -> ApiError.invalidParameter(name, name + " must be one of " + allowed + ", was '" + shorten(value) + "'.", allowed));
    }

    int integer(String name, int fallback, int min, int max) {
        String value = single(name, false);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.invalidParameter(name, name + " must be a whole number from " + min + " to " + max + ", was '" + shorten(value) + "'.", null);
        }
    }

    String single(String name, boolean required) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            if (required) {
                throw ApiError.invalidParameter(name, name + " is required.", null);
            }
            return null;
        }
        if (values.size() > 1) {
            throw ApiError.invalidParameter(name, name + " may be given only once.", null);
        }
        return values.get(0).trim();
    }

    /** A value quoted back to the client, cut short and stripped of anything but printable characters. */
    static String shorten(String value) {
        String printable = value.replaceAll("[^\\p{Print}]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
