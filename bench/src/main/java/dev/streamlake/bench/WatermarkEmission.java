package dev.streamlake.bench;

import dev.streamlake.core.source.DecodedWatermarks;
import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.Decoded;

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

    /** The project's strategy ({@code EventDrivenWatermarks}): a watermark with every reading that moves it. */
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

    WatermarkStrategy<Decoded<SensorReading>> strategy(Duration outOfOrderness) {
        if (this == PER_RECORD) {
            return DecodedWatermarks.of(outOfOrderness, Duration.ZERO, reading -> reading.getTs().toEpochMilli());
        }
        return WatermarkStrategy.<Decoded<SensorReading>>forGenerator(
                        context -> new ReadingsOnly(WatermarkStrategy.<Decoded<SensorReading>>forBoundedOutOfOrderness(
                                outOfOrderness).createWatermarkGenerator(context)))
                .withTimestampAssigner((record, previous) -> record.isValue()
                        ? record.getValue().getTs().toEpochMilli()
                        : record.getDeadLetter().getIngestionTime().toEpochMilli());
    }

    /** Flink's generator fed with readings only: a dead letter's ingestion time is no event time. */
    private static final class ReadingsOnly implements WatermarkGenerator<Decoded<SensorReading>> {

        private final WatermarkGenerator<Decoded<SensorReading>> readings;

        ReadingsOnly(WatermarkGenerator<Decoded<SensorReading>> readings) {
            this.readings = readings;
        }

        @Override
        public void onEvent(Decoded<SensorReading> record, long eventTimestamp, WatermarkOutput output) {
            if (record.isValue()) {
                readings.onEvent(record, eventTimestamp, output);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            readings.onPeriodicEmit(output);
        }
    }
}
