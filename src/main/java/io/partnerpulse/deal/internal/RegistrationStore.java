package io.partnerpulse.deal.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.partnerpulse.deal.RegistrationOutcome;
import io.partnerpulse.deal.RegistrationProperties;
import io.partnerpulse.deal.RegistrationRequests;
import io.partnerpulse.deal.RegistrationView;
import io.partnerpulse.shared.ApiError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The registration rules that touch the database: conflict detection under a lock, and decisions. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class RegistrationStore {

    private final RegistrationRepository registrations;
    private final JdbcClient jdbc;

    RegistrationStore(RegistrationRepository registrations, JdbcClient jdbc) {
        this.registrations = registrations;
        this.jdbc = jdbc;
    }

    public RegistrationView submit(RegistrationRequests.Submit r, Instant now, RegistrationProperties rules) {
        registrations.lockClaim(r.accountId(), r.customerName(), r.productLineId());
        Optional<RegistrationView> otherRegistration = registrations.conflictingRegistration(r.partnerId(), r.accountId(),
                r.customerName(), r.productLineId(), now.minus(rules.conflictWindow()));
        Optional<Long> otherOpportunity = otherRegistration.isPresent() ? Optional.empty()
                : r.opportunityId() != null ? Optional.empty()
                : registrations.conflictingOpportunity(r.partnerId(), r.accountId(), r.productLineId());
        boolean conflict = otherRegistration.isPresent() || otherOpportunity.isPresent();
        String reason = otherRegistration.map(o -> ConflictReasons.registered(r.customerName().trim(), o.partnerId(), o.id(), o.outcome()))
                .orElseGet(() -> otherOpportunity.map(o -> ConflictReasons.openDeal(r.customerName().trim(), o)).orElse(null));
        boolean reject = conflict && rules.conflictRule() == RegistrationProperties.ConflictRule.REJECT;
        RegistrationView draft = new RegistrationView(0, r.externalId(), r.partnerId(), r.opportunityId(), r.leadId(), r.accountId(),
                r.productLineId(), r.customerName().trim(), r.estimatedAmount(), r.currency(), now, now.plus(rules.expiry()),
                reject ? now : null, reject ? "system" : null, reject ? RegistrationOutcome.REJECTED : RegistrationOutcome.PENDING,
                reason, otherRegistration.map(RegistrationView::id).orElse(null), otherOpportunity.orElse(null),
                conflict && !reject, 0);
        long id = registrations.insert(draft);
        return registrations.find(id).orElseThrow();
    }

    /** The employee who manages the partner, if any. */
    public Long partnerManager(long partnerId) {
        return jdbc.sql("select partner_manager_id from partner where id = :p").param("p", partnerId).query(Long.class).optional().orElse(null);
    }

    public Optional<RegistrationView> lock(long id) {
        return registrations.lock(id);
    }

    public List<RegistrationView> lockExpired(Instant now, int limit) {
        return registrations.lockExpired(now, limit);
    }

    public boolean approvedFor(long opportunityId) {
        return jdbc.sql("select exists (select 1 from deal_registration where opportunity_id = :o and outcome = 'APPROVED')")
                .param("o", opportunityId).query(Boolean.class).single();
    }

    public void edit(RegistrationView current, long version, io.partnerpulse.deal.RegistrationRequests.Edit edit) {
        int rows = jdbc.sql("""
                update deal_registration set customer_name = :customer, account_id = :account, product_line_id = :product,
                       estimated_amount = :amount, currency = :currency, version = version + 1
                where id = :id and version = :version and outcome = 'PENDING'""")
                .param("customer", edit.customerName().trim()).param("account", edit.accountId()).param("product", edit.productLineId())
                .param("amount", edit.estimatedAmount()).param("currency", edit.currency()).param("id", current.id())
                .param("version", version).update();
        if (rows == 0) {
            throw ApiError.staleVersion("registration", current.id(), version);
        }
    }

    public void decide(RegistrationView current, long version, RegistrationOutcome outcome, Instant at, String by, String reason,
                       Long opportunityId) {
        if (!registrations.decide(current.id(), version, outcome, at, by, reason, opportunityId)) {
            throw ApiError.staleVersion("registration", current.id(), version);
        }
    }
}
