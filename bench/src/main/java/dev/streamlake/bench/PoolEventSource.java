package dev.streamlake.bench;

import dev.streamlake.core.source.EventSource;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/**
 * One input's lane of the installed {@link EventPool} as an {@link EventSource}: a FLIP-27 number
 * sequence of record indices, decoded by a chained {@link PoolDecoder}; uids and names carry the
 * event type, so a job with two inputs has two of them. The sequence source is the cheapest FLIP-27
 * source there is (the data generator source pays a future per record for rate limiting), so the
 * source does not dominate what is measured.
 */
final class PoolEventSource<T extends SpecificRecord> implements EventSource<T> {

    /** The generator's default bound on out-of-order event times. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    private final PoolEvents<T> events;
    private final EventFormat<T> format;
    private final long count;
    private final WatermarkEmission watermarks;

    PoolEventSource(PoolEvents<T> events, EventFormat<T> format, long count, WatermarkEmission watermarks) {
        this.events = events;
        this.format = format;
        this.count = count;
        this.watermarks = watermarks;
    }

    /** Decoded records without timestamps or watermarks. */
    DataStream<Decoded<T>> decoded(StreamExecutionEnvironment env) {
        String type = events.type().getSimpleName();
        return env.fromSequence(0, count - 1)
                .uid("event-pool-" + type)
                .name("Event pool: " + type)
                .map(new PoolDecoder<>(format, events))
                .returns(Decoded.typeInfo(format.eventType()))
                .uid("decode-" + type)
                .name("Decode " + format.name());
    }

    @Override
    public DataStream<Decoded<T>> createStream(StreamExecutionEnvironment env) {
        return decoded(env)
                .assignTimestampsAndWatermarks(watermarks.strategy(OUT_OF_ORDERNESS, events))
                .uid("watermarks-" + events.type().getSimpleName())
                .name("Event-time watermarks");
    }
}
