package dev.streamlake.serde.kafka;

import dev.streamlake.events.RecordOrigin;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.MeteredRecordDecoder;
import dev.streamlake.serde.RecordDecoder;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;

/**
 * Decodes the values of Kafka records, with their keys for the formats that read them; dead
 * letters name the topic, partition, offset and the record's timestamp, so the bad record can be
 * found and replayed. Tombstones a format expects (see {@link EventFormat#skipsAbsentValues}) yield
 * nothing and are counted.
 */
public final class KafkaDecodingDeserializationSchema<T>
        implements KafkaRecordDeserializationSchema<Decoded<T>> {

    private static final long serialVersionUID = 1L;

    static final String ORIGIN_SYSTEM = "kafka";

    private final MeteredRecordDecoder<T> decoder;

    public KafkaDecodingDeserializationSchema(EventFormat<T> format) {
        this(new RecordDecoder<>(format));
    }

    public KafkaDecodingDeserializationSchema(RecordDecoder<T> decoder) {
        this.decoder = new MeteredRecordDecoder<>(decoder);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        decoder.open(context.getMetricGroup());
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<T>> out) {
        // Kafka marks a record without a timestamp with a negative one.
        Instant timestamp = record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp());
        RecordOrigin origin =
                new RecordOrigin(
                        ORIGIN_SYSTEM,
                        record.topic(),
                        String.valueOf(record.partition()),
                        String.valueOf(record.offset()),
                        timestamp);
        decoder.decode(record.key(), record.value(), origin, out);
    }

    @Override
    public TypeInformation<Decoded<T>> getProducedType() {
        return decoder.producedType();
    }
}
