package io.partnerpulse.deal;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces the stage moves of deals that were written around this module's aggregate (an import
 * that updates deals it already holds, with set-based SQL) the way {@code OpportunityWorkflow}
 * announces its own: a deal won, lost or reopened publishes the same events, inside the caller's
 * transaction, so that webhooks are queued and commission accrues or is reversed only if it commits.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class StageMoveAnnouncer {

    /**
     * A deal that moved from {@code from} to {@code to}, as it is now: its partner, amount and
     * currency, when it closed (null while open), and why it was lost.
     */
    public record Move(long opportunityId, Long partnerId, Stage from, Stage to, BigDecimal amount, String currency,
                       Instant closedAt, String lostReason, String competitor) {
    }

    private final ApplicationEventPublisher events;

    StageMoveAnnouncer(ApplicationEventPublisher events) {
        this.events = events;
    }

    /**
     * Publishes the events of one move: a closed deal that left its stage was reopened (which reverses
     * its commission, if won), a deal that closed was won or lost (as of its close time). A won deal
     * that became lost is both. Moves between open stages announce only the stage change.
     *
     * @param at when the move was made (a reopening's time), {@code by} who made it
     */
    public void announce(Move move, Instant at, String by) {
        if (move.from() == move.to()) {
            return;
        }
        Instant when = move.to().isClosed() ? move.closedAt() : at;
        events.publishEvent(new DealEvents.OpportunityStageChanged(move.opportunityId(), move.from(), move.to(), when, by));
        if (move.from().isClosed()) {
            events.publishEvent(new DealEvents.DealReopened(move.opportunityId(), move.partnerId(), move.from(), at));
        }
        if (move.to() == Stage.WON) {
            events.publishEvent(new DealEvents.DealWon(move.opportunityId(), move.partnerId(), move.amount(), move.currency(), when));
        } else if (move.to() == Stage.LOST) {
            events.publishEvent(new DealEvents.DealLost(move.opportunityId(), move.partnerId(), move.lostReason(), move.competitor(), when));
        }
    }
}
