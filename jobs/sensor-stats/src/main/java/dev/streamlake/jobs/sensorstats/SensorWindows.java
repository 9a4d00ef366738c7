package dev.streamlake.jobs.sensorstats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Everything the job keeps for one sensor, as one state value: its open windows (a few at a time:
 * size / slide, plus those waiting out the allowed lateness) and the readings it must recognise
 * as duplicates. One state access per reading is cheaper than one per window and one per event
 * time. Serialized by {@link SensorWindowsSerializer}.
 */
final class SensorWindows {

    OpenWindow[] windows = new OpenWindow[0];

    /**
     * Values counted at each event time an open window still covers, except the readings that
     * opened their newest window (those windows remember them); null until needed, which it never
     * is for a sensor sending less than one reading per window.
     *
     * <p>Keyed by the event time multiplied by an odd constant (a one-to-one mapping, see {@link
     * #timeKey}): sensors report at fixed intervals, and event times a fixed step apart fill only
     * a few of a {@link HashMap}'s buckets, which it then searches as trees.
     */
    Map<Long, double[]> counted;

    private static final long SPREAD = 0x9E3779B97F4A7C15L;
    /** The multiplicative inverse of {@link #SPREAD} modulo 2^64. */
    private static final long UNSPREAD = inverse(SPREAD);

    /** The open window with this end, or null. */
    OpenWindow find(long end) {
        for (OpenWindow window : windows) {
            if (window.end == end) {
                return window;
            }
        }
        return null;
    }

    OpenWindow open(long end) {
        OpenWindow window = new OpenWindow(end);
        windows = Arrays.copyOf(windows, windows.length + 1);
        windows[windows.length - 1] = window;
        return window;
    }

    /** Removes the window with this end; false if none is open. */
    boolean close(long end) {
        for (int i = 0; i < windows.length; i++) {
            if (windows[i].end == end) {
                OpenWindow[] rest = new OpenWindow[windows.length - 1];
                System.arraycopy(windows, 0, rest, 0, i);
                System.arraycopy(windows, i + 1, rest, i, rest.length - i);
                windows = rest;
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return windows.length == 0;
    }

    /**
     * Counts the value at this event time unless it was counted before; for readings whose newest
     * window is open already, so did not open it.
     *
     * @return false for a duplicate
     */
    boolean countOnce(long ts, double value) {
        if (counted == null) {
            counted = new HashMap<>();
        }
        Long key = timeKey(ts);
        double[] values = counted.get(key);
        if (values == null) {
            counted.put(key, new double[] {value});
            return true;
        }
        for (double v : values) {
            if (Double.compare(v, value) == 0) {
                return false;
            }
        }
        double[] more = Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        counted.put(key, more);
        return true;
    }

    /** The values counted at this event time, or null. */
    double[] countedAt(long ts) {
        return counted == null ? null : counted.get(timeKey(ts));
    }

    /** Puts values counted at an event time, as read from state. */
    void putCounted(long ts, double[] values) {
        if (counted == null) {
            counted = new HashMap<>();
        }
        counted.put(timeKey(ts), values);
    }

    static long timeKey(long ts) {
        return ts * SPREAD;
    }

    static long eventTime(long key) {
        return key * UNSPREAD;
    }

    private static long inverse(long odd) {
        long inverse = odd; // Newton's iteration: each step doubles the correct low bits (3 → 6 → ... → 96)
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - odd * inverse;
        }
        return inverse;
    }

    /** Forgets the counted values at event times before this one. */
    void forgetBefore(long ts) {
        if (counted == null) {
            return;
        }
        Iterator<Long> keys = counted.keySet().iterator();
        while (keys.hasNext()) {
            if (eventTime(keys.next()) < ts) {
                keys.remove();
            }
        }
        if (counted.isEmpty()) {
            counted = null;
        }
    }
}
