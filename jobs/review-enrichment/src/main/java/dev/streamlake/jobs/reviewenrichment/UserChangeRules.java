package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.events.UserChange;
import dev.streamlake.serde.EventRule;
import dev.streamlake.serde.PlausibleEventTime;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What makes a well-formed change of the users table unusable: a source time (the version's event
 * time) no database can have given it. The Debezium format itself rejects malformed envelopes,
 * unknown ops and changes without a key.
 */
public final class UserChangeRules implements EventRule<UserChange> {

    private static final long serialVersionUID = 1L;

    private final PlausibleEventTime eventTime;

    public UserChangeRules(Duration maxFuture) {
        this(maxFuture, Clock.systemUTC());
    }

    UserChangeRules(Duration maxFuture, Clock clock) {
        this.eventTime = new PlausibleEventTime(maxFuture, clock);
    }

    @Override
    public Optional<String> violation(UserChange change) {
        return eventTime.violation(change.getSourceTs());
    }
}
