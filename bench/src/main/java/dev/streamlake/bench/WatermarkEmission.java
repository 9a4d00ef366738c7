package dev.streamlake.bench;

import dev.streamlake.core.source.DecodedWatermarks;
import dev.streamlake.serde.Decoded;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

import java.time.Duration;

/**
 * How the pool source emits its watermarks: per record, as every source of the project does
 * now, or periodically, as they did before, so that the cost of the change is measured in the
 * same run on the same records.
 */
enum WatermarkEmission {

    /** The project's strategy ({@code EventDrivenWatermarks}): a watermark with every event that moves it. */
    PER_RECORD("per-record"),

    /**
     * Flink's {@code WatermarkStrategy.forBoundedOutOfOrderness} with the same bound, emitted every
     * {@code pipeline.auto-watermark-interval} (200 ms); dead letters do not move it, as before.
     */
    PERIODIC("periodic");

    private final String label;

    WatermarkEmission(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static WatermarkEmission parse(String label) {
        for (WatermarkEmission emission : values()) {
            if (emission.label.equals(label)) {
                return emission;
            }
        }
        throw new IllegalArgumentException("unknown watermark emission " + label + "; known: per-record, periodic");
    }

    <T extends SpecificRecord> WatermarkStrategy<Decoded<T>> strategy(Duration outOfOrderness, PoolEvents<T> events) {
        if (this == PER_RECORD) {
            return DecodedWatermarks.of(outOfOrderness, Duration.ZERO, events::eventTimeMillis);
        }
        return WatermarkStrategy.<Decoded<T>>forGenerator(
                        context -> new EventsOnly<>(WatermarkStrategy.<Decoded<T>>forBoundedOutOfOrderness(
                                outOfOrderness).createWatermarkGenerator(context)))
                .withTimestampAssigner((record, previous) -> record.isValue()
                        ? events.eventTimeMillis(record.getValue())
                        : record.getDeadLetter().getIngestionTime().toEpochMilli());
    }

    /** Flink's generator fed with events only: a dead letter's ingestion time is no event time. */
    private static final class EventsOnly<T> implements WatermarkGenerator<Decoded<T>> {

        private final WatermarkGenerator<Decoded<T>> events;

        EventsOnly(WatermarkGenerator<Decoded<T>> events) {
            this.events = events;
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
}
