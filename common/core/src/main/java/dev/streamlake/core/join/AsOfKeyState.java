package dev.streamlake.core.join;

import java.util.ArrayList;
import java.util.List;

/**
 * All the {@link AsOfJoinOperator} keeps of one key, as one value: its versions, the left records
 * waiting for the watermark, its expiry and its wait-bound timer. The operator holds a key's value
 * in memory while it works on the key and writes it to keyed state before each checkpoint barrier
 * ({@link dev.streamlake.core.state.HeldKeyedState}), so one value costs one read and one write
 * per key and checkpoint interval at most.
 *
 * <p>Neither a version nor a waiting record is ever changed once made; only the lists and the
 * times are, which is what lets {@link AsOfKeyStateSerializer#copy} share them.
 *
 * @param <K> the key
 * @param <L> the left record
 * @param <V> the row
 */
public final class AsOfKeyState<K, L, V> {

    /** No time is set. */
    static final long NONE = Long.MIN_VALUE;

    /** The key's versions by valid-from, oldest first; empty when it has none. */
    final List<RowVersion<K, V>> versions;
    /** The left records waiting for the watermark, by event time, then in arrival order. */
    final List<Waiting<L>> waiting;
    /** The time of the key's expiry timer (event time) while it has versions; it rolls on to the newest version's expiry. */
    long expiry = NONE;
    /** The time of the key's pending wait-bound timer (processing time), which may outlive the records it was for. */
    long waitTimer = NONE;
    /**
     * Not written: whether the state backend holds the key with these versions and times and no
     * waiting record, as it does after it was read back or written without one. While it does, a
     * record that comes and goes before the next write leaves nothing to write (with RocksDB, a
     * write of the key's rows saved per record).
     */
    transient boolean storedAsIs;

    AsOfKeyState() {
        this(new ArrayList<>(2), new ArrayList<>(1));
    }

    AsOfKeyState(List<RowVersion<K, V>> versions, List<Waiting<L>> waiting) {
        this.versions = versions;
        this.waiting = waiting;
    }

    /** Puts the record after every waiting one at or before its time; returns whether it is now the first. */
    boolean await(Waiting<L> record) {
        int at = waiting.size();
        while (at > 0 && waiting.get(at - 1).time > record.time) {
            at--;
        }
        waiting.add(at, record);
        return at == 0;
    }

    /** Whether nothing is left to keep: no waiting record and no version. */
    boolean isEmpty() {
        return waiting.isEmpty() && versions.isEmpty();
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
