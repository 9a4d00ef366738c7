package dev.streamlake.core.source;

import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.Objects;

/**
 * An {@link EventSource} over any Flink {@link Source} (Kafka, the generator): watermarks are
 * generated inside the source, per partition or split, so one slow partition holds the
 * watermark back and an idle one does not.
 */
public final class ConnectorEventSource<T> implements EventSource<T> {

    private final Source<Decoded<T>, ?, ?> source;
    private final WatermarkStrategy<Decoded<T>> watermarks;
    private final TypeInformation<Decoded<T>> type;
    private final String uid;
    private final String name;

    public ConnectorEventSource(
            Source<Decoded<T>, ?, ?> source,
            WatermarkStrategy<Decoded<T>> watermarks,
            TypeInformation<Decoded<T>> type,
            String uid,
            String name) {
        this.source = Objects.requireNonNull(source, "source");
        this.watermarks = Objects.requireNonNull(watermarks, "watermarks");
        this.type = Objects.requireNonNull(type, "type");
        this.uid = Objects.requireNonNull(uid, "uid");
        this.name = Objects.requireNonNull(name, "name");
    }

    public Source<Decoded<T>, ?, ?> source() {
        return source;
    }

    public String uid() {
        return uid;
    }

    public String name() {
        return name;
    }

    @Override
    public DataStream<Decoded<T>> createStream(StreamExecutionEnvironment env) {
        return env.fromSource(source, watermarks, name, type).uid(uid);
    }
}
