package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

import java.time.Duration;

/**
 * Bounded out-of-orderness watermarks (the largest event time minus the bound minus 1 ms, as
 * Flink's own) emitted right after every reading instead of periodically: the watermark a
 * reading meets then depends only on the readings before it, never on timing, so a run is
 * reproducible and an oracle can follow it. Dead letters do not move it, as in the job's strategy.
 */
final class PerEventWatermarks implements WatermarkGenerator<Decoded<SensorReading>> {

    private final long outOfOrdernessMillis;
    private long largestEventTime = Long.MIN_VALUE;

    private PerEventWatermarks(long outOfOrdernessMillis) {
        this.outOfOrdernessMillis = outOfOrdernessMillis;
    }

    static WatermarkStrategy<Decoded<SensorReading>> strategy(Duration outOfOrderness) {
        long bound = outOfOrderness.toMillis();
        return WatermarkStrategy.<Decoded<SensorReading>>forGenerator(context -> new PerEventWatermarks(bound))
                .withTimestampAssigner((record, previous) -> record.isValue()
                        ? record.getValue().getTs().toEpochMilli()
                        : record.getDeadLetter().getIngestionTime().toEpochMilli());
    }

    @Override
    public void onEvent(Decoded<SensorReading> record, long eventTimestamp, WatermarkOutput output) {
        if (record.isValue()) {
            largestEventTime = Math.max(largestEventTime, eventTimestamp);
            output.emitWatermark(new Watermark(largestEventTime - outOfOrdernessMillis - 1));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
}
