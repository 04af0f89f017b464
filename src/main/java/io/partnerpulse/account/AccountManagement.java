package io.partnerpulse.account;

import static io.partnerpulse.account.AccountRecords.*;

import java.util.HashMap;
import java.util.Map;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.RecordTable;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customer accounts. */
@Service
@Transactional
public class AccountManagement {

    private final RecordTable<AccountView> accounts;
    private final References references;
    private final AuditTrail audit;
    private final CurrentActor actor;

    AccountManagement(JdbcClient jdbc, References references, AuditTrail audit, CurrentActor actor) {
        this.accounts = new RecordTable<>(jdbc, "account", """
                select a.id, a.external_id, a.name, a.sector, a.country, a.region, a.city, a.employees, a.annual_revenue,
                       a.year_established, a.parent_account_id, a.version from customer_account a""", "a.id",
                (rs, n) -> new AccountView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) == null ? null : rs.getString(5).trim(), rs.getString(6), rs.getString(7),
                        (Integer) rs.getObject(8), rs.getBigDecimal(9), (Integer) rs.getObject(10), (Long) rs.getObject(11), rs.getLong(12))).audited(this::audit);
        this.references = references;
        this.audit = audit;
        this.actor = actor;
    }

    public AccountView create(AccountForm form) {
        check(form, null);
        return accounts.create("""
                insert into customer_account (external_id, name, sector, country, region, city, employees, annual_revenue,
                                              year_established, parent_account_id)
                values (:externalId, :name, :sector, :country, :region, :city, :employees, :revenue, :year, :parent) returning id""",
                params(form));
    }

    public AccountView edit(long id, AccountForm form, long version) {
        check(form, id);
        return accounts.edit(id, version, """
                update customer_account set external_id = :externalId, name = :name, sector = :sector, country = :country,
                       region = :region, city = :city, employees = :employees, annual_revenue = :revenue,
                       year_established = :year, parent_account_id = :parent, version = version + 1
                where id = :id and version = :version""", params(form));
    }

    @Transactional(readOnly = true)
    public AccountView get(long id) {
        return accounts.get(id);
    }

    @Transactional(readOnly = true)
    public Page<AccountView> list(String sector, String country, String q, String sort, int page, int size) {
        return accounts.list(query -> query.where("a.sector = :sector", "sector", sector).where("a.country = :country", "country", country)
                        .search("a.name", q),
                sort, Map.of("name", "a.name", "employees", "a.employees", "annualRevenue", "a.annual_revenue"), "a.name", page, size);
    }

    private void check(AccountForm form, Long id) {
        references.check().country("country", form.country()).exists("parentAccountId", Kind.ACCOUNT, form.parentAccountId())
                .rule(id == null || !id.equals(form.parentAccountId()), "parentAccountId", "an account cannot be its own parent", "problem.account.own-parent")
                .orThrow();
    }

    private static Map<String, Object> params(AccountForm form) {
        Map<String, Object> p = new HashMap<>();
        p.put("externalId", form.externalId());
        p.put("name", form.name().trim());
        p.put("sector", form.sector());
        p.put("country", form.country());
        p.put("region", form.region());
        p.put("city", form.city());
        p.put("employees", form.employees());
        p.put("revenue", form.annualRevenue());
        p.put("year", form.yearEstablished());
        p.put("parent", form.parentAccountId());
        return p;
    }

    private void audit(String action, String entity, long id, Object before, Object after) {
        audit.record(actor.name(), action, entity, id, before, after);
    }
}
