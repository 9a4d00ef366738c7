package dev.streamlake.core.kinesis;

import dev.streamlake.core.source.EventSource;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;

/**
 * The Kinesis consumer as an {@link EventSource}. The consumer is a legacy source function, so
 * watermarks are generated right after it, chained in the same task: per parallel reader rather
 * than per shard, which is why the out-of-orderness bound must cover the skew between the shards
 * one reader holds.
 */
final class KinesisEventSource<T> implements EventSource<T> {

    static final String UID = "kinesis-source";

    private final FlinkKinesisConsumer<Decoded<T>> consumer;
    private final WatermarkStrategy<Decoded<T>> watermarks;
    private final TypeInformation<Decoded<T>> type;
    private final String name;

    KinesisEventSource(
            FlinkKinesisConsumer<Decoded<T>> consumer,
            WatermarkStrategy<Decoded<T>> watermarks,
            TypeInformation<Decoded<T>> type,
            String name) {
        this.consumer = consumer;
        this.watermarks = watermarks;
        this.type = type;
        this.name = name;
    }

    // The Kinesis connector available for Flink 1.20 offers only this source-function consumer.
    @SuppressWarnings("deprecation")
    @Override
    public DataStream<Decoded<T>> createStream(StreamExecutionEnvironment env) {
        return env.addSource(consumer, name, type)
                .uid(UID)
                .assignTimestampsAndWatermarks(watermarks)
                .uid(UID + "-watermarks")
                .name(name + " watermarks");
    }
}
