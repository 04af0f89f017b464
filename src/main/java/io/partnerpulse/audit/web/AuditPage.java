package io.partnerpulse.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * The audit log as a page: every write, newest first, filtered by kind of record, record, person,
 * action and days; each entry says what changed (field: before → after) and keeps the whole record
 * before and after one click away, and links to every entry of the same record.
 */
@Controller
class AuditPage {

    static final int PAGE_SIZE = 50;
    /** Fields shown for a record created or an event; the rest is in the entry's details. */
    static final int FIELDS_SHOWN = 8;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditTrail trail;
    private final OrganizationSettings organization;

    AuditPage(AuditTrail trail, OrganizationSettings organization) {
        this.trail = trail;
        this.organization = organization;
    }

    /** One line of the page: an entry, when in the organization's time zone, and what it changed (or that it deleted the record). */
    record Line(AuditTrail.Entry entry, String when, boolean deleted, List<Change> changes, String before, String after, String recordLink) {
    }

    /** A field an entry changed ({@code before} null: set when the record was made, or told by an event). */
    record Change(String field, String before, String after) {
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                @RequestParam(required = false) String actorName, @RequestParam(required = false) String action,
                @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate through,
                @RequestParam(defaultValue = "0") int page, Model model) {
        ZoneId zone = organization.timeZone();
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = through == null || through.equals(LocalDate.MAX) ? null : through.plusDays(1).atStartOfDay(zone).toInstant();
        AuditTrail.Filter filter = new AuditTrail.Filter(blankToNull(entityType), blankToNull(entityId), blankToNull(actorName),
                blankToNull(action), start, end);
        Page<AuditTrail.Entry> found = trail.find(filter, null, Math.max(0, page), PAGE_SIZE);
        List<Line> lines = new ArrayList<>();
        for (AuditTrail.Entry entry : found.items()) {
            JsonNode before = entry.before() instanceof JsonNode node && !node.isNull() ? node : null;
            JsonNode after = entry.after() instanceof JsonNode node && !node.isNull() ? node : null;
            lines.add(new Line(entry, WHEN.format(entry.occurredAt().atZone(zone)), before != null && after == null, changes(before, after),
                    before == null ? null : before.toPrettyString(), after == null ? null : after.toPrettyString(),
                    link(entry.entityType(), entry.entityId())));
        }
        model.addAttribute("entries", found);
        model.addAttribute("lines", lines);
        model.addAttribute("types", trail.types());
        model.addAttribute("entityType", blankToNull(entityType));
        model.addAttribute("entityId", blankToNull(entityId));
        model.addAttribute("actorName", blankToNull(actorName));
        model.addAttribute("action", blankToNull(action));
        model.addAttribute("from", from);
        model.addAttribute("through", through);
        model.addAttribute("apiFrom", start);
        model.addAttribute("apiTo", end);
        model.addAttribute("zone", zone.getId());
        return "audit/list";
    }

    /**
     * What an entry changed: the fields whose values differ (a record's version, which every change
     * moves, left out); for a record made or an event, its first fields with a value (not its id,
     * which the entry names).
     */
    static List<Change> changes(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> fields = new LinkedHashSet<>(before.propertyNames());
            fields.addAll(after.propertyNames());
            for (String field : fields) {
                JsonNode was = before.get(field);
                JsonNode is = after.get(field);
                if (!field.equals("version") && !same(was, is)) {
                    changes.add(new Change(field, text(was), text(is)));
                }
            }
        } else {
            JsonNode only = after != null ? after : before;
            if (only != null && only.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = only.properties().iterator();
                while (fields.hasNext() && changes.size() < FIELDS_SHOWN) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    // the id is the entry's record, and the version of a new record says nothing
                    if (!field.getValue().isNull() && !field.getKey().equals("version") && !field.getKey().equals("id")) {
                        changes.add(new Change(field.getKey(), null, text(field.getValue())));
                    }
                }
            } else if (only != null) {
                changes.add(new Change("", null, text(only)));
            }
        }
        return changes;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isNull();
        boolean bEmpty = b == null || b.isNull();
        if (aEmpty || bEmpty) {
            return aEmpty == bEmpty;
        }
        // 12.50 and 12.5 are the same amount
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
    }

    /** A value as a person reads it: text as it is, anything nested as compact JSON, at most 120 characters. */
    static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "—";
        }
        String text = value.isValueNode() ? value.asString() : value.toString();
        return text.length() > 120 ? text.substring(0, 119) + "…" : text;
    }

    /** The page of the record an entry is about, where it has one. */
    private static String link(String type, String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            return null;
        }
        return switch (type) {
            case "partner" -> "/partners/" + id;
            case "opportunity" -> "/deals/" + id;
            case "account" -> "/accounts/" + id;
            case "lead" -> "/leads/" + id;
            case "report-subscription" -> "/reports/" + id;
            case "user" -> "/users/" + id;
            case "webhook" -> "/webhooks/" + id;
            default -> null;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
