package dev.streamlake.jobs.cardanomalies;

import java.util.Arrays;

/**
 * A card's amounts in hourly buckets (count, mean, sum of squared deviations), oldest first: the
 * baseline's state, bounded by the baseline's length in hours whatever the card's rate. Amounts
 * arrive in event-time order, so only the newest bucket ever grows.
 */
final class HourlyAmounts {

    long[] hours;
    int[] counts;
    double[] means;
    double[] m2s;
    int size;

    HourlyAmounts() {
        this(4);
    }

    HourlyAmounts(int capacity) {
        hours = new long[capacity];
        counts = new int[capacity];
        means = new double[capacity];
        m2s = new double[capacity];
    }

    static long hourOf(long ts) {
        return Math.floorDiv(ts, DetectorSettings.HOUR_MILLIS);
    }

    void add(long ts, double amount) {
        long hour = hourOf(ts);
        if (size == 0 || hours[size - 1] != hour) {
            append(hour, 0, 0, 0);
        }
        int last = size - 1;
        int count = ++counts[last];
        double delta = amount - means[last];
        means[last] += delta / count;
        m2s[last] += delta * (amount - means[last]);
    }

    void append(long hour, int count, double mean, double m2) {
        if (size == hours.length) {
            int capacity = size * 2;
            hours = Arrays.copyOf(hours, capacity);
            counts = Arrays.copyOf(counts, capacity);
            means = Arrays.copyOf(means, capacity);
            m2s = Arrays.copyOf(m2s, capacity);
        }
        hours[size] = hour;
        counts[size] = count;
        means[size] = mean;
        m2s[size] = m2;
        size++;
    }

    /** Drops the buckets of hours before the given one. */
    void forgetBefore(long hour) {
        int first = 0;
        while (first < size && hours[first] < hour) {
            first++;
        }
        if (first > 0) {
            System.arraycopy(hours, first, hours, 0, size - first);
            System.arraycopy(counts, first, counts, 0, size - first);
            System.arraycopy(means, first, means, 0, size - first);
            System.arraycopy(m2s, first, m2s, 0, size - first);
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
        long count = 0;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            count += counts[i];
            sum += counts[i] * means[i];
        }
        if (count == 0) {
            return Baseline.NONE;
        }
        double mean = sum / count;
        double m2 = 0;
        for (int i = 0; i < size; i++) {
            double distance = means[i] - mean;
            m2 += m2s[i] + counts[i] * distance * distance;
        }
        return new Baseline((int) count, mean, Math.sqrt(m2 / count));
    }

    HourlyAmounts copy() {
        HourlyAmounts copy = new HourlyAmounts(Math.max(size, 1));
        for (int i = 0; i < size; i++) {
            copy.append(hours[i], counts[i], means[i], m2s[i]);
        }
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
