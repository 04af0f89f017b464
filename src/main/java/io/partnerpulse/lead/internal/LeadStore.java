package io.partnerpulse.lead.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.partnerpulse.lead.LeadForm;
import io.partnerpulse.lead.LeadView;
import io.partnerpulse.shared.ApiError;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Applies the lead aggregate's guarded methods under a row lock and a version check. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class LeadStore {

    /** A lead before and after a change. */
    public record Change(LeadView before, LeadView after) {
    }

    private final LeadRepository leads;

    LeadStore(LeadRepository leads) {
        this.leads = leads;
    }

    public LeadView create(LeadForm form, Long partnerId, Instant now) {
        long id = leads.insert(Lead.create(form, partnerId, now));
        return leads.find(id).orElseThrow();
    }

    public Change edit(long id, long version, LeadForm form) {
        return apply(id, version, lead -> lead.edit(form));
    }

    public Change qualify(long id, long version, Instant at) {
        return apply(id, version, lead -> lead.qualify(at));
    }

    public Change disqualify(long id, long version, String reason, Instant at) {
        return apply(id, version, lead -> lead.disqualify(reason, at));
    }

    public Change assign(long id, long version, long partnerId, Instant at, String by, String reason) {
        Change change = apply(id, version, lead -> lead.assign(partnerId));
        leads.recordAssignment(id, partnerId, at, by, reason);
        return change;
    }

    public Change convert(long id, long version, Instant at) {
        return apply(id, version, lead -> lead.convert(at));
    }

    public Map<Long, Integer> openLeadsByPartner() {
        return leads.openLeadsByPartner();
    }

    public List<Long> lockUnassigned(List<Long> only, int limit) {
        return leads.lockUnassigned(only, limit);
    }

    private Change apply(long id, long version, Consumer<Lead> change) {
        LeadView before = leads.find(id).orElseThrow(() -> ApiError.notFound("lead", id));
        Lead lead = leads.lock(id).orElseThrow(() -> ApiError.notFound("lead", id));
        if (lead.version() != version) {
            throw ApiError.staleVersion("lead", id, version);
        }
        change.accept(lead);
        leads.update(lead, version);
        return new Change(before, leads.find(id).orElseThrow());
    }
}
