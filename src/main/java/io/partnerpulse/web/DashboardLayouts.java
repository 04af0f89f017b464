package io.partnerpulse.web;

import java.util.List;

import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's arrangement of the dashboard: the KPI cards and charts it shows, in their order, and
 * whether it shows the follow-ups due and the plan. Someone who never arranged it sees everything in
 * the standard order.
 */
@Service
@Transactional
public class DashboardLayouts {

    /** The KPI cards, in the standard order (their keys are the cards'). */
    public static final List<String> CARDS = List.of("averageDealSize", "dealCount", "pipeline", "channels", "closeRate", "velocity",
            "qualityScore", "dealSuccess");
    /** The charts, in the standard order. */
    public static final List<String> CHARTS = List.of("revenue", "funnel", "channels", "velocity", "location", "seasonality");

    /** What a dashboard shows; {@code standard} when its reader never arranged it. */
    public record Layout(List<String> cards, List<String> charts, boolean followUps, boolean plan, boolean standard) {

        static final Layout STANDARD = new Layout(CARDS, CHARTS, true, true, true);
    }

    private final JdbcClient jdbc;
    private final CurrentActor actor;

    DashboardLayouts(JdbcClient jdbc, CurrentActor actor) {
        this.jdbc = jdbc;
        this.actor = actor;
    }

    @Transactional(readOnly = true)
    public Layout mine() {
        return actor.userId().flatMap(me -> jdbc.sql("select cards, charts, follow_ups, plan from dashboard_layout where user_id = ?").params(me)
                .query((rs, n) -> new Layout(known(rs.getArray(1), CARDS), known(rs.getArray(2), CHARTS), rs.getBoolean(3), rs.getBoolean(4), false))
                .optional()).orElse(Layout.STANDARD);
    }

    /** Keeps the signed-in person's arrangement: only cards and charts the dashboard has, each once, in the order given. */
    public Layout save(List<String> cards, List<String> charts, boolean followUps, boolean plan) {
        long me = actor.userId().orElseThrow(() -> ApiError.invalid("user", "a dashboard is arranged by a signed-in person"));
        List<String> keptCards = cards.stream().filter(CARDS::contains).distinct().toList();
        List<String> keptCharts = charts.stream().filter(CHARTS::contains).distinct().toList();
        jdbc.sql("""
                        insert into dashboard_layout (user_id, cards, charts, follow_ups, plan) values (?, ?, ?, ?, ?)
                        on conflict (user_id) do update set cards = excluded.cards, charts = excluded.charts, follow_ups = excluded.follow_ups,
                                                            plan = excluded.plan, updated_at = now()""")
                .params(me, keptCards.toArray(String[]::new), keptCharts.toArray(String[]::new), followUps, plan).update();
        return mine();
    }

    /** Back to everything in the standard order. */
    public void reset() {
        actor.userId().ifPresent(me -> jdbc.sql("delete from dashboard_layout where user_id = ?").params(me).update());
    }

    /** The stored keys the dashboard still has (one a later version dropped is left out). */
    private static List<String> known(java.sql.Array stored, List<String> all) throws java.sql.SQLException {
        return java.util.Arrays.stream((String[]) stored.getArray()).filter(all::contains).toList();
    }
}
