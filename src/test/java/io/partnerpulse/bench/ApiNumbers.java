package io.partnerpulse.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * Our API's answers as flat maps, path → value ("17.dealCount.value" → "42", "all.closeRate.previous"
 * → "0.25", null → "null"), to compare key by key with {@link DuckDbBaseline}'s.
 */
final class ApiNumbers {

    private ApiNumbers() {
    }

    /** The numbers of a {@code /api/v1/kpis} answer, by group key. */
    static Map<String, String> report(JsonNode json) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode group : json.get("groups")) {
            flatten(out, group.get("key").asString(), group.get("kpis"));
        }
        return out;
    }

    static List<String> groups(JsonNode json) {
        List<String> keys = new ArrayList<>();
        json.get("groups").forEach(g -> keys.add(g.get("key").asString()));
        return keys;
    }

    /** The numbers of a {@code /api/v1/kpis/channels} answer: the channel type, channel and campaign rows and the total. */
    static Map<String, String> channels(JsonNode json) {
        Map<String, String> out = new TreeMap<>();
        for (String list : new String[] {"channelTypes", "channels", "campaigns"}) {
            for (JsonNode row : json.get(list)) {
                flatten(out, list + "." + row.get("key").asString(), row);
            }
        }
        flatten(out, "total", json.get("total"));
        return out;
    }

    private static void flatten(Map<String, String> out, String path, JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(out, path + "." + e.getKey(), e.getValue()));
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                JsonNode name = element.has("stage") ? element.get("stage") : element.get("name");
                if (name != null) {
                    flatten(out, path + "." + name.asString(), element);
                }
            }
        } else if (node.isNull()) {
            out.put(path, "null");
        } else if (node.isNumber()) {
            out.put(path, DuckDbBaseline.num(node.decimalValue()));
        }
    }

    /** The differences: every path the baseline has, with both values where they differ. */
    static List<String> differences(Map<String, String> ours, Map<String, String> baseline) {
        List<String> differences = new ArrayList<>();
        baseline.forEach((path, value) -> {
            String mine = ours.get(path);
            if (mine == null || !same(mine, value)) {
                differences.add(path + ": ours " + mine + ", DuckDB " + value);
            }
        });
        return differences;
    }

    /** Groups the baseline has facts for that our answer lacks. */
    static List<String> missingGroups(List<String> ours, Set<String> active) {
        List<String> missing = new ArrayList<>();
        for (String g : active) {
            if (!ours.contains(g)) {
                missing.add(g + ": a group with facts, missing from our answer");
            }
        }
        return missing;
    }

    private static boolean same(String a, String b) {
        if (a.equals("null") || b.equals("null")) {
            return a.equals(b);
        }
        return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    }
}
