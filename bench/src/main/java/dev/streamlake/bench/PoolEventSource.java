package dev.streamlake.bench;

import dev.streamlake.core.source.EventSource;
import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/**
 * The installed {@link EventPool} as an {@link EventSource}: a FLIP-27 number sequence of record
 * indices, decoded by a chained {@link PoolDecoder}. The sequence source is the cheapest FLIP-27
 * source there is (the data generator source pays a future per record for rate limiting), so the
 * source does not dominate what is measured.
 */
final class PoolEventSource implements EventSource<SensorReading> {

    /** The generator's default bound on out-of-order event times. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    private final EventFormat<SensorReading> format;
    private final long events;
    private final WatermarkEmission watermarks;

    PoolEventSource(EventFormat<SensorReading> format, long events, WatermarkEmission watermarks) {
        this.format = format;
        this.events = events;
        this.watermarks = watermarks;
    }

    /** Decoded records without timestamps or watermarks. */
    DataStream<Decoded<SensorReading>> decoded(StreamExecutionEnvironment env) {
        return env.fromSequence(0, events - 1)
                .uid("event-pool")
                .name("Event pool")
                .map(new PoolDecoder(format))
                .returns(Decoded.typeInfo(format.eventType()))
                .uid("decode")
                .name("Decode JSON");
    }

    @Override
    public DataStream<Decoded<SensorReading>> createStream(StreamExecutionEnvironment env) {
        return decoded(env)
                .assignTimestampsAndWatermarks(watermarks.strategy(OUT_OF_ORDERNESS))
                .uid("watermarks")
                .name("Event-time watermarks");
    }
}
