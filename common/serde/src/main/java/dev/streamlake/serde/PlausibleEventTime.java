package dev.streamlake.serde;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The cleansing rule every job's events share: an event time no source of this era can have
 * produced (before the year 2000, or further in the future of the ingestion clock than the allowed
 * skew) makes the event a dead letter.
 */
public final class PlausibleEventTime implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No event of this project's sources is from before this time. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final Duration maxFuture;
    private final Clock clock;

    public PlausibleEventTime(Duration maxFuture, Clock clock) {
        this.maxFuture = maxFuture;
        this.clock = clock;
    }

    /** Why the time is impossible, or empty if it is plausible. */
    public Optional<String> violation(Instant ts) {
        if (ts.isBefore(EARLIEST)) {
            return Optional.of("the event time " + ts + " is before " + EARLIEST);
        }
        Instant latest = clock.instant().plus(maxFuture);
        if (ts.isAfter(latest)) {
            return Optional.of("the event time " + ts + " is more than " + maxFuture + " in the future");
        }
        return Optional.empty();
    }
}
