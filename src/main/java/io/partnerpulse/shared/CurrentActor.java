package io.partnerpulse.shared;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is making the current request: the name the audit log and stage history record, and, for a
 * partner user, the one partner whose data the request may see. Every module that serves partner
 * data asks this before it answers, so that a partner never sees another partner's rows.
 */
@Component
public class CurrentActor {

    public String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return "system";
        }
        return auth.getPrincipal() instanceof ActorPrincipal actor ? actor.actorName() : auth.getName();
    }

    /** The signed-in account's id; empty for the system (scheduled work) and for principals that are no account. */
    public Optional<Long> userId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ActorPrincipal actor ? Optional.ofNullable(actor.userId()) : Optional.empty();
    }

    /** The partner the current user is confined to, if it is a partner user. */
    public Optional<Long> partner() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ActorPrincipal actor ? Optional.ofNullable(actor.partnerId()) : Optional.empty();
    }

    /**
     * The partners a list may show: for a partner user only its own (asking for another's is a 403);
     * for everyone else what was asked.
     */
    public List<Long> partnerFilter(List<Long> requested) {
        Optional<Long> own = partner();
        if (own.isEmpty()) {
            return requested;
        }
        // a blank value in the list ({@code ?partnerId=+}) binds as null: it asks for no partner in particular
        if (requested != null && requested.stream().anyMatch(id -> id != null && !id.equals(own.get()))) {
            throw otherPartnerRefused();
        }
        return List.of(own.get());
    }

    /** A partner user may only touch records of its own partner; others' look as if they did not exist. */
    public void requireOwn(Long partnerId, String entity, Object id) {
        Optional<Long> own = partner();
        if (own.isPresent() && !own.get().equals(partnerId)) {
            throw ApiError.notFound(entity, id);
        }
    }

    /** A manager's scope: the employees of one business unit or one department. */
    public record OrgScope(Long businessUnitId, Long departmentId) {

        /** SQL that is true when the employee in {@code column} is in the scope (binds :scopeUnit and :scopeDepartment). */
        public static String ownerIn(String column) {
            return column + " in (select e.id from employee e join department d on d.id = e.department_id"
                    + " where (cast(:scopeUnit as bigint) is null or d.business_unit_id = :scopeUnit)"
                    + " and (cast(:scopeDepartment as bigint) is null or e.department_id = :scopeDepartment))";
        }
    }

    /** The organizational scope of a scoped manager or analyst; empty for everyone else. */
    public Optional<OrgScope> orgScope() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ActorPrincipal actor
                && (actor.businessUnitId() != null || actor.departmentId() != null)) {
            return Optional.of(new OrgScope(actor.businessUnitId(), actor.departmentId()));
        }
        return Optional.empty();
    }

    /** Refuses the operation to partner users. */
    public void requireStaff() {
        if (partner().isPresent()) {
            throw otherPartnerRefused();
        }
    }

    /** The 403 a partner user gets for asking for another partner's data (or for staff work). */
    public static ApiError otherPartnerRefused() {
        return new ApiError(HttpStatus.FORBIDDEN, "partner.forbidden", "Forbidden",
                "A partner user sees only its own partner's data.", Map.of());
    }
}
