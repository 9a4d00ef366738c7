package dev.streamlake.core.source;

import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

import java.time.Duration;

/**
 * Bounded out-of-orderness watermarks driven by events only. Dead letters carry their ingestion
 * time, which during a replay of old data lies far ahead of the events; letting them advance
 * the watermark would make every following event late.
 */
final class EventDrivenWatermarks<T> implements WatermarkGenerator<Decoded<T>> {

    private final BoundedOutOfOrdernessWatermarks<Decoded<T>> events;

    EventDrivenWatermarks(Duration outOfOrderness) {
        this.events = new BoundedOutOfOrdernessWatermarks<>(outOfOrderness);
    }

    @Override
    public void onEvent(Decoded<T> record, long eventTimestamp, WatermarkOutput output) {
        if (record.isValue()) {
            events.onEvent(record, eventTimestamp, output);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        events.onPeriodicEmit(output);
    }
}
