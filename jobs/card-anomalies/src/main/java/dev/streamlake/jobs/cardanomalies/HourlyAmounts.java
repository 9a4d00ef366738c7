package dev.streamlake.jobs.cardanomalies;

import java.util.Arrays;

/**
 * A card's amounts in hourly buckets (count, mean, sum of squared deviations), oldest first: the
 * baseline's state, bounded by the baseline's length in hours whatever the card's rate. Amounts
 * arrive in event-time order, so only the newest bucket ever grows.
 */
final class HourlyAmounts {

    /**
     * Per bucket, one after the other: its hour, count, mean and sum of squared deviations, all as
     * doubles (hours and counts are whole numbers far below 2^53). One array rather than one per
     * field: a card's buckets are read on every authorisation, and with a million cards each array
     * is a cache miss of its own.
     */
    private static final int STRIDE = 4;

    private double[] buckets;
    int size;

    HourlyAmounts() {
        this(4);
    }

    HourlyAmounts(int capacity) {
        buckets = new double[capacity * STRIDE];
    }

    static long hourOf(long ts) {
        return Math.floorDiv(ts, DetectorSettings.HOUR_MILLIS);
    }

    long hour(int bucket) {
        return (long) buckets[bucket * STRIDE];
    }

    int count(int bucket) {
        return (int) buckets[bucket * STRIDE + 1];
    }

    double mean(int bucket) {
        return buckets[bucket * STRIDE + 2];
    }

    double m2(int bucket) {
        return buckets[bucket * STRIDE + 3];
    }

    void add(long ts, double amount) {
        long hour = hourOf(ts);
        if (size == 0 || hour(size - 1) != hour) {
            append(hour, 0, 0, 0);
        }
        int last = (size - 1) * STRIDE;
        double count = ++buckets[last + 1];
        double mean = buckets[last + 2];
        double delta = amount - mean;
        mean += delta / count;
        buckets[last + 2] = mean;
        buckets[last + 3] += delta * (amount - mean);
    }

    void append(long hour, int count, double mean, double m2) {
        int at = size * STRIDE;
        if (at == buckets.length) {
            buckets = Arrays.copyOf(buckets, Math.max(at * 2, STRIDE));
        }
        buckets[at] = hour;
        buckets[at + 1] = count;
        buckets[at + 2] = mean;
        buckets[at + 3] = m2;
        size++;
    }

    /** Drops the buckets of hours before the given one. */
    void forgetBefore(long hour) {
        int first = 0;
        while (first < size && hour(first) < hour) {
            first++;
        }
        if (first > 0) {
            System.arraycopy(buckets, first * STRIDE, buckets, 0, (size - first) * STRIDE);
            size -= first;
        }
    }

    /**
     * Count, mean and population deviation over every bucket held, in two passes: the mean of the
     * buckets' sums, then each bucket's squared deviations about that mean (its own plus its count
     * times its mean's distance from it). The same result as merging the buckets one by one, as
     * stable, but with no division in the loops, which runs once per authorisation over up to the
     * baseline's hours.
     */
    Baseline baseline() {
        int end = size * STRIDE;
        double count = 0;
        double sum = 0;
        for (int at = 0; at < end; at += STRIDE) {
            count += buckets[at + 1];
            sum += buckets[at + 1] * buckets[at + 2];
        }
        if (count == 0) {
            return Baseline.NONE;
        }
        double mean = sum / count;
        double m2 = 0;
        for (int at = 0; at < end; at += STRIDE) {
            double distance = buckets[at + 2] - mean;
            m2 += buckets[at + 3] + buckets[at + 1] * distance * distance;
        }
        return new Baseline((int) count, mean, Math.sqrt(m2 / count));
    }

    HourlyAmounts copy() {
        HourlyAmounts copy = new HourlyAmounts(Math.max(size, 1));
        System.arraycopy(buckets, 0, copy.buckets, 0, size * STRIDE);
        copy.size = size;
        return copy;
    }

    /** A card's baseline as of one authorisation: how many earlier amounts, their mean and deviation. */
    static final class Baseline {

        static final Baseline NONE = new Baseline(0, Double.NaN, Double.NaN);

        final int count;
        final double mean;
        final double stddev;

        Baseline(int count, double mean, double stddev) {
            this.count = count;
            this.mean = mean;
            this.stddev = stddev;
        }
    }
}
