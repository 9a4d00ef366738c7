package dev.streamlake.core.generator;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * What an {@link EventRecipe} gets to make the event at one index: the index, its event time,
 * its key, and random streams that depend on the generator's seed and this index (or key) only.
 */
public final class EventDraw {

    private final long seed;
    private final long index;
    private final Instant eventTime;
    private final int key;

    EventDraw(long seed, long index, Instant eventTime, int key) {
        this.seed = seed;
        this.index = index;
        this.eventTime = eventTime;
        this.key = key;
    }

    public long index() {
        return index;
    }

    public Instant eventTime() {
        return eventTime;
    }

    /** The key of the event, from 0 to the number of keys minus 1. */
    public int key() {
        return key;
    }

    /** Random values of this event; a new stream at every call, always starting the same. */
    public SplittableRandom random() {
        return SeededRandom.PAYLOAD.at(seed, index);
    }

    /**
     * Random values shared by every event of this key, for per-key constants such as a sensor's
     * site or base level; a new stream at every call, always starting the same.
     */
    public SplittableRandom keyRandom() {
        return SeededRandom.KEY_PROFILE.at(seed, key);
    }
}
