package dev.streamlake.core.kafka;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.kafka.KafkaEncodingSerializationSchema;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;

import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Map;
import java.util.Properties;

/**
 * Builds exactly-once Kafka sinks from configuration ({@link KafkaKeys#SINK}): records are
 * written in Kafka transactions committed on each checkpoint, so consumers reading with {@code
 * isolation.level=read_committed} see each record once, and only after the checkpoint.
 *
 * <p>The transaction timeout ({@code kafka.transaction-timeout}, 15 min by default) must
 * not exceed the brokers' {@code transaction.max.timeout.ms} (15 min by default), else the
 * producer fails at start; and it must exceed the time from a checkpoint to its commit after a
 * restart, else the brokers abort the transaction and its records are lost.
 */
public final class KafkaSinkFactory {


    private KafkaSinkFactory() {}

    /** The sink to {@code kafka.topic}; records have no key, so Kafka spreads them over the partitions. */
    public static <T> KafkaSink<T> create(JobConfig config, EventFormat<T> format) {
        return create(config, format, null);
    }

    /**
     * The sink to {@code kafka.topic} with {@code kafka.transactional-id-prefix}; events
     * with the same key (e.g. a sensor id) go to the same partition and so stay in order.
     *
     * @param key the record key of an event; {@code null} for records without a key
     */
    public static <T> KafkaSink<T> create(JobConfig config, EventFormat<T> format, SerializableFunction<T, String> key) {
        return create(config, format, key, config.get(KafkaKeys.SINK_TRANSACTIONAL_ID_PREFIX));
    }

    /**
     * As {@link #create(JobConfig, EventFormat, SerializableFunction)}, with the prefix taken when
     * {@code kafka.transactional-id-prefix} is not set, e.g. one made of the job's and the output's
     * names.
     */
    public static <T> KafkaSink<T> create(
            JobConfig config,
            EventFormat<T> format,
            SerializableFunction<T, String> key,
            String defaultTransactionalIdPrefix) {
        return create(
                config,
                config.getOptional(KafkaKeys.SINK_TRANSACTIONAL_ID_PREFIX).orElse(defaultTransactionalIdPrefix),
                new KafkaEncodingSerializationSchema<>(format, config.get(KafkaKeys.SINK_TOPIC), key));
    }

    /**
     * A sink with its own transactional id prefix and record serializer, e.g. for dead letters to
     * another topic; the brokers, client properties and transaction timeout are shared.
     */
    public static <T> KafkaSink<T> create(
            JobConfig config, String transactionalIdPrefix, KafkaRecordSerializationSchema<T> serializer) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.get(KafkaKeys.BOOTSTRAP_SERVERS))
                .setKafkaProducerConfig(producerProperties(config))
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .build();
    }

    /** The producer properties: the pass-through ones plus the transaction timeout. */
    public static Properties producerProperties(JobConfig config) {
        Properties properties =
                KafkaClientProperties.from(
                        config,
                        Map.of(
                                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                                "set it with " + config.nameOf(KafkaKeys.SINK_TRANSACTION_TIMEOUT),
                                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                                "set the prefix with " + config.nameOf(KafkaKeys.SINK_TRANSACTIONAL_ID_PREFIX)));
        properties.setProperty(
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                String.valueOf(config.get(KafkaKeys.SINK_TRANSACTION_TIMEOUT).toMillis()));
        return properties;
    }
}
