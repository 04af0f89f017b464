package io.partnerpulse.kpi.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.partnerpulse.kpi.Dimension;

/**
 * The filters of a query resolved to key sets: a fact passes when, on every filtered dimension, its
 * key is one of the wanted keys. A value no row has (an unknown id or city) matches nothing.
 */
final class Filters {

    private final Map<Dimension, Set<Integer>> wanted = new EnumMap<>(Dimension.class);
    private final Keys keys;

    Filters(KpiSnapshot s, Keys keys, Map<Dimension, List<String>> filters) {
        this.keys = keys;
        filters.forEach((dimension, values) -> {
            Set<Integer> set = new HashSet<>();
            for (String value : values) {
                int key = resolve(s, dimension, value);
                if (key >= 0) {
                    set.add(key);
                }
            }
            wanted.put(dimension, set);
        });
    }

    private static int resolve(KpiSnapshot s, Dimension dimension, String value) {
        return switch (dimension) {
            case TIER -> List.of(KpiSnapshot.TIERS).indexOf(value.toUpperCase(Locale.ROOT)) + 1;
            case CHANNEL_TYPE -> List.of(KpiSnapshot.CHANNEL_TYPES).indexOf(value.toUpperCase(Locale.ROOT)) + 1;
            case COUNTRY -> s.countries.find(value.toUpperCase(Locale.ROOT));
            case REGION -> s.regions.find(value);
            case CITY -> s.cities.find(value);
            default -> {
                long id = Long.parseLong(value);
                yield id > 0 && id < Integer.MAX_VALUE ? (int) id : -1;
            }
        };
    }

    /** These filters without the one on {@code dimension}. */
    Filters without(Dimension dimension) {
        Filters copy = new Filters(keys);
        wanted.forEach((d, set) -> {
            if (d != dimension) {
                copy.wanted.put(d, set);
            }
        });
        return copy;
    }

    private Filters(Keys keys) {
        this.keys = keys;
    }

    /** Whether the filter on {@code dimension} (if any) lets this key through. */
    boolean allows(Dimension dimension, int key) {
        Set<Integer> keys = wanted.get(dimension);
        return keys == null || keys.contains(key);
    }

    boolean isEmpty() {
        return wanted.isEmpty();
    }

    Set<Dimension> dimensions() {
        return wanted.keySet();
    }

    /** The single wanted key on a dimension, when the filters name exactly one and nothing else. */
    Integer only(Dimension dimension) {
        Set<Integer> set = wanted.get(dimension);
        return wanted.size() == 1 && set != null && set.size() == 1 ? set.iterator().next() : null;
    }

    boolean deal(int d) {
        for (Map.Entry<Dimension, Set<Integer>> e : wanted.entrySet()) {
            if (!e.getValue().contains(keys.deal(e.getKey(), d, 0))) {
                return false;
            }
        }
        return true;
    }

    boolean lead(int l) {
        for (Map.Entry<Dimension, Set<Integer>> e : wanted.entrySet()) {
            if (!e.getValue().contains(keys.lead(e.getKey(), l, 0))) {
                return false;
            }
        }
        return true;
    }

    boolean registration(int r) {
        for (Map.Entry<Dimension, Set<Integer>> e : wanted.entrySet()) {
            if (!e.getValue().contains(keys.registration(e.getKey(), r, 0))) {
                return false;
            }
        }
        return true;
    }

    /** Campaign spend can only be narrowed by what a campaign has: channel, type, campaign, partner (its tier, its distributor). */
    boolean campaign(KpiSnapshot s, int k) {
        for (Map.Entry<Dimension, Set<Integer>> e : wanted.entrySet()) {
            int key = switch (e.getKey()) {
                case CHANNEL -> s.campaignChannelOf[k];
                case CHANNEL_TYPE -> keys.channelType(s.campaignChannelOf[k]);
                case CAMPAIGN -> s.campaignId[k];
                case PARTNER -> s.campaignPartner[k];
                case TIER -> keys.tier(s.campaignPartner[k]);
                case DISTRIBUTOR -> keys.distributor(s.campaignPartner[k]);
                default -> -1;
            };
            if (key >= 0 && !e.getValue().contains(key)) {
                return false;
            }
        }
        return true;
    }

    /** The filtered dimensions that campaign spend cannot be narrowed by. */
    List<String> notApplicableToSpend() {
        List<String> names = new ArrayList<>();
        for (Dimension d : wanted.keySet()) {
            if (d != Dimension.CHANNEL && d != Dimension.CHANNEL_TYPE && d != Dimension.CAMPAIGN
                    && d != Dimension.PARTNER && d != Dimension.TIER && d != Dimension.DISTRIBUTOR) {
                names.add(d.filterName().orElse(d.apiName()));
            }
        }
        return names;
    }
}
