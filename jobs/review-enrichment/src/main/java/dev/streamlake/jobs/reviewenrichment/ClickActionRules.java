package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.events.ClickAction;
import dev.streamlake.serde.EventRule;
import dev.streamlake.serde.PlausibleEventTime;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** What makes a well-formed click action unusable: no action or user id, or an impossible event time. */
public final class ClickActionRules implements EventRule<ClickAction> {

    private static final long serialVersionUID = 1L;

    private final PlausibleEventTime eventTime;

    public ClickActionRules(Duration maxFuture) {
        this(maxFuture, Clock.systemUTC());
    }

    ClickActionRules(Duration maxFuture, Clock clock) {
        this.eventTime = new PlausibleEventTime(maxFuture, clock);
    }

    @Override
    public Optional<String> violation(ClickAction action) {
        if (action.getActionId().isBlank()) {
            return Optional.of("the action has no action id");
        }
        if (action.getUserId().isBlank()) {
            return Optional.of("the action has no user id");
        }
        return eventTime.violation(action.getTs());
    }
}
