package dev.streamlake.core.source;

import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

import java.time.Duration;

/**
 * Bounded out-of-orderness watermarks (the largest event time minus the bound minus 1 ms, as
 * Flink's own), driven by events only and emitted with the event that moves them.
 *
 * <p>Emitted per event, not periodically: a periodic watermark lets every record read within
 * one interval through before event time moves, which in a backlog is thousands of records, so
 * whether a record is late would depend on how fast the input is read. Per event, the watermark
 * a record of a partition meets depends only on the records of that partition before it.
 *
 * <p>Dead letters carry their ingestion time, which during a replay of old data lies far ahead of
 * the events; letting them advance the watermark would make every following event late.
 */
final class EventDrivenWatermarks<T> implements WatermarkGenerator<Decoded<T>> {

    private final long outOfOrdernessMillis;
    private long emitted = Long.MIN_VALUE;

    EventDrivenWatermarks(Duration outOfOrderness) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
    }

    @Override
    public void onEvent(Decoded<T> record, long eventTimestamp, WatermarkOutput output) {
        if (!record.isValue()) {
            return;
        }
        long watermark = eventTimestamp - outOfOrdernessMillis - 1;
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        // Every watermark went out with its event.
    }
}
