package dev.streamlake.serde.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.Order;
import dev.streamlake.events.RecordOrigin;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventSamples;
import dev.streamlake.serde.MeteredRecordDecoder;
import dev.streamlake.serde.RecordingMetricGroup;
import dev.streamlake.serde.avro.AvroTypes;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.util.InstantiationUtil;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

class KafkaDecodingDeserializationSchemaTest {

    private static final long TIMESTAMP = Instant.parse("2024-05-01T09:30:00.250Z").toEpochMilli();

    private final JsonFormat<Order> format = new JsonFormat<>(Order.class);
    private final RecordingMetricGroup metrics = new RecordingMetricGroup();
    private final List<Decoded<Order>> out = new ArrayList<>();
    private KafkaDecodingDeserializationSchema<Order> schema;

    @BeforeEach
    void open() throws Exception {
        schema = InstantiationUtil.clone(new KafkaDecodingDeserializationSchema<>(format));
        schema.open(metrics.deserializationContext());
    }

    @Test
    void decodesRecordValues() throws Exception {
        Order order = EventSamples.order(0);

        schema.deserialize(record(format.encode(order), TIMESTAMP), new ListCollector<>(out));

        assertThat(out).containsExactly(Decoded.of(order));
        assertThat(metrics.count(MeteredRecordDecoder.RECORDS_DECODED)).isEqualTo(1);
        assertThat(metrics.count(MeteredRecordDecoder.DEAD_LETTERS)).isZero();
    }

    @Test
    void namesTopicPartitionOffsetAndTimestampInDeadLetters() throws Exception {
        schema.deserialize(record("{\"order_id\":".getBytes(StandardCharsets.UTF_8), TIMESTAMP), new ListCollector<>(out));

        assertThat(out).hasSize(1);
        assertThat(out.get(0).getDeadLetter().getOrigin())
                .isEqualTo(new RecordOrigin("kafka", "orders", "4", "1234567", Instant.ofEpochMilli(TIMESTAMP)));
        assertThat(metrics.count(MeteredRecordDecoder.DEAD_LETTERS)).isEqualTo(1);
    }

    @Test
    void deadLettersTombstonesAndRecordsWithoutTimestamp() throws Exception {
        schema.deserialize(record(null, ConsumerRecord.NO_TIMESTAMP), new ListCollector<>(out));

        assertThat(out.get(0).getDeadLetter().getErrorMessage()).isEqualTo("the record has no value (null)");
        assertThat(out.get(0).getDeadLetter().getOrigin().getSourceTime()).isNull();
    }

    @Test
    void producesDecodedOfTheFormatsEventType() {
        assertThat(schema.getProducedType()).isEqualTo(Decoded.typeInfo(AvroTypes.typeInfo(Order.class)));
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value, long timestamp) {
        return new ConsumerRecord<>(
                "orders", 4, 1_234_567L, timestamp, TimestampType.CREATE_TIME, 5, value == null ? -1 : value.length,
                "order-1".getBytes(StandardCharsets.UTF_8), value, new RecordHeaders(), Optional.empty());
    }
}
