package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.SensorReading;

/**
 * Running statistics of one sensor's readings in one window, built one reading at a time and
 * mergeable, so windows never buffer their events (and session-style merges stay possible).
 *
 * <p>Mean and variance use Welford's update and Chan's parallel merge, which stay accurate where
 * the naive sum-of-squares loses precision. First and last readings are chosen by event time;
 * ties go to the smaller (first) or larger (last) value, so the result does not depend on
 * arrival order.
 *
 * <p>A Flink POJO (public fields, no-argument constructor) so it is serialized without Kryo.
 */
public class SensorStatsAccumulator {

    public long count;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;
    public double mean;
    /** Sum of squared differences from the mean (Welford's M2). */
    public double m2;
    public long firstTs = Long.MAX_VALUE;
    public double firstReading;
    public long lastTs = Long.MIN_VALUE;
    public double lastReading;
    public String site;
    public String unit;

    public void add(SensorReading reading) {
        double value = reading.getReading();
        long ts = reading.getTs().toEpochMilli();
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        min = Math.min(min, value);
        max = Math.max(max, value);
        takeFirst(ts, value);
        takeLast(ts, value);
        site = reading.getSite();
        unit = reading.getUnit();
    }

    public SensorStatsAccumulator merge(SensorStatsAccumulator other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long total = count + other.count;
        double delta = other.mean - mean;
        mean += delta * other.count / total;
        m2 += other.m2 + delta * delta * ((double) count * other.count / total);
        count = total;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        takeFirst(other.firstTs, other.firstReading);
        takeLast(other.lastTs, other.lastReading);
        if (site == null) {
            site = other.site;
            unit = other.unit;
        }
        return this;
    }

    /** Population standard deviation; 0 for a single reading. */
    public double stddev() {
        return count == 0 ? 0.0 : Math.sqrt(Math.max(0.0, m2 / count));
    }

    private void takeFirst(long ts, double value) {
        if (ts < firstTs || (ts == firstTs && value < firstReading)) {
            firstTs = ts;
            firstReading = value;
        }
    }

    private void takeLast(long ts, double value) {
        if (ts > lastTs || (ts == lastTs && value > lastReading)) {
            lastTs = ts;
            lastReading = value;
        }
    }
}
