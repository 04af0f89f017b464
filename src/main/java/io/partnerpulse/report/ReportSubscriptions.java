package io.partnerpulse.report;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import io.partnerpulse.security.RunAs;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Report subscriptions and their delivery log. A partner user, and a manager or analyst scoped to a
 * unit or a department, sees and changes only the subscriptions it made (their PDFs hold what their
 * owners may see); the organization's unscoped people see all of them. A subscription's scorecard
 * is made as its owner, so what its scope may be is checked as the owner too. Every change goes to
 * the audit log.
 */
@Service
public class ReportSubscriptions {

    public static final List<String> SCOPES = List.of("program", "partner", "distributor", "employee", "department", "unit");
    public static final List<String> DELIVERY_STATUSES = List.of("PENDING", "SENT", "FAILED");

    /** A subscription. {@code subject} names what its scorecard is about (null for the program). */
    public record Subscription(long id, String name, String scope, Long scopeId, String subject, ReportFrequency frequency,
                               List<String> recipients, String locale, long ownerId, String owner, boolean active,
                               Instant nextRunAt, String createdBy, Instant createdAt, long version,
                               String lastStatus, Instant lastSentAt) implements io.partnerpulse.shared.Versioned {
    }

    /** What a subscription is made or changed from. Missing {@code active} means on. */
    public record SubscriptionForm(String name, String scope, Long scopeId, ReportFrequency frequency, List<String> recipients,
                                   Boolean active) {
    }

    /** One scorecard sent or to be sent. {@code periodTo} is the day after the period's last. */
    public record Delivery(long id, long subscriptionId, LocalDate periodFrom, LocalDate periodTo, List<String> recipients,
                           String status, int attempts, Instant nextAttemptAt, String lastError, String via, String fileName,
                           Integer size, String requestedBy, Instant createdAt, Instant sentAt) {
    }

    /** A delivery's PDF, as it was sent. */
    public record Document(String fileName, byte[] pdf) {
    }

    private static final String SUBSCRIPTION = """
            select s.id, s.name, s.scope, s.scope_id,
                   case s.scope when 'partner' then (select p.name from partner p where p.id = s.scope_id)
                                when 'distributor' then (select p.name from partner p where p.id = s.scope_id)
                                when 'employee' then (select e.full_name from employee e where e.id = s.scope_id)
                                when 'department' then (select d.name from department d where d.id = s.scope_id)
                                when 'unit' then (select u.name from business_unit u where u.id = s.scope_id) end as subject,
                   s.frequency, s.recipients, s.locale, s.owner_id, u.email as owner, s.active, s.next_run_at, s.created_by,
                   s.created_at, s.version, last.status as last_status, last.sent_at as last_sent_at
            from report_subscription s join app_user u on u.id = s.owner_id
            left join lateral (select d.status, d.sent_at from report_delivery d where d.subscription_id = s.id
                               order by d.id desc limit 1) last on true
            """;

    private static final String DELIVERY = """
            select id, subscription_id, period_from, period_to, recipients, status, attempts, next_attempt_at, last_error, via,
                   file_name, octet_length(document) as size, requested_by, created_at, sent_at
            from report_delivery
            """;

    private final JdbcClient jdbc;
    private final CurrentActor actor;
    private final RunAs runAs;
    private final ScorecardRenderer renderer;
    private final ReportProperties properties;
    private final OrganizationSettings settings;
    private final Clock clock;
    private final io.partnerpulse.mail.Mailer mailer;
    private final io.partnerpulse.audit.AuditTrail audit;

    ReportSubscriptions(JdbcClient jdbc, CurrentActor actor, RunAs runAs, ScorecardRenderer renderer,
                        ReportProperties properties, OrganizationSettings settings, Clock clock,
                        io.partnerpulse.mail.Mailer mailer, io.partnerpulse.audit.AuditTrail audit) {
        this.mailer = mailer;
        this.audit = audit;
        this.jdbc = jdbc;
        this.actor = actor;
        this.runAs = runAs;
        this.renderer = renderer;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
    }

    /** The folder messages are written to when no SMTP server is set ({@code spring.mail.host}); empty when one is. */
    public Optional<java.nio.file.Path> outbox() {
        return mailer.outbox();
    }

    /** The subscriptions the current user may see: a partner user's own, everyone's for the organization's people. */
    public List<Subscription> list() {
        Long owner = seesOwnOnly() ? me() : null;
        return jdbc.sql(SUBSCRIPTION + " where (cast(:owner as bigint) is null or s.owner_id = :owner) order by s.name, s.id")
                .param("owner", owner, java.sql.Types.BIGINT).query((rs, n) -> subscription(rs)).list();
    }

