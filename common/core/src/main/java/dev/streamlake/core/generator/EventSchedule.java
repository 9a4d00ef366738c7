package dev.streamlake.core.generator;

import java.io.Serializable;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * When each record happens in event time. Record {@code i} is due at {@code start + i *
 * interval}; an on-time record's event time lies up to the maximum out-of-orderness behind that,
 * a late record's exactly the late delay behind. So a watermark that trails the largest event time
 * seen by the maximum out-of-orderness passes no on-time record, and every late record arrives
 * after its window could have closed.
 */
final class EventSchedule implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long seed;
    private final long startMillis;
    private final long intervalMillis;
    private final long maxOutOfOrdernessMillis;
    private final double lateShare;
    private final long lateDelayMillis;

    EventSchedule(GeneratorSettings settings) {
        this.seed = settings.seed();
        this.startMillis = settings.startTime().toEpochMilli();
        this.intervalMillis = settings.eventInterval().toMillis();
        this.maxOutOfOrdernessMillis = settings.maxOutOfOrderness().toMillis();
        this.lateShare = settings.lateShare();
        this.lateDelayMillis = settings.lateDelay().toMillis();
    }

    Instant dueTime(long index) {
        return Instant.ofEpochMilli(dueMillis(index));
    }

    boolean isLate(long index) {
        return drawLateness(SeededRandom.TIME.at(seed, index));
    }

    Instant eventTime(long index) {
        SplittableRandom random = SeededRandom.TIME.at(seed, index);
        long behind = drawLateness(random) ? lateDelayMillis : random.nextLong(maxOutOfOrdernessMillis + 1);
        return Instant.ofEpochMilli(dueMillis(index) - behind);
    }

    private boolean drawLateness(SplittableRandom random) {
        return random.nextDouble() < lateShare;
    }

    private long dueMillis(long index) {
        return Math.addExact(startMillis, Math.multiplyExact(index, intervalMillis));
    }
}
