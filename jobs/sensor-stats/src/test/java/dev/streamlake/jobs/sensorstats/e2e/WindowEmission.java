package dev.streamlake.jobs.sensorstats.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of the statistics table: a sensor's window as emitted with a revision, every column
 * but the processing-time {@code emitted_at}. The oracle computes it from the window's readings
 * the plain way (a sum for the mean, two passes for the deviation); the job keeps running
 * statistics, so doubles are compared with a relative tolerance.
 */
final class WindowEmission {

    static final double RELATIVE_TOLERANCE = 1e-9;

    /** Below this, two doubles are equal whatever their ratio: both are zero but for rounding. */
    private static final double NEGLIGIBLE = 1e-12;

    final String sensorId;
    final String site;
    final long windowStart;
    final long windowEnd;
    final long count;
    final double min;
    final double max;
    final double mean;
    final double stddev;
    final double firstReading;
    final double lastReading;
    final long firstTs;
    final long lastTs;
    final int revision;

    private WindowEmission(
            String sensorId, String site, long windowStart, long windowEnd, long count,
            double min, double max, double mean, double stddev,
            double firstReading, double lastReading, long firstTs, long lastTs, int revision) {
        this.sensorId = sensorId;
        this.site = site;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.count = count;
        this.min = min;
        this.max = max;
        this.mean = mean;
        this.stddev = stddev;
        this.firstReading = firstReading;
        this.lastReading = lastReading;
        this.firstTs = firstTs;
        this.lastTs = lastTs;
        this.revision = revision;
    }

    /**
     * The statistics of the readings in a window, in arrival order: the first and last readings
     * by event time, ties going to the smaller and the larger value; the site of the latest arrival.
     */
    static WindowEmission of(String sensorId, long windowStart, long windowEnd, List<Reading> readings, int revision) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        Reading first = readings.get(0);
        Reading last = readings.get(0);
        for (Reading reading : readings) {
            sum += reading.value;
            min = Math.min(min, reading.value);
            max = Math.max(max, reading.value);
            if (reading.ts < first.ts || (reading.ts == first.ts && reading.value < first.value)) {
                first = reading;
            }
            if (reading.ts > last.ts || (reading.ts == last.ts && reading.value > last.value)) {
                last = reading;
            }
        }
        int n = readings.size();
        double mean = sum / n;
        double squares = 0;
        for (Reading reading : readings) {
            squares += (reading.value - mean) * (reading.value - mean);
        }
        return new WindowEmission(
                sensorId, readings.get(n - 1).site, windowStart, windowEnd, n,
                min, max, mean, Math.sqrt(squares / n),
                first.value, last.value, first.ts, last.ts, revision);
    }

    static WindowEmission fromRow(Map<String, Object> row) {
        return new WindowEmission(
                (String) row.get("sensor_id"),
                (String) row.get("site"),
                millis(row.get("window_start")),
                millis(row.get("window_end")),
                (Long) row.get("count"),
                (Double) row.get("min"),
                (Double) row.get("max"),
                (Double) row.get("mean"),
                (Double) row.get("stddev"),
                (Double) row.get("first_reading"),
                (Double) row.get("last_reading"),
                millis(row.get("first_ts")),
                millis(row.get("last_ts")),
                (Integer) row.get("revision"));
    }

    /** Sensor, window and revision: what makes a row unique in a correct table. */
    String key() {
        return windowKey() + " revision " + revision;
    }

    /** Sensor and window, the same for every revision of the window. */
    String windowKey() {
        return sensorId + " [" + Instant.ofEpochMilli(windowStart) + ", " + Instant.ofEpochMilli(windowEnd) + ")";
    }

    /** The columns in which this row differs from the expected one, in words; empty if none. */
    List<String> differencesFrom(WindowEmission expected) {
        List<String> differences = new ArrayList<>();
        compare(differences, "site", site, expected.site);
        compare(differences, "count", count, expected.count);
        compare(differences, "first_ts", Instant.ofEpochMilli(firstTs), Instant.ofEpochMilli(expected.firstTs));
        compare(differences, "last_ts", Instant.ofEpochMilli(lastTs), Instant.ofEpochMilli(expected.lastTs));
        close(differences, "min", min, expected.min);
        close(differences, "max", max, expected.max);
        close(differences, "mean", mean, expected.mean);
        close(differences, "stddev", stddev, expected.stddev);
        close(differences, "first_reading", firstReading, expected.firstReading);
        close(differences, "last_reading", lastReading, expected.lastReading);
        return differences;
    }

    private static void compare(List<String> differences, String column, Object actual, Object expected) {
        if (!actual.equals(expected)) {
            differences.add(column + " " + actual + " instead of " + expected);
        }
    }

    private static void close(List<String> differences, String column, double actual, double expected) {
        double allowed = RELATIVE_TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected)) + NEGLIGIBLE;
        if (!(Math.abs(actual - expected) <= allowed)) {
            differences.add(column + " " + actual + " instead of " + expected);
        }
    }

    private static long millis(Object instant) {
        return ((Instant) instant).toEpochMilli();
    }

    @Override
    public String toString() {
        return key() + ": count " + count + ", mean " + mean;
    }
}
