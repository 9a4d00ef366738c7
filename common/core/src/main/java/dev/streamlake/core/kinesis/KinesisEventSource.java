package dev.streamlake.core.kinesis;

import dev.streamlake.core.source.EventSource;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;

/**
 * The Kinesis consumer as an {@link EventSource}. Watermarks are made inside the consumer, per
 * shard ({@link ShardWatermarks}), and idle shards stop holding event time back after the
 * configured idleness.
 */
final class KinesisEventSource<T> implements EventSource<T> {

    private final FlinkKinesisConsumer<Decoded<T>> consumer;
    private final TypeInformation<Decoded<T>> type;
    private final String uid;
    private final String name;

    KinesisEventSource(
            FlinkKinesisConsumer<Decoded<T>> consumer, TypeInformation<Decoded<T>> type, String uid, String name) {
        this.consumer = consumer;
        this.type = type;
        this.uid = uid;
        this.name = name;
    }

    // The Kinesis connector available for Flink 1.20 offers only this source-function consumer.
    @SuppressWarnings("deprecation")
    @Override
    public DataStream<Decoded<T>> createStream(StreamExecutionEnvironment env) {
        return env.addSource(consumer, name, type).uid(uid);
    }
}
