package dev.streamlake.jobs.sensorstats;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The event-time windows of the job: tumbling, or hopping when a slide is given. */
public final class WindowSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Duration size;
    private final Duration slide;
    private final Duration allowedLateness;

    private WindowSpec(Duration size, Duration slide, Duration allowedLateness) {
        this.size = Objects.requireNonNull(size, "size");
        this.slide = slide;
        this.allowedLateness = Objects.requireNonNull(allowedLateness, "allowedLateness");
        if (size.isZero() || size.isNegative()) {
            throw new IllegalArgumentException("window size must be positive: " + size);
        }
        if (slide != null && (slide.isZero() || slide.isNegative() || slide.compareTo(size) > 0)) {
            throw new IllegalArgumentException("window slide must be positive and at most the size: " + slide);
        }
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must not be negative: " + allowedLateness);
        }
    }

    public static WindowSpec tumbling(Duration size, Duration allowedLateness) {
        return new WindowSpec(size, null, allowedLateness);
    }

    public static WindowSpec hopping(Duration size, Duration slide, Duration allowedLateness) {
        return new WindowSpec(size, Objects.requireNonNull(slide, "slide"), allowedLateness);
    }

    public Duration size() {
        return size;
    }

    public Optional<Duration> slide() {
        return Optional.ofNullable(slide);
    }

    public Duration allowedLateness() {
        return allowedLateness;
    }

    @Override
    public String toString() {
        return (slide == null ? "tumbling " + size : "hopping " + size + " every " + slide)
                + ", allowed lateness " + allowedLateness;
    }
}