    public Subscription get(long id) {
        Optional<Subscription> found = jdbc.sql(SUBSCRIPTION + " where s.id = :id").param("id", id).query((rs, n) -> subscription(rs)).optional();
        if (found.isEmpty() || seesOwnOnly() && found.get().ownerId() != me()) {
            throw ApiError.notFound("report-subscription", id);
        }
        return found.get();
    }

    @Transactional
    public Subscription create(SubscriptionForm form, Locale locale) {
        long owner = me();
        Checked checked = check(form, owner, locale);
        long id = jdbc.sql("""
                        insert into report_subscription (name, scope, scope_id, frequency, recipients, locale, owner_id, active,
                                                         next_run_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(checked.name(), checked.scope(), checked.scopeId(), form.frequency().name(), checked.recipients(),
                        language(locale), owner, form.active() == null || form.active(), Timestamp.from(nextRun(form.frequency())),
                        actor.name())
                .query(Long.class).single();
        Subscription created = get(id);
        audit.record(actor.name(), "report-subscription.created", "report-subscription", id, null, created);
        return created;
    }

    @Transactional
    public Subscription edit(long id, SubscriptionForm form, long version) {
        Subscription before = get(id);
        if (before.version() != version) {
            throw ApiError.staleVersion("report-subscription", id, version);
        }
        Checked checked = check(form, before.ownerId(), Locale.forLanguageTag(before.locale()));
        // a new frequency starts from its own next period; the same one keeps its date (switching it off and on too)
        Instant next = form.frequency() == before.frequency() ? before.nextRunAt() : nextRun(form.frequency());
        if (next.isBefore(clock.instant())) {
            next = nextRun(form.frequency());
        }
        int changed = jdbc.sql("""
                        update report_subscription set name = ?, scope = ?, scope_id = ?, frequency = ?, recipients = ?, active = ?,
                               next_run_at = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(checked.name(), checked.scope(), checked.scopeId(), form.frequency().name(), checked.recipients(),
                        form.active() == null || form.active(), Timestamp.from(next), id, version)
                .update();
        if (changed == 0) {
            throw ApiError.staleVersion("report-subscription", id, version);
        }
        Subscription after = get(id);
        audit.record(actor.name(), "report-subscription.edited", "report-subscription", id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        Subscription before = get(id);
        jdbc.sql("delete from report_subscription where id = ?").params(id).update();
        audit.record(actor.name(), "report-subscription.deleted", "report-subscription", id, before, null);
    }

    /** Sends the scorecard of the last period that ended now, whatever the schedule; the log shows who asked. */
    @Transactional
    public Delivery sendNow(long id) {
        Subscription subscription = get(id);
        ReportFrequency.Period period = subscription.frequency().lastEnded(today());
        long deliveryId = jdbc.sql("""
                        insert into report_delivery (subscription_id, period_from, period_to, recipients, status, requested_by)
                        select id, ?, ?, recipients, 'PENDING', ? from report_subscription where id = ? returning id""")
                .params(period.from(), period.to(), actor.name(), id).query(Long.class).single();
        Delivery delivery = delivery(id, deliveryId);
        audit.recordEvent(actor.name(), "report-subscription.sent-now", "report-subscription", id, delivery);
        return delivery;
    }

    public Page<Delivery> deliveries(long id, String status, int page, int size) {
        get(id);
        return io.partnerpulse.shared.ListQuery.from(DELIVERY).where("subscription_id = :id", "id", id).where("status = :status", "status", status)
                .sort(null, java.util.Map.of(), "id desc", "id").page(jdbc, page, size, (rs, n) -> delivery(rs));
    }

    public Delivery delivery(long id, long deliveryId) {
        get(id);
        return jdbc.sql(DELIVERY + " where subscription_id = ? and id = ?").params(id, deliveryId).query((rs, n) -> delivery(rs))
                .optional().orElseThrow(() -> ApiError.notFound("report-delivery", deliveryId));
    }

    /** The PDF a delivery sent (or made before its message went out); 404 while it has none. */
    public Document document(long id, long deliveryId) {
        get(id);
        return jdbc.sql("select file_name, document from report_delivery where subscription_id = ? and id = ? and document is not null")
                .params(id, deliveryId).query((rs, n) -> new Document(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> ApiError.notFound("report-delivery", deliveryId));
    }

    /** A partner user or a scoped manager sees the subscriptions it made, not others' (made as someone who may see more). */
    private boolean seesOwnOnly() {
        return actor.partner().isPresent() || actor.orgScope().isPresent();
    }

    private Instant nextRun(ReportFrequency frequency) {
        ZoneId zone = settings.timeZone();
        return frequency.nextRun(ZonedDateTime.now(clock), properties.sendAt(), zone).toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.timeZone()));
    }

    private long me() {
        return actor.userId().orElseThrow(() -> new ApiError(org.springframework.http.HttpStatus.FORBIDDEN, "report.no-account",
                "Forbidden", "Reports are subscribed to by a signed-in account.", java.util.Map.of()));
    }

    private static String language(Locale locale) {
        return locale != null && locale.getLanguage().equals("ur") ? "ur" : "en";
    }

    private record Checked(String name, String scope, Long scopeId, String[] recipients) {
    }

    private Checked check(SubscriptionForm form, long owner, Locale locale) {
        if (form == null) {
            throw ApiError.invalid("name", "a name is required", "problem.report.name");
        }
        List<ApiError.FieldProblem> problems = new ArrayList<>();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(ApiError.FieldProblem.saying("name", "a name of 1 to 200 characters is required", "problem.report.name"));
        }
        String scope = form.scope() == null ? "" : form.scope().strip().toLowerCase(Locale.ROOT);
        if (!SCOPES.contains(scope)) {
            problems.add(ApiError.FieldProblem.saying("scope", "the scope is one of " + String.join(", ", SCOPES), "problem.report.scope"));
        } else if (scope.equals("program") != (form.scopeId() == null)) {
            problems.add(scope.equals("program")
                    ? ApiError.FieldProblem.saying("scopeId", "the program's scorecard names no record", "problem.report.scope-id-none")
                    : ApiError.FieldProblem.saying("scopeId", "say which " + scope + " the scorecard is of", "problem.report.scope-id"));
        }
        if (form.frequency() == null) {
            problems.add(ApiError.FieldProblem.saying("frequency", "the frequency is WEEKLY, MONTHLY or QUARTERLY", "problem.report.frequency"));
        }
        List<String> recipients = recipients(form.recipients(), problems);
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        // checked as the owner, whose scorecard it will be: a partner user only its own partner, never the program's
        try {
            runAs.user(owner, () -> renderer.subject(scope, form.scopeId(), locale));
        } catch (RunAs.AccountUnavailable e) {
            throw ApiError.conflict("report.owner-unavailable", "The account that owns this report is switched off or gone, so its "
                    + "scorecard can no longer be made; delete the report and make a new one.");
        } catch (ApiError e) {
            if (e.status().value() == 404) {
                throw ApiError.invalid("scopeId", "there is no " + scope + " with id " + form.scopeId() + " that the subscription's owner may see",
                        "problem.report.scope-unknown", form.scopeId());
            }
            throw e;
        }
        return new Checked(name, scope, form.scopeId(), recipients.toArray(String[]::new));
    }

