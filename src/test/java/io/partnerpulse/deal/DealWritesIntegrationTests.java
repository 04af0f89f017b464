package io.partnerpulse.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a deal's write reaches the database: its row and its stage changes in one statement, and a
 * move between open stages as an update in place (PostgreSQL's "HOT" update, V13), which adds no
 * entry to any of the deal's indexes. Each test runs in a transaction that is rolled back, and
 * compares PostgreSQL's counts of updated rows before and after a write.
 */
@PartnerPulseIntegrationTest
class DealWritesIntegrationTests {

    @Autowired
    OpportunityManagement opportunities;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMoveBetweenOpenStagesUpdatesTheDealInPlace() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            OpportunityView deal = opportunities.open(form());
            // differences: the counts can still hold earlier transactions of the same connection, not yet reported
            long inPlace = count("pg_stat_get_xact_tuples_hot_updated");
            long updated = count("pg_stat_get_xact_tuples_updated");
            OpportunityView moved = opportunities.move(deal.id(), new StageRequests.Move(Stage.PROPOSAL, null, null), deal.version());
            assertThat(moved.stage()).isEqualTo(Stage.PROPOSAL);
            assertThat(count("pg_stat_get_xact_tuples_hot_updated") - inPlace)
                    .as("no indexed column changed and the page had room: no index entries added").isEqualTo(1);
            OpportunityView won = opportunities.win(deal.id(), new StageRequests.Win(null, null, null), moved.version());
            assertThat(won.closedAt()).isNotNull();
            assertThat(count("pg_stat_get_xact_tuples_updated") - updated).isEqualTo(2);
            assertThat(count("pg_stat_get_xact_tuples_hot_updated") - inPlace).as("closing sets closed_at, which is indexed").isEqualTo(1);
        });
    }

    @Test
    void aDealsStageChangesAreWrittenWithItsRowAndNotForAStaleVersion() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            OpportunityView deal = opportunities.open(form());
            assertThat(opportunities.history(deal.id())).extracting(StageChangeView::fromStage, StageChangeView::toStage)
                    .containsExactly(tuple(null, Stage.PROSPECTING));
            OpportunityView moved = opportunities.move(deal.id(), new StageRequests.Move(Stage.QUALIFICATION, null, null), deal.version());
            assertThatThrownBy(() -> opportunities.move(deal.id(), new StageRequests.Move(Stage.PROPOSAL, null, null), deal.version()))
                    .isInstanceOf(ApiError.class).extracting(e -> ((ApiError) e).status().value()).isEqualTo(409);
            opportunities.lose(deal.id(), new StageRequests.Lose("price", "Rival", null, null), moved.version());
            assertThat(opportunities.history(deal.id())).extracting(StageChangeView::fromStage, StageChangeView::toStage).containsExactly(
                    tuple(null, Stage.PROSPECTING),
                    tuple(Stage.PROSPECTING, Stage.QUALIFICATION),
                    tuple(Stage.QUALIFICATION, Stage.LOST));
        });
    }

    private long count(String function) {
        return jdbc.sql("select " + function + "('opportunity'::regclass)").query(Long.class).single();
    }

    private static OpportunityForm form() {
        return new OpportunityForm(null, Fixtures.unique("Written deal"), new BigDecimal("1200.00"), "USD", null, null, null, null,
                null, null, null, null, null, null, null, null);
    }
}
