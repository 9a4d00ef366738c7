package dev.streamlake.jobs.cardanomalies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A card's latest attempts (time, authorisation id, approved) in processing order, as far back as
 * the longest window that counts them: the state of velocity counts and recent counts.
 */
final class RecentAttempts {

    /**
     * Per attempt, its time shifted left by one with whether it was approved in the lowest bit: one
     * array where two would each be a cache miss of their own with a million cards.
     */
    private long[] stamps;
    private String[] ids;
    int size;

    RecentAttempts() {
        this(4);
    }

    RecentAttempts(int capacity) {
        stamps = new long[capacity];
        ids = new String[capacity];
    }

    long time(int attempt) {
        return stamps[attempt] >> 1;
    }

    boolean approved(int attempt) {
        return (stamps[attempt] & 1) != 0;
    }

    String id(int attempt) {
        return ids[attempt];
    }

    void add(long ts, String id, boolean wasApproved) {
        if (size == stamps.length) {
            int capacity = size * 2;
            stamps = Arrays.copyOf(stamps, capacity);
            ids = Arrays.copyOf(ids, capacity);
        }
        stamps[size] = ts << 1 | (wasApproved ? 1 : 0);
        ids[size] = id;
        size++;
    }

    /** Drops the attempts before the given time. */
    void forgetBefore(long ts) {
        int first = 0;
        while (first < size && time(first) < ts) {
            first++;
        }
        if (first > 0) {
            System.arraycopy(stamps, first, stamps, 0, size - first);
            System.arraycopy(ids, first, ids, 0, size - first);
            Arrays.fill(ids, size - first, size, null);
            size -= first;
        }
    }

    /** How many attempts (declined ones only, if asked) at or after the given time. */
    int countSince(long start, boolean declinedOnly) {
        int count = 0;
        for (int i = size - 1; i >= 0 && time(i) >= start; i--) {
            if (!declinedOnly || !approved(i)) {
                count++;
            }
        }
        return count;
    }

    /** The ids of those attempts, oldest first. */
    List<String> idsSince(long start, boolean declinedOnly) {
        int first = size;
        while (first > 0 && time(first - 1) >= start) {
            first--;
        }
        List<String> selected = new ArrayList<>(size - first);
        for (int i = first; i < size; i++) {
            if (!declinedOnly || !approved(i)) {
                selected.add(ids[i]);
            }
        }
        return selected;
    }

    RecentAttempts copy() {
        RecentAttempts copy = new RecentAttempts(Math.max(size, 1));
        System.arraycopy(stamps, 0, copy.stamps, 0, size);
        System.arraycopy(ids, 0, copy.ids, 0, size);
        copy.size = size;
        return copy;
    }
}
