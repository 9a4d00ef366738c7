package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.functions.MapFunction;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes records through unchanged and fails the task once, when a given reading first comes by:
 * a failure at a chosen point of the input, so a test knows which records the recovery replays
 * after the last checkpoint. "Once" holds per {@code failureId} for the whole test JVM, across
 * the restarts it causes.
 */
final class FailOnceAtReading implements MapFunction<Decoded<SensorReading>, Decoded<SensorReading>> {

    private static final long serialVersionUID = 1L;

    /** Static on purpose: the MiniCluster runs in the test JVM, and this survives task restarts. */
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    private final String failureId;
    private final String sensorId;
    private final long ts;
    private final double value;

    FailOnceAtReading(String failureId, Reading reading) {
        this.failureId = failureId;
        this.sensorId = reading.sensorId;
        this.ts = reading.ts;
        this.value = reading.value;
    }

    static boolean hasFailed(String failureId) {
        return FAILED.contains(failureId);
    }

    @Override
    public Decoded<SensorReading> map(Decoded<SensorReading> record) {
        if (record.isValue() && isTheReading(record.getValue()) && FAILED.add(failureId)) {
            throw new IllegalStateException("Injected failure " + failureId + " at the reading of "
                    + sensorId + " at " + ts);
        }
        return record;
    }

    private boolean isTheReading(SensorReading reading) {
        return reading.getSensorId().equals(sensorId)
                && reading.getTs().toEpochMilli() == ts
                && Double.compare(reading.getReading(), value) == 0;
    }
}