    private List<String> recipients(List<String> given, List<ApiError.FieldProblem> problems) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> addresses = new ArrayList<>();
        for (String value : given == null ? List.<String>of() : given) {
            // one field of a form may hold several, separated by commas, semicolons or line breaks
            for (String part : value == null ? new String[0] : value.split("[,;\\s]+")) {
                String address = part.strip();
                if (address.isEmpty()) {
                    continue;
                }
                if (!isAddress(address)) {
                    problems.add(ApiError.FieldProblem.saying("recipients", "'" + address + "' is not an e-mail address",
                            "problem.report.recipient", address));
                    return List.of();
                }
                if (seen.add(address.toLowerCase(Locale.ROOT))) {
                    addresses.add(address);
                }
            }
        }
        if (addresses.isEmpty()) {
            problems.add(ApiError.FieldProblem.saying("recipients", "at least one e-mail address is required", "problem.report.recipients"));
        } else if (addresses.size() > properties.maxRecipients()) {
            problems.add(ApiError.FieldProblem.saying("recipients", "at most " + properties.maxRecipients() + " recipients",
                    "problem.report.recipients-many", properties.maxRecipients()));
        }
        return addresses;
    }

    static boolean isAddress(String address) {
        if (address.length() > 254 || address.indexOf('@') < 1 || address.indexOf('@') == address.length() - 1
                || address.contains("<") || address.contains("\"")) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return address.substring(address.indexOf('@') + 1).contains(".") || address.endsWith("@localhost");
        } catch (AddressException e) {
            return false;
        }
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        Timestamp lastSent = rs.getTimestamp("last_sent_at");
        return new Subscription(rs.getLong("id"), rs.getString("name"), rs.getString("scope"), (Long) rs.getObject("scope_id"),
                rs.getString("subject"), ReportFrequency.valueOf(rs.getString("frequency")), texts(rs.getArray("recipients")),
                rs.getString("locale"), rs.getLong("owner_id"), rs.getString("owner"), rs.getBoolean("active"),
                rs.getTimestamp("next_run_at").toInstant(), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"), rs.getString("last_status"), lastSent == null ? null : lastSent.toInstant());
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Delivery(rs.getLong("id"), rs.getLong("subscription_id"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), texts(rs.getArray("recipients")), rs.getString("status"),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"), rs.getString("via"),
                rs.getString("file_name"), (Integer) rs.getObject("size"), rs.getString("requested_by"),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
