package dev.streamlake.core.state;

import java.util.Arrays;

/**
 * Event times at which keys have something due, earliest first: a plain binary heap of times and
 * keys, in place of one Flink timer per key and time where the benchmark shows the timer queue's
 * cost (it de-duplicates every timer in a hash map per key group and keeps a heap per key group
 * plus one over them). For an operator that holds its keys' state in memory ({@link
 * HeldKeyedState}): it is not checkpointed, so the operator lists its keys' deadlines again from
 * their state after a restore ({@link HeldKeyedState#forEachStored}).
 *
 * <p>A key may be listed more than once, at one time or at several: whoever acts on a deadline
 * looks at the key's state to see what is due, so a deadline listed twice or outdated does no
 * harm.
 *
 * @param <K> the key
 */
public final class KeyDeadlines<K> {

    private long[] times = new long[64];
    private Object[] keys = new Object[64];
    private int size;

    /** Lists the key at this time. */
    public void add(long time, K key) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        int at = size++;
        // sift up
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (times[parent] <= time) {
                break;
            }
            times[at] = times[parent];
            keys[at] = keys[parent];
            at = parent;
        }
        times[at] = time;
        keys[at] = key;
    }

    /** Removes and returns the key of the earliest deadline if it is at or before the watermark; null if none is due. */
    @SuppressWarnings("unchecked")
    public K pollDue(long watermark) {
        if (size == 0 || times[0] > watermark) {
            return null;
        }
        K due = (K) keys[0];
        size--;
        long time = times[size];
        Object key = keys[size];
        keys[size] = null;
        if (size > 0) {
            // sift the last one down from the root
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && times[child + 1] < times[child]) {
                    child++;
                }
                if (times[child] >= time) {
                    break;
                }
                times[at] = times[child];
                keys[at] = keys[child];
                at = child;
            }
            times[at] = time;
            keys[at] = key;
        }
        return due;
    }

    /** How many deadlines are listed, outdated ones included. */
    public int size() {
        return size;
    }
}
