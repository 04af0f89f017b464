package io.partnerpulse.recommendation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One thing to do, with why.
 *
 * @param kind           the rule, e.g. {@code deal-success-review}
 * @param scope          partner, employee, department, unit or program
 * @param scopeId        its id (none for the program)
 * @param subject        what it is about when that is narrower than the scope (a partner of the program, a channel type, a product line)
 * @param kpi            the KPI that triggered it
 * @param value          the KPI's value that triggered it
 * @param comparison     what it was compared with: PEER_QUARTILE, OWN_TREND, TARGET, SEASON, PREVIOUS_PERIOD, PEERS, SPEND (a fund's return against what was paid) or RAMP (the days since a partner joined against the ramp-up allowed)
 * @param evidence       the numbers behind the comparison
 * @param severity       HIGH, MEDIUM or INFO
 * @param title          what was found, in the reader's language
 * @param action         the suggested action
 * @param expectedImpact an estimate in the organization's currency of what acting on it is worth, for ranking
 */
public record Recommendation(String kind, String scope, Long scopeId, String subject, String kpi, BigDecimal value, String comparison,
                             Map<String, Object> evidence, Severity severity, String title, String action, BigDecimal expectedImpact) {

    public enum Severity { HIGH, MEDIUM, INFO }
}
