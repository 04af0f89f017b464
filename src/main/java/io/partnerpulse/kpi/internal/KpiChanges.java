package io.partnerpulse.kpi.internal;

import java.util.Set;
import java.util.TreeSet;

/**
 * What changed since the read model's snapshot, gathered from the notices of migration V9: rows
 * of the big tables by id, the small reference tables as a whole, or everything (a bulk import, a
 * delete, an exchange rate, a notice missed while the connection was down).
 */
final class KpiChanges {

    boolean everything;
    boolean reference;
    final Set<Long> deals = new TreeSet<>();
    final Set<Long> leads = new TreeSet<>();
    final Set<Long> registrations = new TreeSet<>();

    /** Adds one notice: {@code table} or {@code table:id,id,…}. */
    void add(String payload) {
        int colon = payload.indexOf(':');
        String table = colon < 0 ? payload : payload.substring(0, colon);
        Set<Long> ids = switch (table) {
            case "opportunity", "stage_change" -> deals;
            case "lead" -> leads;
            case "deal_registration" -> registrations;
            default -> null;
        };
        if (ids == null) {
            if (table.equals("exchange_rate")) {
                everything = true; // converts every deal again
            } else {
                reference = true;
            }
            return;
        }
        if (colon < 0) {
            everything = true;
            return;
        }
        try {
            for (String id : payload.substring(colon + 1).split(",")) {
                ids.add(Long.parseLong(id));
            }
        } catch (NumberFormatException e) {
            everything = true;
        }
    }

    /** What changed, for a log line: "everything", "reference data", and how many deals, leads and registrations. */
    @Override
    public String toString() {
        return (everything ? "everything; " : "") + (reference ? "reference data; " : "") + deals.size() + " deals, " + leads.size() + " leads, "
                + registrations.size() + " registrations";
    }

    boolean isEmpty() {
        return !everything && !reference && deals.isEmpty() && leads.isEmpty() && registrations.isEmpty();
    }

    void clear() {
        everything = false;
        reference = false;
        deals.clear();
        leads.clear();
        registrations.clear();
    }

    int rows() {
        return deals.size() + leads.size() + registrations.size();
    }
}
