package dev.streamlake.core.source;

import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

import java.util.Objects;

/**
 * The source of an input with {@code source.type=none}: it ends at once, and its final watermark
 * (the end of time) leaves the event time of the job's other inputs alone.
 */
final class EmptyEventSource<T> implements EventSource<T> {

    private final TypeInformation<Decoded<T>> type;
    private final String uid;
    private final String name;

    EmptyEventSource(TypeInformation<Decoded<T>> type, String uid, String name) {
        this.type = Objects.requireNonNull(type, "type");
        this.uid = Objects.requireNonNull(uid, "uid");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public DataStream<Decoded<T>> createStream(StreamExecutionEnvironment env) {
        // Flink has no source of nothing (an empty collection source makes one element): one
        // number, dropped, then the end and its final watermark.
        return env.fromSource(new NumberSequenceSource(0, 0), WatermarkStrategy.noWatermarks(), name)
                .uid(uid)
                .flatMap((Long number, Collector<Decoded<T>> nothing) -> {})
                .returns(type)
                .name(name + ": no events")
                .uid(uid + "-no-events");
    }
}
