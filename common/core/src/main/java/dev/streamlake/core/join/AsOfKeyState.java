package dev.streamlake.core.join;

import java.util.ArrayList;
import java.util.List;

/**
 * One key's state in the {@link AsOfJoinFunction}: its versions, its waiting left records and its
 * two timers, kept as one value so that a record or a timer reads and writes the key's state once.
 * Kept in five states before, a review cost five lookups in the heap backend's maps (a third of
 * the join's time at 10^6 users, the benchmark's P segment) and as many reads and writes with
 * RocksDB.
 *
 * <p>A version, its row and a waiting record are never changed once made; only the lists and
 * the timers are, which is what lets {@link AsOfKeyStateSerializer#copy} share them.
 *
 * @param <K> the key
 * @param <L> the left record
 * @param <V> the row
 */
public final class AsOfKeyState<K, L, V> {

    /** No timer is set. */
    static final long NONE = Long.MIN_VALUE;

    /** The key's versions by valid-from, oldest first. */
    final List<RowVersion<K, V>> versions;
    /** The left records waiting for the watermark, by event time, then in arrival order. */
    final List<Waiting<L>> waiting;
    /** The time of the key's expiry timer (event time), which rolls on to the newest version's expiry. */
    long expiryTimer = NONE;
    /** The time of the key's pending wait-bound timer (processing time), which may outlive the records it was for. */
    long waitTimer = NONE;

    AsOfKeyState() {
        this(new ArrayList<>(2), new ArrayList<>(1));
    }

    AsOfKeyState(List<RowVersion<K, V>> versions, List<Waiting<L>> waiting) {
        this.versions = versions;
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

    /** Whether nothing is left to keep: no version and no waiting record. */
    boolean isEmpty() {
        return versions.isEmpty() && waiting.isEmpty();
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
