package dev.streamlake.core.kinesis;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.serde.EncodingSerializationSchema;
import dev.streamlake.serde.EventFormat;

import org.apache.flink.connector.kinesis.sink.KinesisStreamsSink;
import org.apache.flink.connector.kinesis.sink.KinesisStreamsSinkBuilder;
import org.apache.flink.connector.kinesis.sink.PartitionKeyGenerator;

/**
 * Builds Kinesis sinks from configuration ({@link KinesisKeys#SINK}).
 *
 * <p>Kinesis has no transactions: the sink is <b>at-least-once</b>. After a failure the records
 * sent since the last checkpoint are sent again, so readers must tolerate duplicates (e.g. by
 * an event id). Use Kafka or Delta when downstream needs exactly-once.
 */
public final class KinesisSinkFactory {

    private static final String STREAM_ARN_PREFIX = "arn:";

    private KinesisSinkFactory() {}

    /**
     * The sink to {@code kinesis.stream}; the partition key decides the shard, so events that
     * must stay in order (e.g. one sensor's) need the same key.
     */
    public static <T> KinesisStreamsSink<T> create(
            JobConfig config, EventFormat<T> format, PartitionKeyGenerator<T> partitionKey) {
        return create(config, config.get(KinesisKeys.SINK_STREAM), format, partitionKey);
    }

    /**
     * A sink to another stream, e.g. for dead letters; region and credentials are shared. The
     * stream is a name or an ARN ({@code arn:aws:kinesis:...}).
     */
    public static <T> KinesisStreamsSink<T> create(
            JobConfig config, String stream, EventFormat<T> format, PartitionKeyGenerator<T> partitionKey) {
        KinesisStreamsSinkBuilder<T> builder =
                KinesisStreamsSink.<T>builder()
                        .setKinesisClientProperties(KinesisClientProperties.from(config))
                        .setSerializationSchema(new EncodingSerializationSchema<>(format))
                        .setPartitionKeyGenerator(partitionKey);
        return target(builder, stream).build();
    }

    // Names are deprecated in favour of ARNs, but a name is what people know and what local
    // mocks are set up with; both stay accepted.
    @SuppressWarnings("deprecation")
    private static <T> KinesisStreamsSinkBuilder<T> target(KinesisStreamsSinkBuilder<T> builder, String stream) {
        return stream.startsWith(STREAM_ARN_PREFIX) ? builder.setStreamArn(stream) : builder.setStreamName(stream);
    }
}
