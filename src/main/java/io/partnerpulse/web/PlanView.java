package io.partnerpulse.web;

import java.util.List;
import java.util.Locale;

import io.partnerpulse.recommendation.Recommendation;
import io.partnerpulse.recommendation.Recommendations;
import io.partnerpulse.shared.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * The recommendations a page shows for its selection: the partner's, the employee's, the
 * department's, the unit's or the program's, whichever the selection narrows to. A partner user
 * always gets its own partner's.
 */
@Component
class PlanView {

    private final Recommendations recommendations;
    private final CurrentActor actor;

    PlanView(Recommendations recommendations, CurrentActor actor) {
        this.recommendations = recommendations;
        this.actor = actor;
    }

    List<Recommendation> forSelection(Selection s, Locale locale) {
        if (actor.partner().isPresent()) {
            return recommendations.plan(Recommendations.Scope.PARTNER, actor.partner().get(), s.from(), s.to(), locale);
        }
        if (s.partnerId() != null) {
            return recommendations.plan(Recommendations.Scope.PARTNER, s.partnerId(), s.from(), s.to(), locale);
        }
        // a distributor's channel: the distributor's plan (its resellers' included)
        if (s.distributorId() != null) {
            return recommendations.plan(Recommendations.Scope.PARTNER, s.distributorId(), s.from(), s.to(), locale);
        }
        if (s.employeeId() != null) {
            return recommendations.plan(Recommendations.Scope.EMPLOYEE, s.employeeId(), s.from(), s.to(), locale);
        }
        if (s.departmentId() != null) {
            return recommendations.plan(Recommendations.Scope.DEPARTMENT, s.departmentId(), s.from(), s.to(), locale);
        }
        if (s.unitId() != null) {
            return recommendations.plan(Recommendations.Scope.UNIT, s.unitId(), s.from(), s.to(), locale);
        }
        return recommendations.plan(Recommendations.Scope.PROGRAM, null, s.from(), s.to(), locale);
    }
}
