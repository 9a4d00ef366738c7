package dev.streamlake.core.join;

import java.util.ArrayList;
import java.util.List;

/**
 * What the {@link AsOfJoinFunction} keeps per key besides its versions: the left records waiting
 * for the watermark and the key's two timers, as one value, so that a record or a timer reads and
 * writes it once. These were four states before (the records, their count and the two timers):
 * with the versions, a review cost up to five lookups in the heap backend's maps (a third of the
 * join's time at 10^6 users, the benchmark's P segment) and as many reads and writes with RocksDB.
 * The versions are a value of their own: a review arriving does not need them, so with RocksDB it
 * does not read and write the key's rows.
 *
 * <p>A waiting record is never changed once made; only the list and the timers are, which is
 * what lets {@link AsOfKeyStateSerializer#copy} share the records.
 *
 * @param <L> the left record
 */
public final class AsOfKeyState<L> {

    /** No timer is set. */
    static final long NONE = Long.MIN_VALUE;

    /** The left records waiting for the watermark, by event time, then in arrival order. */
    final List<Waiting<L>> waiting;
    /** The time of the key's expiry timer (event time) while it has versions; it rolls on to the newest version's expiry. */
    long expiryTimer = NONE;
    /** The time of the key's pending wait-bound timer (processing time), which may outlive the records it was for. */
    long waitTimer = NONE;

    AsOfKeyState() {
        this(new ArrayList<>(1));
    }

    AsOfKeyState(List<Waiting<L>> waiting) {
        this.waiting = waiting;
    }

    /** Puts the record after every waiting one at or before its time. */
    void await(Waiting<L> record) {
        int at = waiting.size();
        while (at > 0 && waiting.get(at - 1).time > record.time) {
            at--;
        }
        waiting.add(at, record);
    }

    /** Whether nothing is left to keep: no waiting record, and no versions (their expiry timer is not set). */
    boolean isEmpty() {
        return waiting.isEmpty() && expiryTimer == NONE;
    }

    /**
     * A left record waiting for the watermark to pass its event time.
     *
     * @param <L> the left record
     */
    public static final class Waiting<L> {

        /** Its event time. */
        final long time;
        /** The processing time it arrived at, for the wait bound. */
        final long arrivedAt;
        final L record;

        Waiting(long time, long arrivedAt, L record) {
            this.time = time;
            this.arrivedAt = arrivedAt;
            this.record = record;
        }
    }
}
