package dev.streamlake.serde.kafka;

import dev.streamlake.serde.EventFormat;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes events to one Kafka topic in an {@link EventFormat}, with the event's timestamp and, when
 * a key extractor is given, a UTF-8 key so that events of one entity stay in one partition.
 */
public final class KafkaEncodingSerializationSchema<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final EventFormat<T> format;
    private final String topic;
    private final SerializableFunction<T, String> keyExtractor;

    /** Records without a key: Kafka spreads them over the partitions. */
    public KafkaEncodingSerializationSchema(EventFormat<T> format, String topic) {
        this(format, topic, null);
    }

    /** @param keyExtractor the record key of an event, e.g. its sensor id; may return null */
    public KafkaEncodingSerializationSchema(
            EventFormat<T> format, String topic, SerializableFunction<T, String> keyExtractor) {
        this.format = Objects.requireNonNull(format, "format");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.keyExtractor = keyExtractor;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
            throws Exception {
        format.open();
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        // Kafka rejects negative timestamps; events before 1970 get the broker's time instead.
        Long recordTimestamp = timestamp == null || timestamp < 0 ? null : timestamp;
        return new ProducerRecord<>(topic, null, recordTimestamp, key(element), format.encode(element));
    }

    private byte[] key(T element) {
        if (keyExtractor == null) {
            return null;
        }
        String key = keyExtractor.apply(element);
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }
}
