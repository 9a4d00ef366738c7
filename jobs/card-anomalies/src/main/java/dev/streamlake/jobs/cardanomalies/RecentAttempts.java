package dev.streamlake.jobs.cardanomalies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A card's latest attempts (time, authorisation id, approved) in processing order, as far back as
 * the longest window that counts them: the state of velocity counts and recent counts.
 */
final class RecentAttempts {

    long[] times;
    String[] ids;
    boolean[] approved;
    int size;

    RecentAttempts() {
        this(4);
    }

    RecentAttempts(int capacity) {
        times = new long[capacity];
        ids = new String[capacity];
        approved = new boolean[capacity];
    }

    void add(long ts, String id, boolean wasApproved) {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            ids = Arrays.copyOf(ids, capacity);
            approved = Arrays.copyOf(approved, capacity);
        }
        times[size] = ts;
        ids[size] = id;
        approved[size] = wasApproved;
        size++;
    }

    /** Drops the attempts before the given time. */
    void forgetBefore(long ts) {
        int first = 0;
        while (first < size && times[first] < ts) {
            first++;
        }
        if (first > 0) {
            System.arraycopy(times, first, times, 0, size - first);
            System.arraycopy(ids, first, ids, 0, size - first);
            System.arraycopy(approved, first, approved, 0, size - first);
            Arrays.fill(ids, size - first, size, null);
            size -= first;
        }
    }

    /** How many attempts (declined ones only, if asked) at or after the given time. */
    int countSince(long start, boolean declinedOnly) {
        int count = 0;
        for (int i = size - 1; i >= 0 && times[i] >= start; i--) {
            if (!declinedOnly || !approved[i]) {
                count++;
            }
        }
        return count;
    }

    /** The ids of those attempts, oldest first. */
    List<String> idsSince(long start, boolean declinedOnly) {
        int first = size;
        while (first > 0 && times[first - 1] >= start) {
            first--;
        }
        List<String> selected = new ArrayList<>(size - first);
        for (int i = first; i < size; i++) {
            if (!declinedOnly || !approved[i]) {
                selected.add(ids[i]);
            }
        }
        return selected;
    }

    RecentAttempts copy() {
        RecentAttempts copy = new RecentAttempts(Math.max(size, 1));
        for (int i = 0; i < size; i++) {
            copy.add(times[i], ids[i], approved[i]);
        }
        return copy;
    }
}
